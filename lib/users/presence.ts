import { sql } from "drizzle-orm";
import type { DB } from "@/db";
import { FEED_TAG, MEMBERS_TAG, RANKING_TAG, badgeTag, expireTags, filmTag, reviewTag, tagTag, userTag } from "@/lib/cache/tags";

/**
 * Every cache tag of a page that shows this member's name, avatar or "New" marker: their profile,
 * the member lists, the reviews they wrote (with the feeds, films and tags listing them) and every
 * review whose page, thread, voters or history names them, the Ranking and the holders of each
 * badge they hold. Used when any of those change.
 */
export function presenceTags(db: DB, userId: string): string[] {
  const posts = db.all<{ id: number }>(sql`
    select post_id as id from comments where author_id = ${userId}
    union select post_id from post_votes where user_id = ${userId}
    union select post_id from comment_votes where user_id = ${userId}
    union select post_id from post_revisions where editor_id = ${userId}
    union select c.post_id from comment_revisions r join comments c on c.id = r.comment_id where r.editor_id = ${userId}
    union select id from posts where author_id = ${userId}`);
  const listed = db.all<{ filmId: number; tag: string | null }>(sql`
    select p.film_id as filmId, t.tag as tag from posts p left join post_tags t on t.post_id = p.id
    where p.author_id = ${userId} and p.status = 'published'`);
  const held = db.all<{ slug: string }>(sql`select badge_slug as slug from user_badges where user_id = ${userId}`);
  return [
    userTag(userId),
    MEMBERS_TAG,
    RANKING_TAG,
    ...held.map((b) => badgeTag(b.slug)),
    ...(listed.length ? [FEED_TAG] : []),
    ...posts.map((p) => reviewTag(p.id)),
    ...listed.map((l) => filmTag(l.filmId)),
    ...listed.flatMap((l) => (l.tag ? [tagTag(l.tag)] : [])),
  ];
}

/** From a route handler: pages showing these members render afresh on their next request. */
export function expirePresence(db: DB, userIds: Iterable<string | null | undefined>) {
  const tags: string[] = [];
  for (const id of new Set(userIds)) if (id) tags.push(...presenceTags(db, id));
  if (tags.length) expireTags(tags);
}
