import type { NextRequest } from "next/server";
import { signOut } from "@/auth";
import { handleForm } from "@/lib/forms/route";

// Ends the session in this browser.
export async function POST(req: NextRequest) {
  return handleForm(req, "/", async () => {
    await signOut({ redirect: false });
    return { redirect: "/" };
  });
}
