import type { NextRequest } from "next/server";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { requireActor } from "@/lib/auth/require";
import { notFound } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { markAllRead, markRead } from "@/lib/notifications/queries";

const ReadInput = z.union([z.object({ all: z.literal("1") }), z.object({ id: z.coerce.number().int().positive() })]);

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
      const actor = await requireActor("Please sign in to see your notifications.");
      const input = ReadInput.parse(Object.fromEntries(form));
      const db = getDb();
      if ("all" in input) {
        const marked = markAllRead(db, actor.id);
        return { redirect: backOf(form), data: { marked } };
      }
      if (!markRead(db, actor.id, input.id)) throw notFound("There is no such notification.");
      return { redirect: backOf(form), data: { marked: 1 } };
    },
    { signInReturnsTo: () => "/notifications" },
  );
}
