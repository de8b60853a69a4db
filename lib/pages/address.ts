import { eq } from "drizzle-orm";
import type { DB } from "@/db";
import { reviews } from "@/db/schema";
import { BADGE_BY_SLUG } from "@/lib/badges/catalog";
import { HOLDERS_PAGE_SIZE } from "@/lib/badges/queries";
import { rankingReaches } from "@/lib/rankings/queries";
import { commentPermalinkStatus, getCommentForEdit } from "@/lib/comments/queries";
import { commentIdParam } from "@/lib/comments/links";
import { COMMENT_SORTS } from "@/lib/comments/tree";
import { canEditAuthored, type Actor } from "@/lib/permissions";
import { parseRevisionPair } from "@/lib/reviews/diff";
import { cursorValue, decodeCursor, encodeCursor, FEED_TABS, type FeedTab } from "@/lib/reviews/queries";
import { TAG_PATTERN } from "@/lib/reviews/schemas";
import { usernameKey } from "@/lib/users/username";
import { VOTERS_PAGE_SIZE } from "@/lib/votes/queries";
import { CURSOR_PATTERN, pageInRange, pageParam, parseRankingRest } from "./params";
import { read } from "./reads";
import { first } from "@/db/query";
import { isRowId } from "@/lib/row-id";

const isFeedTab = (s: string): s is FeedTab => (FEED_TABS as readonly string[]).includes(s);

/** Which tab of a profile an address shows: [] → reviews, ["comments"], ["badges"], then ["reviews", cursor] / ["comments", id] for older pages. */
export type ProfileWhere = { kind: "reviews"; cursor?: string } | { kind: "comments"; before?: number } | { kind: "badges" };

export function parseProfileRest(rest: string[] | undefined): ProfileWhere | null {
  const [kind, page, ...more] = rest ?? [];
  if (more.length) return null;
  if (kind === undefined) return { kind: "reviews" };
  if (kind === "badges") return page === undefined ? { kind: "badges" } : null;
  if (kind === "comments") {
    if (page === undefined) return { kind: "comments" };
    return /^[1-9]\d{0,9}$/.test(page) && isRowId(Number(page)) ? { kind: "comments", before: Number(page) } : null;
  }
  if (kind === "reviews" && page !== undefined && CURSOR_PATTERN.test(page)) return { kind: "reviews", cursor: page };
  return null;
}

/** Per-viewer pages that share a prefix with shared ones: never decided here. */
const ACCOUNT_PAGES = new Set(["edit", "reply", "delete"]);

/**
 * What the proxy answers for a shared page's address, decided before the page is looked up: 404
 * for an address no page has (then the one prebuilt not-found page answers, so a stranger's
 * made-up addresses never each leave a rendered page in the cache, on disk and in memory), 410
 * for a deleted review or comment (its own cached page says so), a redirect to the one spelling
 * of an address written another way (a member's name in other letter case, a cursor whose review
 * has moved in its list), null to serve the page as it is.
 */
export type AddressAnswer = 404 | 410 | { redirect: string[] } | null;

/**
 * Every shared section's rule: an address is served only when the page it names has content, so
 * the pages that can be stored are bounded by what the database holds. Indexed reads only.
 * `segments` are the decoded path segments.
 */
export async function sharedPageStatus(db: DB, segments: string[]): Promise<AddressAnswer> {
  const [section, key = "", ...rest] = segments;
  switch (section) {
    case "films":
      return rest.length === 0 && (await read(db, "film", key)) ? null : 404;
    case "tags":
      return rest.length === 0 && TAG_PATTERN.test(key) && (await read(db, "publishedTag", key)) ? null : 404;
    case "u":
      return profileAnswer(db, key, rest);
    case "comments":
      return commentAnswer(db, key, rest);
    case "reviews":
      return reviewAnswer(db, key, rest);
    case "feed": {
      if (!isFeedTab(key) || rest.length > 1) return 404;
      if (rest.length === 0) return null;
      const cursor = await canonicalCursor(db, key, rest[0]!);
      return cursor === rest[0] ? null : cursor === null ? 404 : { redirect: ["feed", key, cursor] };
    }
    case "badges": {
      if (segments.length === 1) return null;
      const page = pageParam(rest);
      const holders = BADGE_BY_SLUG.has(key) ? await read(db, "badgeHolders", key) : undefined;
      return page && holders && pageInRange(page, HOLDERS_PAGE_SIZE, holders.n) ? null : 404;
    }
    case "ranking": {
      const q = parseRankingRest(segments.slice(1));
      if (!q) return 404;
      return q.page === 1 || (await rankingReaches(db, q.by, q.period, q.page)) ? null : 404;
    }
    case "not-yours":
      return rest.length === 0 && (key === "review" || key === "comment") ? null : 404;
    default:
      return null;
  }
}

