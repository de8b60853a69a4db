import type { EventMap } from "@/lib/events";
import type { Write } from "@/lib/write";
import { bumpMonth } from "./standings";

/** The author's upvotes in the month's standing: an undo takes the upvote from the month it was given in. */
export async function bumpUpvoteStanding(w: Write, e: EventMap["vote.cast"]) {
  if (!e.authorId) return;
  await bumpMonth(w, e.authorId, e.givenAt, { upvotes: e.up ? 1 : -1 });
  w.changes.ranking = true;
}
