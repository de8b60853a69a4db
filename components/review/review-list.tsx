import type { ReviewCard as Card } from "@/lib/reviews/queries";
import { ReviewCard } from "./review-card";

export function ReviewList({ reviews, showFilm = true }: { reviews: Card[]; showFilm?: boolean }) {
  return (
    <ol className="review-list">
      {reviews.map((r) => (
        <li key={r.id}>
          <ReviewCard review={r} showFilm={showFilm} />
        </li>
      ))}
    </ol>
  );
}
