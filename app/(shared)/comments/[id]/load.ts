import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, NEW_COMMENT_TAG, reviewTag } from "@/lib/cache/tags";
import { getCommentContext } from "@/lib/comments/queries";
import { buildThread, type CommentNode, type ThreadComment } from "@/lib/comments/tree";

export type CommentPage =
  | { kind: "missing" }
  | { kind: "review-deleted"; review: { slug: string; title: string } }
  | { kind: "deleted"; review: { slug: string; title: string } }
  | {
      kind: "shown";
      review: { id: number; slug: string; title: string; commentCount: number; authorId: string | null };
      ancestors: ThreadComment[];
      tree: CommentNode[];
      focus: ThreadComment;
    };

/** A comment's permalink page: cached until anything in its review's discussion changes. */
export async function loadCommentPage(id: number): Promise<CommentPage> {
  "use cache";
  cacheLife("max");
  const ctx = id ? await getCommentContext(getDb(), id) : null;
  if (!ctx) {
    cacheTag(ALL_TAG, NEW_COMMENT_TAG);
    return { kind: "missing" };
  }
  const { review, ancestors, subtree } = ctx;
  cacheTag(ALL_TAG, reviewTag(review.id));
  if (review.status === "deleted") return { kind: "review-deleted", review };
  if (review.status !== "published") return { kind: "missing" };
  const tree = buildThread(subtree);
  const focus = subtree[0]!;
  if (!tree.length) return { kind: "deleted", review };
  return { kind: "shown", review, ancestors, tree, focus };
}
