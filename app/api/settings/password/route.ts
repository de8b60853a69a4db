import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { mintTicket } from "@/lib/auth/ticket";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { changePassword } from "@/lib/users/change-password";

const text = (v: FormDataEntryValue | null) => (typeof v === "string" ? v : "");

/** A new password. Every session of the account ends; this browser gets a fresh one. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to change your password.");
    const { sessionVersion } = await changePassword(ctx, {
      currentPassword: text(form.get("currentPassword")),
      newPassword: text(form.get("newPassword")),
      confirmPassword: text(form.get("confirmPassword")),
    });
    await signIn("credentials", { ticket: mintTicket(ctx.actor.id, sessionVersion), redirect: false });
    return { redirect: "/settings?saved=password#password" };
  });
}
