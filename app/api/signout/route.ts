import type { NextRequest } from "next/server";
import { signOut } from "@/auth";
import { revokePresentedSession } from "@/lib/auth/revocation";
import { authSecret } from "@/lib/env";
import { handleForm } from "@/lib/forms/route";
import { requestCtx } from "@/lib/http/ctx";

// Ends the session in this browser: the cookie goes (whole or in pieces), and every token of the
// session is refused from now on even if a copy of one is sent again.
export async function POST(req: NextRequest) {
  return handleForm(req, "/", async () => {
    await revokePresentedSession(requestCtx(req), req.cookies, authSecret());
    await signOut({ redirect: false });
    return { redirect: "/" };
  });
}
