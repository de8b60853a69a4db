import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { updateNotificationPrefs } from "@/lib/users/update-notification-prefs";

/** Which kinds of notice this member gets (an unticked box is absent from the form: off). */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to change your settings.");
    const { prefs, changes } = await updateNotificationPrefs(ctx, Object.fromEntries(form));
    return { redirect: "/settings?saved=notifications#notifications", data: { prefs }, changes };
  });
}
