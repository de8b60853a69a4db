import type { NextRequest } from "next/server";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { memberCtx } from "@/lib/http/ctx";
import { markAllRead } from "@/lib/notifications/mark-all-read";
import { markRead } from "@/lib/notifications/mark-read";
import { ReadInput } from "@/lib/notifications/schemas";

// Back to the page of notices the button was on (only ever a notifications page).
const backOf = (form: FormData) => {
  const back = form.get("back");
  return typeof back === "string" && /^\/notifications(?:\?before=\d+)?$/.test(back) ? back : "/notifications";
};

/** Marks one notice read, or all of them. */
export async function POST(req: NextRequest) {
  return handleForm(
    req,
    () => null,
    async (form) => {
      const ctx = await memberCtx(req, "Please sign in to see your notifications.");
      const input = ReadInput.parse(Object.fromEntries(form));
      if ("all" in input) {
        const { marked, changes } = await markAllRead(ctx);
        return { redirect: backOf(form), data: { marked }, changes };
      }
      const { marked, changes } = await markRead(ctx, input);
      if (!marked) throw notFound("There is no such notification.");
      return { redirect: backOf(form), data: { marked: 1 }, changes };
    },
    { signInReturnsTo: () => "/notifications" },
  );
}
