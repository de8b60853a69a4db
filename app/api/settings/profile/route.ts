import type { NextRequest } from "next/server";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { updateProfile } from "@/lib/users/update-profile";

/** Display name and bio. A new name shows at once on every page that names this member. */
export async function POST(req: NextRequest) {
  return handleForm(req, "/settings", async (form) => {
    const ctx = await memberCtx(req, "Please sign in to change your settings.");
    const { changes } = await updateProfile(ctx, { name: form.get("name") ?? "", bio: form.get("bio") ?? "" });
    return { redirect: "/settings?saved=profile#profile", changes };
  });
}
