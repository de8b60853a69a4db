import type { NextRequest } from "next/server";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { MEMBERS_TAG, expireTags, userTag } from "@/lib/cache/tags";
import { handleForm } from "@/lib/forms/route";
import { expirePresence } from "@/lib/users/presence";
import { updateProfile } from "@/lib/users/settings";

/** Display name and bio. A new name shows at once on every page that names this member. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const actor = await requireActor("Please sign in to change your settings.");
    const db = getDb();
    const { nameChanged, bioChanged } = updateProfile(db, actor.id, { name: form.get("name") ?? "", bio: form.get("bio") ?? "" });
    if (nameChanged) expirePresence(db, [actor.id]);
    else if (bioChanged) expireTags([userTag(actor.id), MEMBERS_TAG]);
    return { redirect: "/settings?saved=profile#profile" };
  });
}
