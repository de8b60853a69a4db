import { and, asc, desc, eq, gte, inArray, lt, or, type SQL } from "drizzle-orm";
import type { DB } from "@/db";
import { films, reviewRevisions, reviewTags, reviews, users } from "@/db/schema";
import { listedExcerpt } from "@/lib/markdown/spoiler-safe";
import { first } from "@/db/query";
import { isRowId } from "@/lib/row-id";

// Loaders return DTOs in a fixed number of queries: one for the rows (joined to-one), one batch for tags.
export const FEED_TABS = ["hot", "new", "top-day", "top-week", "top-month", "top-year", "top-all"] as const;
export type FeedTab = (typeof FEED_TABS)[number];
const PERIOD_MS: Record<string, number> = { day: 86_400_000, week: 7 * 86_400_000, month: 30 * 86_400_000, year: 365 * 86_400_000 };
const PAGE_SIZE = 20;

const cardColumns = {
  id: reviews.id,
  slug: reviews.slug,
  title: reviews.title,
  excerpt: reviews.excerpt,
  hasSpoilers: reviews.hasSpoilers,
  score: reviews.score,
  status: reviews.status,
  publishedAt: reviews.publishedAt,
  updatedAt: reviews.updatedAt,
  readingMinutes: reviews.readingMinutes,
  upvoteCount: reviews.upvoteCount,
  commentCount: reviews.commentCount,
  viewCount: reviews.viewCount,
  hotScore: reviews.hotScore,
  authorId: reviews.authorId,
  authorUsername: users.username,
  authorName: users.name,
  authorImage: users.image,
  authorIsNew: users.isNew,
  filmSlug: films.slug,
  filmTitle: films.title,
  filmYear: films.year,
};

/** A column's value: null where the column allows it (a review's score), and for every author column (the author may be gone). */
type ColumnValue<C> = C extends { _: { data: infer D; notNull: infer N } } ? (N extends true ? D : D | null) : never;
type CardRow = { [K in keyof typeof cardColumns]: ColumnValue<(typeof cardColumns)[K]> | (K extends `author${string}` ? null : never) };

export type ReviewCard = ReturnType<typeof toCard>;

function toCard(r: CardRow, tags: string[]) {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    excerpt: listedExcerpt(r),
    hasSpoilers: r.hasSpoilers,
    score: r.score,
    status: r.status,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    readingMinutes: r.readingMinutes,
    upvoteCount: r.upvoteCount,
    commentCount: r.commentCount,
    viewCount: r.viewCount,
    author: r.authorUsername ? { id: r.authorId!, username: r.authorUsername, name: r.authorName!, image: r.authorImage, isNew: r.authorIsNew! } : null,
    film: { slug: r.filmSlug, title: r.filmTitle, year: r.filmYear },
    tags,
  };
}

async function withTags(db: DB, rows: CardRow[]) {
  const ids = rows.map((r) => r.id);
  const tagRows = ids.length ? await db.select().from(reviewTags).where(inArray(reviewTags.reviewId, ids)).orderBy(asc(reviewTags.tag)) : [];
  return rows.map((r) => toCard(r, tagRows.filter((t) => t.reviewId === r.id).map((t) => t.tag)));
}

const cards = (db: DB) =>
  db.select(cardColumns).from(reviews).innerJoin(films, eq(films.id, reviews.filmId)).leftJoin(users, eq(users.id, reviews.authorId));

// Cursors are opaque strings holding the sort value and id of the last row shown.
export function encodeCursor(value: number, id: number) {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}
export function decodeCursor(cursor: string | undefined): [number, number] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, "base64url").toString()) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && Number.isFinite(v[0]) && isRowId(v[1])) return v as [number, number];
  } catch {
    // fall through
  }
  return null;
}

/** The value a tab's cursor holds for a review: what the tab sorts by (a hot score, a time in ms, upvotes). */
export function cursorValue(tab: FeedTab, r: { hotScore: number; publishedAt: Date | number | null; upvoteCount: number }): number | null {
  if (tab === "hot") return r.hotScore;
  if (tab === "new") return r.publishedAt === null ? null : Number(r.publishedAt);
  return r.upvoteCount;
}

function sortFor(tab: FeedTab) {
  if (tab === "hot") return { col: reviews.hotScore, value: (c: ReviewCard & { hot?: number }) => c.hot ?? 0 };
  if (tab === "new") return { col: reviews.publishedAt, value: (c: ReviewCard) => c.publishedAt?.getTime() ?? 0 };
  return { col: reviews.upvoteCount, value: (c: ReviewCard) => c.upvoteCount };
}

