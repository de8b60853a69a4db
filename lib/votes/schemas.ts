import { z } from "zod";
import { VOTE_TARGETS, parseVoteKey } from "./key";
import { isRowId } from "@/lib/row-id";

export type { VoteTarget } from "./key";

/** An upvote ("up") or its undo ("none") on a review or a comment. Idempotent: the same post twice changes nothing more. */
export const VoteInput = z.object({
  type: z.enum(VOTE_TARGETS, { error: "You can upvote a review or a comment." }),
  id: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : /^\d{1,15}$/.test(v.trim()) ? Number(v.trim()) : NaN;
    if (!isRowId(n)) {
      ctx.addIssue({ code: "custom", message: "There is no such item to upvote." });
      return z.NEVER;
    }
    return n;
  }),
  value: z.enum(["up", "none"], { error: "A vote is an upvote or its undo." }),
});
export type VoteInput = z.infer<typeof VoteInput>;

export function voteFormFields(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  // The pages' controls name the item in one field, its vote key ("r12", "c345"); type and id apart work too.
  const item = parseVoteKey(get("item") ?? "");
  if (item) return { type: item.type, id: String(item.id), value: get("value") };
  return { type: get("type"), id: get("id"), value: get("value") };
}
