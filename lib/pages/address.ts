import { and, eq } from "drizzle-orm";
import type { DB } from "@/db";
import { comments, films, postTags, posts, users } from "@/db/schema";
import { commentPermalinkStatus, getCommentForEdit } from "@/lib/comments/queries";
import { commentIdParam } from "@/lib/comments/links";
import { canEditPost, type Actor } from "@/lib/permissions";
import { TAG_PATTERN } from "@/lib/reviews/schemas";
import { usernameKey } from "@/lib/users/username";

/** Which tab of a profile an address shows: [] → reviews, ["comments"], ["badges"], then ["reviews", cursor] / ["comments", id] for older pages. */
export type ProfileWhere = { kind: "reviews"; cursor?: string } | { kind: "comments"; before?: number } | { kind: "badges" };

export function parseProfileRest(rest: string[] | undefined): ProfileWhere | null {
  const [kind, page, ...more] = rest ?? [];
  if (more.length) return null;
  if (kind === undefined) return { kind: "reviews" };
  if (kind === "badges") return page === undefined ? { kind: "badges" } : null;
  if (kind === "comments") {
    if (page === undefined) return { kind: "comments" };
    return /^[1-9]\d{0,14}$/.test(page) ? { kind: "comments", before: Number(page) } : null;
  }
  if (kind === "reviews" && page !== undefined && /^[\w-]{4,200}$/.test(page)) return { kind: "reviews", cursor: page };
  return null;
}

/** Per-viewer pages that share a prefix with shared ones: never decided here. */
const ACCOUNT_PAGES = new Set(["edit", "reply", "delete"]);

const exists = (row: unknown) => row !== undefined;

/**
 * The status a shared page's address answers with, decided before the page is looked up: 404
 * for an address no page has (then the one not-found page answers, so a stranger's made-up
 * addresses never each leave a rendered page in the cache, on disk and in memory), 410 for a
 * deleted review or comment (its own cached page says so), null to serve the page as it is.
 * Indexed reads only. `segments` are the decoded path segments.
 */
export function sharedPageStatus(db: DB, segments: string[]): 404 | 410 | null {
  const [section, key = "", ...rest] = segments;
  switch (section) {
    case "films":
      return rest.length === 0 && exists(db.select({ id: films.id }).from(films).where(eq(films.slug, key)).get()) ? null : 404;
    case "tags": {
      if (rest.length || !TAG_PATTERN.test(key)) return 404;
      const published = db
        .select({ id: postTags.postId })
        .from(postTags)
        .innerJoin(posts, eq(posts.id, postTags.postId))
        .where(and(eq(postTags.tag, key), eq(posts.status, "published")))
        .limit(1)
        .get();
      return exists(published) ? null : 404;
    }
    case "u": {
      const where = parseProfileRest(rest);
      const user = where ? db.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey(key))).get() : undefined;
      if (!where || !user) return 404;
      // An older page of comments starts below one of the member's own comments, as its links do.
      if (where.kind === "comments" && where.before !== undefined) {
        const own = db.select({ id: comments.id }).from(comments).where(and(eq(comments.id, where.before), eq(comments.authorId, user.id))).get();
        return exists(own) ? null : 404;
      }
      return null;
    }
    case "comments": {
      if (rest.length && ACCOUNT_PAGES.has(rest[0]!)) return null;
      const id = commentIdParam(key);
      const status = id ? commentPermalinkStatus(db, id) : 404;
      if (status === 200) return null;
      // Its history and upvoters stay readable, as for a deleted review's.
      return rest.length && status === 410 ? null : status;
    }
    case "reviews": {
      if (key === "new" || (rest.length && ACCOUNT_PAGES.has(rest[0]!))) return null;
      const review = db.select({ status: posts.status }).from(posts).where(eq(posts.slug, key)).get();
      if (!review) return 404;
      // A deleted review's page and discussion say so, with 410 Gone; its history stays readable.
      return review.status === "deleted" && (rest.length === 0 || rest[0] === "comments") ? 410 : null;
    }
    case "not-yours":
      return rest.length === 0 && (key === "review" || key === "comment") ? null : 404;
    default:
      return null;
  }
}

/**
 * The status of an editor page (a review's edit, a comment's edit or delete) for a signed-in
 * viewer, decided before it renders: a per-viewer page streams its shell at once, so a 403 or 404
 * known only inside it would go out as 200. The page refuses by itself all the same
 * (forbidden(), notFound()); this only sets the status. Null: the page decides (signed out too).
 */
export function editorPageStatus(db: DB, segments: string[], viewer: Actor | null): 403 | 404 | null {
  const [section, key = "", verb, ...more] = segments;
  if (!viewer || more.length) return null;
  if (section === "reviews" && verb === "edit") {
    const review = db.select({ authorId: posts.authorId, status: posts.status }).from(posts).where(eq(posts.slug, key)).get();
    if (!review || review.status === "deleted") return 404;
    return canEditPost(viewer, review) ? null : 403;
  }
  if (section === "comments" && (verb === "edit" || verb === "delete")) {
    const id = commentIdParam(key);
    const comment = id ? getCommentForEdit(db, id) : null;
    if (!comment || comment.review.status !== "published") return 404;
    // A deleted comment's editor says so itself.
    if (comment.deletedAt) return null;
    return canEditPost(viewer, comment) ? null : 403;
  }
  return null;
}
