import { z } from "zod";
import { MAX_COMMENT_CHARS } from "@/lib/markdown/limits";
import { EditReason, longText } from "@/lib/text";
import { isRowId } from "@/lib/row-id";

const nf = (n: number) => n.toLocaleString("en-US");
// Characters that show nothing: a body of only these (and spaces) is empty.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const tooLong = (n: number) => `A comment has at most ${nf(MAX_COMMENT_CHARS)} characters; this one has ${nf(n)}.`;

const CommentBody = z
  .string({ error: "Write something before posting." })
  .pipe(longText({ what: "A comment", max: MAX_COMMENT_CHARS, tooLong }))
  // trimEnd, not a regex: /\s+$/ retries from every space of a long run (quadratic).
  .transform((s) => s.trimEnd().replace(/^\s*\n/, ""))
  .superRefine((s, ctx) => {
    if (!s.replace(INVISIBLE, "").trim()) ctx.addIssue({ code: "custom", message: "Write something before posting." });
    else if (s.length > MAX_COMMENT_CHARS) ctx.addIssue({ code: "custom", message: tooLong(s.length) });
  });

const Id = (message: string) =>
  z.union([z.string(), z.number()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : Number(v.trim());
    if (!isRowId(n)) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return n;
  });

const OptionalId = (message: string) =>
  z
    .union([z.literal(""), z.string(), z.number(), z.null()])
    .optional()
    .transform((v) => (v === "" || v === null || v === undefined ? null : v))
    .pipe(Id(message).nullable());

export const CommentInput = z.object({
  reviewId: Id("There is no such review."),
  parentId: OptionalId("There is no such comment to reply to."),
  body: CommentBody,
});
export type CommentInput = z.infer<typeof CommentInput>;

// A comment named by the address it was posted to: any id, since one no comment has is a 404 from
// the verb (the route turns anything else in the address into 0).
const CommentRef = z.number({ error: "There is no such comment." }).int().nonnegative();

export const CommentEditInput = z.object({
  commentId: CommentRef,
  body: CommentBody,
  reason: EditReason,
});
export type CommentEditInput = z.infer<typeof CommentEditInput>;

export const CommentDeleteInput = z.object({ commentId: CommentRef });
export type CommentDeleteInput = z.infer<typeof CommentDeleteInput>;

/** The text fields of a posted comment form (files and unknown fields dropped). */
export function commentFormFields(form: FormData): Record<string, string | undefined> {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return { reviewId: get("reviewId"), parentId: get("parentId"), body: get("body"), reason: get("reason") };
}
