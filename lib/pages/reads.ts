import type { DB } from "@/db";
import { sqlGet } from "@/tests/helpers/sql";

/**
 * The proxy's reads, one indexed lookup each, as fixed SQL text: the connection keeps a prepared
 * statement per text (db/index.ts), so a request pays for running them, never for building them.
 */
const SQL = {
  film: "select 1 as ok from films where slug = ?",
  publishedTag: "select 1 as ok from post_tags t join posts p on p.id = t.post_id where t.tag = ? and p.status = 'published' limit 1",
  member: "select id, username, suspended_at as suspendedAt from users where username_key = ?",
  memberComment: "select 1 as ok from comments where id = ? and author_id = ?",
  review: "select id, status, upvote_count as upvotes from posts where slug = ?",
  revisions: "select count(*) as n from post_revisions where post_id = ? and number in (?, ?)",
  comment: "select c.deleted_at as deletedAt, c.upvote_count as upvotes, p.status from comments c join posts p on p.id = c.post_id where c.id = ?",
  feedReview: "select author_id as authorId, hot_score as hotScore, published_at as publishedAt, upvote_count as upvoteCount from posts where id = ? and status = 'published'",
  badgeHolders: "select holder_count as n from badges where slug = ?",
} as const;

type Row<K extends keyof typeof SQL> = {
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

export async function read<K extends keyof typeof SQL>(db: DB, query: K, ...args: (string | number)[]): Promise<Row<K> | undefined> {
  return (await sqlGet(db, SQL[query], ...args)) as Row<K> | undefined;
}
