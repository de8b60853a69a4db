import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { changeEmail } from "@/lib/users/change-email";

/** A new email address for signing in; never shown to anyone else. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to change your settings.");
    await changeEmail(ctx, { email: form.get("email") ?? "", currentPassword: form.get("currentPassword") ?? "" });
    return { redirect: "/settings?saved=email#email" };
  });
}
