import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { handleForm } from "@/lib/forms/route";
import { updateNotificationPrefs } from "@/lib/users/settings";

/** Which kinds of notice this member gets (an unticked box is absent from the form: off). */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const actor = await requireActor("Please sign in to change your settings.");
    const prefs = updateNotificationPrefs(getDb(), actor.id, Object.fromEntries(form));
    return { redirect: "/settings?saved=notifications#notifications", data: { prefs } };
  });
}
