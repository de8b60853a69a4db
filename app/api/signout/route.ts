import type { NextRequest } from "next/server";
import { signOut } from "@/auth";
import { getDb } from "@/db";
import { decode } from "@/lib/auth/jwt-codec";
import { revokeSession } from "@/lib/auth/revocation";
import { findSessionCookie } from "@/lib/auth/session-token";
import { authSecret } from "@/lib/env";
import { handleForm } from "@/lib/forms/route";

// Ends the session in this browser: the cookie goes, and the token is refused from now on even
// if a copy of it is sent again.
export async function POST(req: NextRequest) {
  return handleForm(req, "/", async () => {
    const found = findSessionCookie(req.cookies);
    if (found && found !== "chunked") {
      const claims = await decode({ token: found.value, secret: authSecret(), salt: found.name }).catch(() => null);
      if (claims) revokeSession(getDb(), claims);
    }
    await signOut({ redirect: false });
    return { redirect: "/" };
  });
}
