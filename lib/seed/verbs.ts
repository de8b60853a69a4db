// The verbs the demo seed replays its history through, in one place: each call acts as a demo
// member at the moment the history gives it, exactly as a request would.
import { makeCtx, type Ctx } from "@/lib/context";
import type { DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import type { Actor } from "@/lib/permissions";
import { createReview } from "@/lib/reviews/create-review";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { uploadAvatar } from "@/lib/users/avatar-upload";
import { castVote } from "@/lib/votes/cast-vote";

/** A demo member's request at a moment of the demo history. */
export const actingAs = (db: DB, actor: Actor | null, at: number): Ctx => makeCtx(db, { actor, now: new Date(at) });

/** The review form's fields, as strings, the way the editor sends them. */
export type ReviewFields = {
  title: string;
  body: string;
  score: string;
  tags: string;
  hasSpoilers: "on" | undefined;
  filmTitle: string;
  filmYear: string;
};

export async function seedCreateReview(ctx: Ctx, fields: ReviewFields, intent: "draft" | "publish"): Promise<number> {
  return (await createReview(ctx, { ...fields, intent })).id;
}

export async function seedEditReview(ctx: Ctx, reviewId: number, fields: ReviewFields, reason: string): Promise<void> {
  await editReview(ctx, { ...fields, reviewId, reason, intent: "publish" });
}

export async function seedCreateComment(ctx: Ctx, input: { reviewId: number; parentId: number | null; body: string }): Promise<number> {
  return (await createComment(ctx, input)).comment.id;
}

export async function seedEditComment(ctx: Ctx, commentId: number, input: { body: string; reason?: string }): Promise<void> {
  await editComment(ctx, { commentId, ...input });
}

export async function seedDeleteComment(ctx: Ctx, commentId: number): Promise<void> {
  await deleteComment(ctx, { commentId });
}

/** Casts or takes back an upvote; returns the slugs of the badges it earned. */
export async function seedCastVote(ctx: Ctx, input: { type: "review" | "comment"; id: number; value: "up" | "none" }): Promise<string[]> {
  const cast = await castVote(ctx, input);
  if (!cast.changed) throw new Error("the vote changed nothing");
  return cast.badges.map((b) => b.slug);
}

export async function seedRecordView(ctx: Ctx, reviewId: number, viewer: { key: string; userId: string | null }): Promise<void> {
  if (!(await recordView(ctx, { reviewId, viewer }))?.counted) throw new Error("the view was not counted");
}

export async function seedSetAvatar(ctx: Ctx, bytes: Uint8Array, statedType: string): Promise<void> {
  await uploadAvatar(ctx, { bytes, type: statedType });
}
