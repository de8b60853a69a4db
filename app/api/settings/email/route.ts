import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { handleForm } from "@/lib/forms/route";
import { changeEmail } from "@/lib/users/settings";

/** A new email address for signing in; never shown to anyone else. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const actor = await requireActor("Please sign in to change your settings.");
    await changeEmail(getDb(), actor.id, { email: form.get("email") ?? "", currentPassword: form.get("currentPassword") ?? "" });
    return { redirect: "/settings?saved=email#email" };
  });
}
