import Link from "@/components/link";
import type { ReviewCard as Card } from "@/lib/reviews/queries";
import { Byline } from "./byline";
import { Score } from "./score";
import { TagList } from "./tag-list";

/** One review in a feed, film or tag list. */
export function ReviewCard({ review, showFilm = true }: { review: Card; showFilm?: boolean }) {
  return (
    <article className="review-card">
      <h3 className="review-card__title">
        <Link href={`/reviews/${review.slug}`}>{review.title}</Link>
      </h3>
      <p className="review-card__meta">
        {showFilm ? (
          <Link href={`/films/${review.film.slug}`} className="film-link">
            {review.film.title} ({review.film.year})
          </Link>
        ) : null}
        <Score score={review.score} size="small" />
        {review.hasSpoilers ? <span className="spoiler-pill">Contains spoilers</span> : null}
      </p>
      <Byline author={review.author} publishedAt={review.publishedAt} readingMinutes={review.readingMinutes} />
      {review.hasSpoilers ? (
        <p className="review-card__excerpt muted">The excerpt is hidden because this review discusses the plot in full.</p>
      ) : review.excerpt ? (
        <p className="review-card__excerpt">{review.excerpt}</p>
      ) : null}
      <div className="review-card__foot">
        <span>
          {review.upvoteCount} {review.upvoteCount === 1 ? "upvote" : "upvotes"}
        </span>
        <span aria-hidden="true">·</span>
        <Link href={`/reviews/${review.slug}#comments`} className="review-card__comments">
          {review.commentCount === 0 ? "No comments" : review.commentCount === 1 ? "1 comment" : `${review.commentCount} comments`}
        </Link>
        <TagList tags={review.tags} />
      </div>
    </article>
  );
}
