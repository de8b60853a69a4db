import type { NextRequest } from "next/server";
import { signIn } from "@/auth";
import { mintTicket } from "@/lib/auth/ticket";
import { handleForm } from "@/lib/forms/route";
import { safeCallbackUrl } from "@/lib/forms/read-state";
import { requestCtx } from "@/lib/http/ctx";
import { authenticate } from "@/lib/users/authenticate";

// Password sign-in: throttled, then the session cookie is issued by Auth.js.
export async function POST(req: NextRequest) {
  const callbackUrl = safeCallbackUrl(req.nextUrl.searchParams.get("callbackUrl"));
  return handleForm(req, `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, async (form) => {
    const user = await authenticate(requestCtx(req), { identifier: form.get("identifier") ?? undefined, password: form.get("password") ?? undefined });
    await signIn("credentials", { ticket: mintTicket(user.id, user.sessionVersion), redirect: false });
    return { redirect: safeCallbackUrl(form.get("callbackUrl") ?? callbackUrl) };
  });
}
