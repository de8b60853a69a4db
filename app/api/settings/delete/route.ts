import type { NextRequest } from "next/server";
import { signOut } from "@/auth";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { deleteAccount } from "@/lib/users/delete-account";

/** Deletes the signed-in account (its published writing stays, by "deleted user") and signs out. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to delete your account.");
    const { changes } = await deleteAccount(ctx, { username: form.get("username"), currentPassword: form.get("currentPassword") });
    await signOut({ redirect: false });
    return { redirect: "/goodbye", changes };
  });
}
