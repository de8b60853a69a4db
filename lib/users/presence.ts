import { sql } from "drizzle-orm";
import type { Write } from "@/lib/write";
import { rawRows } from "@/db/query";

/**
 * Records, in the write's changes, every page that shows this member's name, avatar or "New"
 * marker: their profile, the members directory, the reviews they wrote (with the feeds, films and
 * tags listing them) and every review whose page, thread, voters or history names them, the
 * Ranking and the holders of each badge they hold. Read through the write's transaction, so a
 * deletion records it before its rows go.
 */
export async function recordPresence(w: Write, userId: string) {
  const c = w.changes;
  const named = await rawRows<{ id: number }>(w.tx, sql`
    select post_id as id from comments where author_id = ${userId}
    union select post_id from post_votes where user_id = ${userId}
    union select post_id from comment_votes where user_id = ${userId}
    union select post_id from post_revisions where editor_id = ${userId}
    union select c.post_id from comment_revisions r join comments c on c.id = r.comment_id where r.editor_id = ${userId}
    union select id from posts where author_id = ${userId}`);
  const listed = await rawRows<{ id: number; filmId: number; tag: string | null }>(w.tx, sql`
    select p.id as id, p.film_id as "filmId", t.tag as tag from posts p left join post_tags t on t.post_id = p.id
    where p.author_id = ${userId} and p.status = 'published'`);
  const held = await rawRows<{ slug: string }>(w.tx, sql`select badge_slug as slug from user_badges where user_id = ${userId}`);
  c.members.add(userId);
  c.directory = true;
  c.ranking = true;
  for (const b of held) c.badgeHolders.add(b.slug);
  for (const p of named) c.threads.add(p.id);
  // A published review's card shows the name: the feeds, its film and its tags list it.
  for (const l of listed) {
    c.reviews.add(l.id);
    c.films.add(l.filmId);
    if (l.tag) c.tags.add(l.tag);
  }
}