export async function listFeed(db: DB, opts: { tab: FeedTab; cursor?: string; now?: number; limit?: number; filmId?: number; tag?: string; authorId?: string }) {
  const limit = opts.limit ?? PAGE_SIZE;
  const { col } = sortFor(opts.tab);
  const where: SQL[] = [eq(reviews.status, "published")];
  if (opts.tab.startsWith("top-") && opts.tab !== "top-all") {
    where.push(gte(reviews.publishedAt, new Date((opts.now ?? Date.now()) - PERIOD_MS[opts.tab.slice(4)]!)));
  }
  if (opts.filmId) where.push(eq(reviews.filmId, opts.filmId));
  if (opts.authorId) where.push(eq(reviews.authorId, opts.authorId));
  if (opts.tag) where.push(inArray(reviews.id, db.select({ id: reviewTags.reviewId }).from(reviewTags).where(eq(reviewTags.tag, opts.tag))));
  const c = decodeCursor(opts.cursor);
  if (c) {
    const value = opts.tab === "new" ? new Date(c[0]) : c[0];
    where.push(or(lt(col, value), and(eq(col, value), lt(reviews.id, c[1])))!);
  }
  const rows = (await cards(db)
    .where(and(...where))
    .orderBy(desc(col), desc(reviews.id))
    .limit(limit + 1)) as CardRow[];
  const page = await withTags(db, rows.slice(0, limit));
  const last = rows.length > limit ? rows[limit - 1]! : null;
  const nextValue = last ? cursorValue(opts.tab, last) : null;
  return { items: page, nextCursor: last && nextValue !== null ? encodeCursor(nextValue, last.id) : null };
}

export async function getReviewBySlug(db: DB, slug: string) {
  const row = await first(db
    .select({ ...cardColumns, bodyHtml: reviews.bodyHtml, revisionCount: reviews.revisionCount, editedAt: reviews.editedAt, editedAfterComments: reviews.editedAfterComments, firstReview: reviews.firstReview, filmId: reviews.filmId, filmDirector: films.director })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .leftJoin(users, eq(users.id, reviews.authorId))
    .where(eq(reviews.slug, slug)));
  if (!row) return null;
  const [card] = await withTags(db, [row as CardRow]);
  return { ...card!, bodyHtml: row.bodyHtml, revisionCount: row.revisionCount, editedAt: row.editedAt, editedAfterComments: row.editedAfterComments, firstReview: row.firstReview, filmId: row.filmId, filmDirector: row.filmDirector };
}
export type ReviewPage = NonNullable<Awaited<ReturnType<typeof getReviewBySlug>>>;

/** What the editor needs to edit a review (markdown, tags, film). */
export async function getReviewForEdit(db: DB, slug: string) {
  const row = await first(db
    .select({ id: reviews.id, slug: reviews.slug, authorId: reviews.authorId, status: reviews.status, title: reviews.title, bodyMd: reviews.bodyMd, score: reviews.score, hasSpoilers: reviews.hasSpoilers, filmId: reviews.filmId, filmTitle: films.title, filmYear: films.year })
    .from(reviews)
    .innerJoin(films, eq(films.id, reviews.filmId))
    .where(eq(reviews.slug, slug)));
  if (!row) return null;
  const tags = await db.select({ tag: reviewTags.tag }).from(reviewTags).where(eq(reviewTags.reviewId, row.id)).orderBy(asc(reviewTags.tag));
  return { ...row, tags: tags.map((t) => t.tag) };
}

export async function listRevisions(db: DB, reviewId: number) {
  const rows = await db
    .select({ rev: reviewRevisions, editorUsername: users.username, editorName: users.name, filmTitle: films.title, filmYear: films.year })
    .from(reviewRevisions)
    .leftJoin(users, eq(users.id, reviewRevisions.editorId))
    .innerJoin(films, eq(films.id, reviewRevisions.filmId))
    .where(eq(reviewRevisions.reviewId, reviewId))
    .orderBy(asc(reviewRevisions.number));
  return rows.map((r) => ({ ...r.rev, tags: [...r.rev.tags].sort(), editor: r.editorUsername ? { username: r.editorUsername, name: r.editorName! } : null, film: `${r.filmTitle} (${r.filmYear})` }));
}
export type Revision = Awaited<ReturnType<typeof listRevisions>>[number];

export async function listDrafts(db: DB, authorId: string) {
  const rows = (await cards(db).where(and(eq(reviews.authorId, authorId), eq(reviews.status, "draft"))).orderBy(desc(reviews.updatedAt), desc(reviews.id)).limit(100)) as CardRow[];
  return withTags(db, rows);
}
