import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, FEED_TAG, filmTag, reviewTag, userTag } from "@/lib/cache/tags";
import { formatDate } from "@/lib/format";
import { describeChanges, fieldChanges, withContext, wordCounts, wordDiff, type DiffPiece, type RevisionPair, type WordChange } from "@/lib/reviews/diff";
import { getReviewBySlug, listRevisions, type Revision } from "@/lib/reviews/queries";
import { wordsLabel } from "@/lib/count-labels";
import { mayHoldInlineSpoiler } from "@/lib/markdown/spoiler-safe";

export type HistoryEntry = {
  number: number;
  editor: string | null;
  createdAt: string;
  date: string;
  reason: string | null;
  changes: string[];
};

export type Comparison = RevisionPair & {
  title: { changed: boolean; pieces: WordChange[] };
  details: string[];
  body: { summary: string; pieces: DiffPiece[] } | null;
  // Either side flagged or held an inline `>!spoiler!<`: the text diff stays folded.
  hasSpoilers: boolean;
};

export type History = {
  review: { slug: string; title: string; isDeleted: boolean };
  numbers: number[];
  entries: HistoryEntry[];
  comparison: Comparison | null;
};

const CACHE_TAG_LIMIT = 128;

/**
 * A review's revision history, newest first, with the word diff of one pair: `from`…`to`, or
 * (both 0) the latest revision against its predecessor. Null when the page should 404: no such
 * review, a draft or a hidden one, or a pair that does not exist. A deleted review keeps its list
 * of revisions, but not its text.
 */
export async function loadHistory(slug: string, from: number, to: number): Promise<History | null> {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const review = await getReviewBySlug(db, slug);
  if (!review) {
    // A slug nobody has yet may be taken by the next review published, which expires the feed.
    cacheTag(ALL_TAG, FEED_TAG);
    return null;
  }
  if (review.status !== "published" && review.status !== "deleted") {
    cacheTag(ALL_TAG, reviewTag(review.id));
    return null;
  }
  const revisions = await listRevisions(db, review.id);
  const tags = new Set([ALL_TAG, reviewTag(review.id)]);
  for (const r of revisions) {
    tags.add(filmTag(r.filmId));
    if (r.editorId) tags.add(userTag(r.editorId));
  }
  cacheTag(...[...tags].slice(0, CACHE_TAG_LIMIT));

  const isDeleted = review.status === "deleted";
  const byNumber = new Map(revisions.map((r) => [r.number, r]));
  const latest = revisions[revisions.length - 1];
  const explicit = from !== 0 || to !== 0;
  if (explicit && (isDeleted || from >= to || !byNumber.has(from) || !byNumber.has(to))) return null;

  // Adjacent body diffs feed both the per-revision summaries and, usually, the comparison.
  const bodyDiffs = new Map<number, WordChange[]>();
  const entries = revisions.map((rev, i) => {
    const prev = revisions[i - 1] ?? null;
    let changes: string[];
    if (prev && prev.bodyMd !== rev.bodyMd) {
      const diff = wordDiff(prev.bodyMd, rev.bodyMd);
      bodyDiffs.set(rev.number, diff);
      changes = describeChanges(prev, rev, diff).map((c) => c.text);
    } else {
      changes = fieldChanges(prev, rev);
    }
    return toEntry(rev, changes);
  });

  let comparison: Comparison | null = null;
  if (!isDeleted && latest) {
    const toRev = explicit ? byNumber.get(to)! : latest;
    const fromRev = explicit ? byNumber.get(from)! : revisions[revisions.length - 2];
    if (fromRev) {
      const adjacent = revisions.indexOf(toRev) - revisions.indexOf(fromRev) === 1;
      comparison = compare(fromRev, toRev, adjacent ? bodyDiffs.get(toRev.number) : undefined);
    }
  }

  return {
    review: { slug: review.slug, title: review.title, isDeleted },
    numbers: revisions.map((r) => r.number),
    entries: entries.reverse(),
    comparison,
  };
}

function toEntry(rev: Revision, changes: string[]): HistoryEntry {
  return {
    number: rev.number,
    editor: rev.editor?.name ?? null,
    createdAt: rev.createdAt.toISOString(),
    date: formatDate(rev.createdAt),
    reason: rev.reason?.trim() || null,
    changes,
  };
}

function compare(a: Revision, b: Revision, knownBodyDiff?: WordChange[]): Comparison {
  const bodyChanged = a.bodyMd !== b.bodyMd;
  const bodyDiff = bodyChanged ? (knownBodyDiff ?? wordDiff(a.bodyMd, b.bodyMd)) : null;
  const changes = describeChanges(a, b, bodyDiff ?? undefined);
  return {
    from: a.number,
    to: b.number,
    title: { changed: a.title !== b.title, pieces: wordDiff(a.title, b.title) },
    details: changes.filter((c) => c.field !== "title" && c.field !== "body").map((c) => c.text),
    body: bodyDiff ? { summary: countSentence(bodyDiff), pieces: withContext(bodyDiff) } : null,
    hasSpoilers: a.hasSpoilers || b.hasSpoilers || mayHoldInlineSpoiler(a.bodyMd) || mayHoldInlineSpoiler(b.bodyMd),
  };
}

/** "12 words added and 3 removed." */
function countSentence(diff: WordChange[]): string {
  const { added, removed } = wordCounts(diff);
  if (added && removed) return `${wordsLabel(added)} added and ${removed.toLocaleString("en-US")} removed.`;
  if (added) return `${wordsLabel(added)} added.`;
  if (removed) return `${wordsLabel(removed)} removed.`;
  return "Only punctuation or formatting changed.";
}
