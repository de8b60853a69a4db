import { StaticHtml } from "@/components/static-html";
import { reviewListHtml } from "@/lib/reviews/card-html";
import type { ReviewCard } from "@/lib/reviews/queries";

/**
 * Review cards, sent once as HTML (lib/reviews/card-html.ts). `src` is the address of the page
 * showing them: after a move within the site the list is read from there.
 */
export function ReviewList({ reviews, showFilm = true, src }: { reviews: ReviewCard[]; showFilm?: boolean; src: string }) {
  return <StaticHtml id="review-list" html={reviewListHtml(reviews, showFilm)} src={src} />;
}
