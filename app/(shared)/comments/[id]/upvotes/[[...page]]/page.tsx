import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { VotersView, votersPage, type Voter } from "@/components/votes/voters-view";
import { getDb } from "@/lib/db";
import { ALL_TAG, NEW_COMMENT_TAG, reviewTag } from "@/lib/cache/tags";
import { commentIdParam } from "@/lib/comments/links";
import { getCommentForEdit, getThreadComment } from "@/lib/comments/queries";
import { VOTERS_PAGE_SIZE, listVoters } from "@/lib/votes/queries";

// Shared page: who upvoted a comment, cached until anything in its review's discussion changes.
export const ensureStatic = "navigation";
export const metadata: Metadata = { title: "Upvotes", robots: { index: false } };

export async function generateStaticParams() {
  return [{ id: "_", page: [] }];
}

async function load(id: number, page: number): Promise<{ title: string; by: string; total: number; voters: Voter[] } | null> {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const comment = id ? await getCommentForEdit(db, id) : null;
  cacheTag(ALL_TAG, comment ? reviewTag(comment.reviewId) : NEW_COMMENT_TAG);
  if (!comment || comment.deletedAt || comment.review.status !== "published") return null;
  const node = (await getThreadComment(db, id))!;
  if (page > 1 && (page - 1) * VOTERS_PAGE_SIZE >= node.upvoteCount) return null;
  return { title: comment.review.title, by: node.author?.name ?? "a deleted account", total: node.upvoteCount, voters: await listVoters(db, "comment", id, page) };
}

export default async function CommentUpvotesPage({ params }: PageProps<"/comments/[id]/upvotes/[[...page]]">) {
  const { id: raw, page: segments } = await params;
  const id = commentIdParam(raw);
  const page = votersPage(segments);
  const data = page ? await load(id, page) : null;
  if (!page || !data) notFound();
  const base = `/comments/${id}/upvotes`;
  return (
    <VotersView
      eyebrow={`Who upvoted ${data.by}'s comment on`}
      title={data.title}
      titleHref={`/comments/${id}`}
      total={data.total}
      voters={data.voters}
      page={page}
      pageHref={(n) => (n === 1 ? base : `${base}/${n}`)}
    />
  );
}
