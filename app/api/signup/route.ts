import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { mintTicket } from "@/lib/auth/ticket";
import { handleForm } from "@/lib/forms/route";
import { safeCallbackUrl } from "@/lib/forms/read-state";
import { requestCtx } from "@/lib/http/ctx";
import { signUp } from "@/lib/users/sign-up";

// Creates a password account and signs it in; sign-ups are limited per address (lib/users/sign-up.ts).
export async function POST(req: NextRequest) {
  const callbackUrl = safeCallbackUrl(req.nextUrl.searchParams.get("callbackUrl"));
  return handleForm(req, `/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`, async (form) => {
    const user = await signUp(requestCtx(req), {
      username: form.get("username") ?? undefined,
      email: form.get("email") ?? undefined,
      password: form.get("password") ?? undefined,
      displayName: form.get("displayName") ?? undefined,
    });
    await signIn("credentials", { ticket: mintTicket(user.id, user.sessionVersion), redirect: false });
    return { redirect: safeCallbackUrl(form.get("callbackUrl") ?? callbackUrl), changes: user.changes };
  });
}
