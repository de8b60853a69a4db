import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, FEED_TAG, reviewTag } from "@/lib/cache/tags";
import { getReviewBySlug, type ReviewPage as Review } from "@/lib/reviews/queries";
import { bylineHtml, scoreHtml, tagListHtml } from "@/lib/reviews/card-html";
import { LinkedHtml } from "@/components/linked-html";
import { ReviewActions } from "@/components/review/review-actions";
import { ViewBeacon } from "@/components/review/view-beacon";
import { StatePage } from "@/components/state-page";
import { StaticHtml } from "@/components/static-html";
import { Discussion } from "@/components/comments/discussion";
import { voteHtml } from "@/lib/comments/thread-html";
import { listThread } from "@/lib/comments/queries";
import { buildThread, type CommentNode, type CommentSort } from "@/lib/comments/tree";
import { commentsLabel } from "@/lib/count-labels";
import { reviewDescription } from "@/lib/markdown/spoiler-safe";

async function loadReview(slug: string): Promise<Review | null> {
  "use cache";
  cacheLife("max");
  const review = await getReviewBySlug(getDb(), slug);
  // A slug nobody has yet may be taken by the next review published.
  cacheTag(ALL_TAG, review ? reviewTag(review.id) : FEED_TAG);
  return review;
}

const isPublic = (r: Review | null): r is Review => !!r && (r.status === "published" || r.status === "deleted");

export async function reviewMetadata(slug: string): Promise<Metadata> {
  const review = await loadReview(slug);
  if (!isPublic(review)) return {};
  if (review.status === "deleted") return { title: "Review deleted", robots: { index: false } };
  return {
    title: `${review.title} — ${review.film.title} (${review.film.year})`,
    description: reviewDescription(review),
    alternates: { canonical: `/reviews/${review.slug}` },
  };
}

async function loadDiscussion(reviewId: number, sort: CommentSort): Promise<CommentNode[]> {
  "use cache";
  cacheLife("max");
  cacheTag(ALL_TAG, reviewTag(reviewId));
  return buildThread(await listThread(getDb(), reviewId), sort);
}

/** The review page with its thread in the given order. Await it in the page itself: it may call notFound(). */
export async function renderReview(slug: string, sort: CommentSort) {
  const review = await loadReview(slug);
  if (!isPublic(review)) notFound();
  if (review.status === "deleted") return <DeletedReview />;
  const thread = await loadDiscussion(review.id, sort);
  return <ReviewArticle review={review} thread={thread} sort={sort} />;
}

function DeletedReview() {
  return (
    <StatePage code="410" title="This review was deleted">
      Its author or a moderator took it down.
    </StatePage>
  );
}

function editedLabel(review: Review) {
  if (review.revisionCount <= 1) return null;
  const n = review.editedAfterComments;
  return {
    href: `/reviews/${review.slug}/revisions`,
    label: n ? `(Edited after ${commentsLabel(n)})` : "(Edited)",
  };
}

function ReviewArticle({ review, thread, sort }: { review: Review; thread: CommentNode[]; sort: CommentSort }) {
  // Sent once, in the HTML (not again in the page's payload), like the thread.
  const body = <StaticHtml id="review-body" className="prose" html={review.bodyHtml} src={`/reviews/${review.slug}`} />;
  return (
    <article className="review" aria-labelledby="review-title">
      <header className="review__header">
        <p className="review__film">
          A review of{" "}
          <Link href={`/films/${review.film.slug}`}>
            <bdi>{review.film.title}</bdi> ({review.film.year})
          </Link>
          {review.filmDirector ? <span className="muted"> · directed by <bdi>{review.filmDirector}</bdi></span> : null}
        </p>
        <h1 id="review-title" dir="auto">
          {review.title}
        </h1>
        <LinkedHtml html={bylineHtml({ ...review, views: { count: review.viewCount, reviewId: review.id }, edited: editedLabel(review) })} />
        <LinkedHtml className="review__facts" html={scoreHtml(review.score) + tagListHtml(review.tags)} />
        {/* While its author is still new: the marker's flip renders this page afresh (lib/users/presence.ts). */}
        {review.firstReview && review.author?.isNew ? (
          <p className="first-review">
            <span className="new-pill">First review</span>
            <span>
              This is <bdi>{review.author.name}</bdi>’s first review on Marquee. <a href="#reply">Leave a comment</a> to welcome them.
            </span>
          </p>
        ) : null}
        <ReviewActions slug={review.slug} authorUsername={review.author?.username ?? null} />
      </header>
      {review.hasSpoilers ? (
        <details className="spoiler-fold">
          <summary>
            <strong>This review contains spoilers.</strong> <span>Show the review</span>
          </summary>
          {body}
        </details>
      ) : (
        body
      )}
      {/* Not a <footer>: the comments inside have headers of their own, which a footer may not hold. */}
      <div className="review__footer">
        {/* The viewer's own state here (their upvotes, edit links) comes from /api/viewer?review=ID, applied by the page's script. */}
        <div
          className="vote-bar"
          id="vote"
          data-viewer-review={review.id}
          dangerouslySetInnerHTML={{
            __html: voteHtml({
              type: "review",
              id: review.id,
              count: review.upvoteCount,
              author: review.author?.username.toLowerCase() ?? null,
              votersHref: `/reviews/${review.slug}/upvotes`,
              size: "large",
            }),
          }}
        />
        <Discussion
          review={{ id: review.id, slug: review.slug, title: review.title, commentCount: review.commentCount, authorId: review.author?.id ?? null }}
          thread={thread}
          sort={sort}
        />
      </div>
      <ViewBeacon reviewId={review.id} />
    </article>
  );
}
