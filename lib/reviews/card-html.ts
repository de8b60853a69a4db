// The markup of review lists (feeds, a film's reviews, a tag, a profile) and of a review's byline,
// score and tags, assembled as strings: a list of fifty cards is one block of HTML for the page,
// not thousands of React elements that the App Router would also ship a second time, as its
// payload. Pure: runs on the server when a cached page renders; no script reads or changes it.
import { escapeHtml, isolatedHtml, NEWCOMER_WHY } from "@/lib/comments/thread-html";
import { formatDate } from "@/lib/format";
import { avatarUrl } from "@/lib/users/avatar";
import type { ReviewCard } from "./queries";
import { commentsLabel, upvotesLabel, viewsLabel } from "@/lib/count-labels";

const DOT = `<span aria-hidden="true">·</span>`;

/** "9/10" with a small bar; nothing when the review has no score. */
export function scoreHtml(score: number | null, size: "normal" | "small" = "normal"): string {
  if (score === null) return "";
  // One picture for assistive technology: a bare span may not carry a name, an image may.
  return (
    `<span class="score score--${size}" role="img" aria-label="Score: ${score} out of 10">` +
    `<span class="score__value" aria-hidden="true">${score}/10</span>` +
    `<span class="score__bar" aria-hidden="true"><span style="width:${score * 10}%"></span></span></span>`
  );
}

export function tagListHtml(tags: string[]): string {
  if (tags.length === 0) return "";
  let html = `<ul class="tag-list" aria-label="Tags">`;
  for (const t of tags) html += `<li><a href="/tags/${escapeHtml(t)}">#${escapeHtml(t)}</a></li>`;
  return html + `</ul>`;
}

export type BylineFacts = {
  author: ReviewCard["author"];
  publishedAt: Date | null;
  readingMinutes: number;
  /** The review page's counter, which its script brings up to date. */
  views?: { count: number; reviewId: number };
  edited?: { href: string; label: string } | null;
};

/** Avatar, author, date and the quiet counters under a review's title. */
export function bylineHtml({ author, publishedAt, readingMinutes, views, edited }: BylineFacts): string {
  const name = author
    ? `<a href="/u/${escapeHtml(author.username)}" class="byline__author">${isolatedHtml(author.name)}</a>` +
      (author.isNew ? `<span class="new-pill" title="${NEWCOMER_WHY}">New</span>` : "")
    : `<span class="byline__author byline__author--gone">deleted user</span>`;
  return (
    `<p class="byline"><img src="${escapeHtml(author ? avatarUrl(author) : "/avatar/deleted")}" alt="" width="32" height="32" class="avatar">` +
    `<span>by ${name}</span>` +
    (publishedAt ? `${DOT}<time datetime="${publishedAt.toISOString()}">${formatDate(publishedAt)}</time>` : "") +
    (edited ? `<a href="${escapeHtml(edited.href)}" class="byline__edited">${escapeHtml(edited.label)}</a>` : "") +
    (views ? `${DOT}<span data-views-for="${views.reviewId}">${viewsLabel(views.count)}</span>` : "") +
    `${DOT}<span>${readingMinutes} min read</span></p>`
  );
}

const commentsFoot = (n: number) => (n === 0 ? "No comments" : commentsLabel(n));

/** One review in a feed, film, tag or profile list. */
export function reviewCardHtml(review: ReviewCard, showFilm = true): string {
  const href = `/reviews/${escapeHtml(review.slug)}`;
  const film = showFilm ? `<a href="/films/${escapeHtml(review.film.slug)}" class="film-link">${isolatedHtml(review.film.title)} (${review.film.year})</a>` : "";
  const excerpt = review.hasSpoilers
    ? `<p class="review-card__excerpt muted">The excerpt is hidden because this review discusses the plot in full.</p>`
    : review.excerpt
      ? `<p class="review-card__excerpt">${escapeHtml(review.excerpt)}</p>`
      : "";
  return (
    `<article class="review-card"><h3 class="review-card__title"><a href="${href}">${isolatedHtml(review.title)}</a></h3>` +
    `<p class="review-card__meta">${film}${scoreHtml(review.score, "small")}${review.hasSpoilers ? `<span class="spoiler-pill">Contains spoilers</span>` : ""}</p>` +
    bylineHtml(review) +
    excerpt +
    `<div class="review-card__foot"><span>${upvotesLabel(review.upvoteCount)}</span>${DOT}` +
    `<a href="${href}#comments" class="review-card__comments">${commentsFoot(review.commentCount)}</a>${tagListHtml(review.tags)}</div></article>`
  );
}

export function reviewListHtml(reviews: ReviewCard[], showFilm = true): string {
  let html = `<ol class="review-list">`;
  for (const r of reviews) html += `<li>${reviewCardHtml(r, showFilm)}</li>`;
  return html + `</ol>`;
}
