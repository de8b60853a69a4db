import type { NextRequest } from "next/server";
import { signOut } from "@/auth";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { expireTags } from "@/lib/cache/tags";
import { handleForm } from "@/lib/forms/route";
import { deleteAccount } from "@/lib/users/delete-account";
import { presenceTags } from "@/lib/users/presence";

/** Deletes the signed-in account (its published writing stays, by "deleted user") and signs out. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const actor = await requireActor("Please sign in to delete your account.");
    const db = getDb();
    // Where the name shows, found before the rows that say so are gone.
    const tags = presenceTags(db, actor.id);
    await deleteAccount(db, actor.id, { username: form.get("username"), currentPassword: form.get("currentPassword") });
    expireTags(tags);
    await signOut({ redirect: false });
    return { redirect: "/goodbye" };
  });
}
