import { sql, type SQL } from "drizzle-orm";
import type { DB } from "@/db";
import { rawFirst } from "@/db/query";
import { msOf } from "@/db/sql";

/**
 * The proxy's reads, one indexed lookup each, as fixed SQL text (only the parameters vary): the
 * SQLite connection keeps a prepared statement per text (db/index.ts), so a request pays for
 * running them, never for building them. Aliases are quoted (PostgreSQL would fold them to lower
 * case), and time stamps are read as milliseconds on both dialects.
 */
const READS = {
  film: (slug: string) => sql`select 1 as ok from films where slug = ${slug}`,
  publishedTag: (tag: string) => sql`select 1 as ok from post_tags t join posts p on p.id = t.post_id where t.tag = ${tag} and p.status = 'published' limit 1`,
  member: (key: string) => sql`select id, username, ${msOf(sql`suspended_at`)} as "suspendedAt" from users where username_key = ${key}`,
  memberComment: (id: number, authorId: string) => sql`select 1 as ok from comments where id = ${id} and author_id = ${authorId}`,
  review: (slug: string) => sql`select id, status, upvote_count as upvotes from posts where slug = ${slug}`,
  revisions: (reviewId: number, from: number, to: number) => sql`select count(*) as n from post_revisions where post_id = ${reviewId} and number in (${from}, ${to})`,
  comment: (id: number) =>
    sql`select ${msOf(sql`c.deleted_at`)} as "deletedAt", c.upvote_count as upvotes, p.status from comments c join posts p on p.id = c.post_id where c.id = ${id}`,
  feedReview: (id: number) =>
    sql`select author_id as "authorId", hot_score as "hotScore", ${msOf(sql`published_at`)} as "publishedAt", upvote_count as "upvoteCount" from posts where id = ${id} and status = 'published'`,
  badgeHolders: (slug: string) => sql`select holder_count as n from badges where slug = ${slug}`,
} satisfies Record<string, (...args: never[]) => SQL>;

type Row<K extends keyof typeof READS> = {
  film: { ok: 1 };
  publishedTag: { ok: 1 };
  member: { id: string; username: string; suspendedAt: number | null };
  memberComment: { ok: 1 };
  review: { id: number; status: string; upvotes: number };
  revisions: { n: number };
  comment: { deletedAt: number | null; upvotes: number; status: string };
  feedReview: { authorId: string | null; hotScore: number; publishedAt: number; upvoteCount: number };
  badgeHolders: { n: number };
}[K];

export async function read<K extends keyof typeof READS>(db: DB, query: K, ...args: Parameters<(typeof READS)[K]>): Promise<Row<K> | undefined> {
  const build = READS[query] as (...a: Parameters<(typeof READS)[K]>) => SQL;
  return rawFirst<Row<K>>(db, build(...args));
}
