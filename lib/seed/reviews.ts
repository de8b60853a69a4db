import type { DB } from "@/db";
import { applyBodyEdits } from "./body-edits";
import type { Cast } from "./cast";
import { SEED_FILMS } from "./content/films";
import { SEED_REVIEWS } from "./content/reviews";
import type { SeedReview } from "./content/types";
import { DAY } from "./duration";
import type { Timeline } from "./timeline";
import { actingAs, seedCreateReview, seedEditReview, type ReviewFields } from "./verbs";
import type { VoteItem } from "./votes";

const reviewKey = (r: { author: string; film: string }) => `${r.author}/${r.film}`;

/** What the review part of the history leaves for the rest: ids once created, publication times. */
export type SeededReviews = {
  /** "author/film" → the review's id, set when its creation has run. */
  ids: Map<string, number>;
  /** "author/film" → when it was published, for the published ones. */
  published: Map<string, number>;
};

type State = Pick<SeedReview, "title" | "body" | "score" | "tags" | "spoilers">;

/**
 * Schedules every demo review's creation and later edits, each through the review verbs as its
 * author at its time. The n-th review of the list is dated n minutes into its day, so two reviews of
 * the same day keep their order. Each edit changes the state the edits before it left.
 */
export function scheduleReviews(db: DB, timeline: Timeline, cast: Cast, now: number, voteItems: VoteItem[]): SeededReviews {
  const at = (daysAgo: number, minute: number) => now - daysAgo * DAY + minute * 60_000;
  const ids = new Map<string, number>();
  const published = new Map<string, number>();
  const keys = new Set<string>();
  SEED_REVIEWS.forEach((r, i) => {
    const where = `review ${i} (${reviewKey(r)})`;
    const author = cast.member(r.author, where);
    const actor = { id: author.id, role: "member" as const };
    const film = SEED_FILMS.find((f) => f.key === r.film);
    if (!film) throw new Error(`seed: ${where}: unknown film`);
    if (keys.has(reviewKey(r))) throw new Error(`seed: ${where}: a second review of the same film by the same member`);
    keys.add(reviewKey(r));
    let state: State = { title: r.title, body: r.body, score: r.score, tags: r.tags, spoilers: r.spoilers };
    const fields = (): ReviewFields => ({
      title: state.title,
      body: state.body,
      score: state.score === null ? "" : String(state.score),
      tags: state.tags.join(","),
      hasSpoilers: state.spoilers ? "on" : undefined,
      filmTitle: film.title,
      filmYear: String(film.year),
    });
    const created = at(r.publishedDaysAgo, i);
    if (r.status === "published") {
      published.set(reviewKey(r), created);
      voteItems.push({ review: reviewKey(r), author: r.author, at: created });
    }
    timeline.add({
      at: created,
      what: `${where}: create`,
      act: async () => ids.set(reviewKey(r), await seedCreateReview(actingAs(db, actor, created), fields(), r.status === "draft" ? "draft" : "publish")),
    });
    for (const e of r.edits ?? []) {
      const edited = at(e.atDaysAgo, i);
      timeline.add({
        at: edited,
        what: `${where}: edit "${e.reason}"`,
        act: async () => {
          state = {
            title: e.title ?? state.title,
            body: e.bodyEdits ? applyBodyEdits(state.body, e.bodyEdits) : state.body,
            score: e.score === undefined ? state.score : e.score,
            tags: e.tags ?? state.tags,
            spoilers: e.spoilers ?? state.spoilers,
          };
          await seedEditReview(actingAs(db, actor, edited), ids.get(reviewKey(r))!, fields(), e.reason);
        },
      });
    }
  });
  return { ids, published };
}