async function profileAnswer(db: DB, key: string, rest: string[]): Promise<AddressAnswer> {
  const where = parseProfileRest(rest);
  const member = where ? await read(db, "member", usernameKey(key)) : undefined;
  if (!where || !member || member.suspendedAt !== null) return 404;
  let canonicalRest = rest;
  // An older page of comments starts below one of the member's own comments, as its links do.
  if (where.kind === "comments" && where.before !== undefined && !(await read(db, "memberComment", where.before, member.id))) return 404;
  if (where.kind === "reviews" && where.cursor !== undefined) {
    const cursor = await canonicalCursor(db, "new", where.cursor, member.id);
    if (cursor === null) return 404;
    if (cursor !== where.cursor) canonicalRest = ["reviews", cursor];
  }
  // Every other spelling of the name (letter case, width) leads to the one its links use.
  return member.username === key && canonicalRest === rest ? null : { redirect: ["u", member.username, ...canonicalRest] };
}

async function commentAnswer(db: DB, key: string, rest: string[]): Promise<AddressAnswer> {
  if (rest.length && ACCOUNT_PAGES.has(rest[0]!)) return null;
  const id = commentIdParam(key);
  if (!id || String(id) !== key) return 404;
  const [page, ...more] = rest;
  if (page === undefined || (page === "revisions" && more.length === 0)) {
    const status = await commentPermalinkStatus(db, id);
    if (status === 200) return null;
    // Its history stays readable, as for a deleted review's.
    return page === "revisions" && status === 410 ? null : status;
  }
  const n = page === "upvotes" ? pageParam(more) : null;
  const comment = n ? await read(db, "comment", id) : undefined;
  return n && comment && comment.deletedAt === null && comment.status === "published" && pageInRange(n, VOTERS_PAGE_SIZE, comment.upvotes) ? null : 404;
}

async function reviewAnswer(db: DB, key: string, rest: string[]): Promise<AddressAnswer> {
  if (key === "new" && rest.length === 0) return null;
  if (rest.length && ACCOUNT_PAGES.has(rest[0]!)) return null;
  const review = await read(db, "review", key);
  if (!review) return 404;
  const [page, arg, ...more] = rest;
  const isPublished = review.status === "published";
  const isDeleted = review.status === "deleted";
  // Drafts and hidden reviews have no shared page at all.
  if (!isPublished && !isDeleted) return 404;
  if (page === undefined) return isDeleted ? 410 : null;
  if (more.length) return 404;
  switch (page) {
    case "comments":
      // A deleted review's discussion says so, with 410 Gone.
      if (!arg || !(COMMENT_SORTS as readonly string[]).includes(arg)) return 404;
      return isDeleted ? 410 : null;
    case "revisions": {
      // A deleted review's history stays readable, but not its text.
      if (arg === undefined) return null;
      const pair = isPublished ? parseRevisionPair(arg) : null;
      return pair && (await read(db, "revisions", review.id, pair.from, pair.to))!.n === 2 ? null : 404;
    }
    case "upvotes": {
      const n = pageParam(arg === undefined ? [] : [arg]);
      return n && isPublished && pageInRange(n, VOTERS_PAGE_SIZE, review.upvotes) ? null : 404;
    }
    default:
      return 404;
  }
}

/**
 * The one spelling of a feed (or profile) cursor that names the same review: itself, the cursor
 * with the review's current sort value when that has moved since the link was made, or null
 * when it names no published review (of `authorId`, on a profile).
 */
async function canonicalCursor(db: DB, tab: FeedTab, cursor: string, authorId?: string): Promise<string | null> {
  const c = CURSOR_PATTERN.test(cursor) ? decodeCursor(cursor) : null;
  const review = c && isRowId(c[1]) ? await read(db, "feedReview", c[1]) : undefined;
  if (!review || (authorId !== undefined && review.authorId !== authorId)) return null;
  const value = cursorValue(tab, review);
  return value === null ? null : encodeCursor(value, c![1]);
}

/**
 * The status of an editor page (a review's edit, a comment's edit or delete) for a signed-in
 * viewer, decided before it renders: a per-viewer page streams its shell at once, so a 403 or 404
 * known only inside it would go out as 200. The page refuses by itself all the same
 * (forbidden(), notFound()); this only sets the status. Null: the page decides (signed out too).
 */
export async function editorPageStatus(db: DB, segments: string[], viewer: Actor | null): Promise<403 | 404 | null> {
  const [section, key = "", verb, ...more] = segments;
  if (!viewer || more.length) return null;
  if (section === "reviews" && verb === "edit") {
    const review = await first(db.select({ authorId: reviews.authorId, status: reviews.status }).from(reviews).where(eq(reviews.slug, key)));
    if (!review || review.status === "deleted") return 404;
    return canEditAuthored(viewer, review) ? null : 403;
  }
  if (section === "comments" && (verb === "edit" || verb === "delete")) {
    const id = commentIdParam(key);
    const comment = id ? await getCommentForEdit(db, id) : null;
    if (!comment || comment.review.status !== "published") return 404;
    // A deleted comment's editor says so itself.
    if (comment.deletedAt) return null;
    return canEditAuthored(viewer, comment) ? null : 403;
  }
  return null;
}
