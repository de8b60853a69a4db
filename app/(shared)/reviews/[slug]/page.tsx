import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/db";
import { ALL_TAG, FEED_TAG, reviewTag } from "@/lib/cache-tags";
import { getReviewBySlug, type ReviewPage as Review } from "@/lib/reviews/queries";
import { Byline } from "@/components/review/byline";
import { Score } from "@/components/review/score";
import { TagList } from "@/components/review/tag-list";
import { ReviewActions } from "@/components/review/review-actions";
import { ViewBeacon } from "@/components/review/view-beacon";
import { StatePage } from "@/components/state-page";

// Shared page: fully static, rendered on first visit and cached until a write expires its tags.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ slug: "_" }];
}

async function loadReview(slug: string): Promise<Review | null> {
  "use cache";
  cacheLife("max");
  const review = getReviewBySlug(getDb(), slug);
  // A slug nobody has yet may be taken by the next review published.
  cacheTag(ALL_TAG, review ? reviewTag(review.id) : FEED_TAG);
  return review;
}

const isPublic = (r: Review | null): r is Review => !!r && (r.status === "published" || r.status === "deleted");

export async function generateMetadata({ params }: PageProps<"/reviews/[slug]">): Promise<Metadata> {
  const review = await loadReview((await params).slug);
  if (!isPublic(review)) return {};
  if (review.status === "deleted") return { title: "Review deleted", robots: { index: false } };
  return {
    title: `${review.title} — ${review.film.title} (${review.film.year})`,
    description: review.hasSpoilers ? `A review of ${review.film.title} (contains spoilers).` : review.excerpt,
  };
}

export default async function ReviewPage({ params }: PageProps<"/reviews/[slug]">) {
  const review = await loadReview((await params).slug);
  if (!isPublic(review)) notFound();
  if (review.status === "deleted") return <DeletedReview />;
  return <ReviewArticle review={review} />;
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
    label: n ? `(Edited after ${n === 1 ? "1 comment" : `${n} comments`})` : "(Edited)",
  };
}

function ReviewArticle({ review }: { review: Review }) {
  const body = <div className="prose" dangerouslySetInnerHTML={{ __html: review.bodyHtml }} />;
  return (
    <article className="review" aria-labelledby="review-title">
      <header className="review__header">
        <p className="review__film">
          A review of{" "}
          <Link href={`/films/${review.film.slug}`}>
            {review.film.title} ({review.film.year})
          </Link>
          {review.filmDirector ? <span className="muted"> · directed by {review.filmDirector}</span> : null}
        </p>
        <h1 id="review-title">{review.title}</h1>
        <Byline
          author={review.author}
          publishedAt={review.publishedAt}
          readingMinutes={review.readingMinutes}
          views={review.viewCount}
          postId={review.id}
          edited={editedLabel(review)}
        />
        <div className="review__facts">
          <Score score={review.score} />
          <TagList tags={review.tags} />
        </div>
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
      <footer className="review__footer" id="discussion" aria-label="Discussion" />
      <ViewBeacon postId={review.id} />
    </article>
  );
}
