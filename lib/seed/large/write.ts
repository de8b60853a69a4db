// The large seed's bulk writes: one prepared INSERT per table, run once per row.
import type Database from "better-sqlite3";
import { RENDERER_VERSION } from "@/lib/markdown/render";
import { hotScore } from "@/lib/reviews/hot";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";
import type { Counters, Plan } from "./counters";
import { DAY, nf, NOTICE_DAYS, READ_AFTER_MS, READ_BEFORE_MS } from "./options";
import { Rng, dayString } from "./random";
import type { Notice } from "./votes";

/**
 * One prepared single-row INSERT per table, run once per row inside the caller's transaction.
 * (Multi-row VALUES lists measured slower here: 500k votes took 7–10 s in batches of 50–666 rows,
 * 2–3 s one row at a time.)
 */
class Bulk {
  private readonly stmt: Database.Statement;
  private rows = 0;
  constructor(client: Database.Database, head: string, width: number) {
    this.stmt = client.prepare(`${head} values (${Array.from({ length: width }, () => "?").join(",")})`);
  }
  add(...values: unknown[]) {
    this.stmt.run(values);
    this.rows++;
  }
  finish(): number {
    return this.rows;
  }
}

export function writeMembers(client: Database.Database, p: Plan, k: Counters, exact: boolean, hash: string, now: number) {
  const { m } = p;
  const bulk = new Bulk(
    client,
    `insert into users (id, username, username_key, name, email, password_hash, bio, role, created_at, upvotes_received,
      review_count, comment_count, is_new, replies_received, views_received, upvotes_reached_at, reviews_reached_at)`,
    17,
  );
  for (let a = 0; a < m.n; a++) {
    const isNew = now - m.joined[a]! < NEWCOMER_DAYS * DAY || k.reviews[a]! + k.comments[a]! < NEWCOMER_CONTRIBUTIONS;
    bulk.add(
      m.ids[a],
      m.usernames[a],
      m.keys[a],
      m.names[a],
      `${m.keys[a]}@members.marquee.test`,
      hash,
      m.bios[a],
      m.roles[a],
      m.joined[a],
      exact ? k.upvotes[a] : 0,
      exact ? k.reviews[a] : 0,
      exact ? k.comments[a] : 0,
      exact ? (isNew ? 1 : 0) : 1,
      exact ? k.replies[a] : 0,
      exact ? k.views[a] : 0,
      exact && k.upvotesAt[a] ? k.upvotesAt[a] : null,
      exact && k.reviewsAt[a] ? k.reviewsAt[a] : null,
    );
  }
  return bulk.finish();
}

export function writeFilms(client: Database.Database, p: Plan, exact: boolean) {
  const { f, rv } = p;
  const reviews = new Int32Array(f.n);
  const sum = new Int32Array(f.n);
  const scored = new Int32Array(f.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    const film = rv.film[i]!;
    reviews[film] = reviews[film]! + 1;
    if (rv.score[i]) {
      sum[film] = sum[film]! + rv.score[i]!;
      scored[film] = scored[film]! + 1;
    }
  }
  const bulk = new Bulk(client, `insert into films (id, slug, title, title_key, year, director, country, review_count, score_sum, score_count, created_at)`, 11);
  const byId = Array.from({ length: f.n }, (_, i) => i).sort((a, b) => p.filmId[a]! - p.filmId[b]!);
  for (const film of byId) {
    bulk.add(p.filmId[film], p.filmSlug[film], f.titles[film], f.keys[film], f.years[film], f.directors[film], f.countries[film],
      exact ? reviews[film] : 0, exact ? sum[film] : 0, exact ? scored[film] : 0, p.filmCreated[film]);
  }
  return bulk.finish();
}

export function writeReviews(client: Database.Database, p: Plan, k: Counters, exact: boolean) {
  const { m, rv, c, v, views, pool } = p;
  const reviews = new Bulk(
    client,
    `insert into posts (id, slug, author_id, film_id, title, body_md, body_html, renderer_version, excerpt, score, has_spoilers,
      status, word_count, reading_minutes, published_at, edited_at, edited_after_comments, revision_count, upvote_count,
      comment_count, view_count, hot_score, first_review, created_at, updated_at)`,
    25,
  );
  const tags = new Bulk(client, `insert into post_tags (post_id, tag)`, 2);
  type Rev = { review: number; number: number; at: number; updated: number; reason: string | null; body: string; score: number; tags: string[] };
  const revisions: Rev[] = [];
  for (let i = 0; i < rv.n; i++) {
    const body = pool.reviews[rv.body[i]!]!;
    const edits = rv.edits[i];
    const published = !!rv.published[i];
    let live = 0;
    for (let j = c.first[i]!; c.first[i]! >= 0 && j < c.first[i]! + c.count[i]!; j++) if (!c.deletedAt[j]) live++;
    reviews.add(
      i + 1,
      rv.slug[i],
      m.ids[rv.author[i]!],
      p.filmId[rv.film[i]!],
      rv.title[i],
      body.md,
      body.html,
      RENDERER_VERSION,
      body.excerpt,
      rv.score[i] || null,
      rv.spoilers[i],
      published ? "published" : "draft",
      body.words,
      body.readingMinutes,
      published ? rv.publishedAt[i] : null,
      edits ? edits[edits.length - 1]!.at : null,
      k.editedAfter[i]! >= 0 ? k.editedAfter[i] : null,
      1 + (edits?.length ?? 0),
      exact ? v.reviewCount[i] : 0,
      exact ? live : 0,
      // Not a derived counter: recountAll sums it into views received but never rebuilds it from post_views.
      views.count[i],
      exact && published ? hotScore(v.reviewCount[i]!, new Date(rv.publishedAt[i]!)) : 0,
      k.firstReview[i],
      rv.createdAt[i],
      rv.updatedAt[i],
    );
    for (const t of rv.tags[i]!) tags.add(i + 1, t);
    // Snapshots, newest first: each edit undone in turn gives the revision before it.
    let state = { body: body.md, score: rv.score[i]!, tags: rv.tags[i]! };
    const snapshots = [state];
    for (let e = (edits?.length ?? 0) - 1; e >= 0; e--) {
      const kind = edits![e]!.kind;
      state = {
        body: kind === "body" ? body.earlierMd : state.body,
        score: kind === "score" ? (state.score >= 9 ? state.score - 1 : state.score + 1) : state.score,
        tags: kind === "tags" ? (state.tags.length ? state.tags.slice(0, -1) : ["rewatch"]) : state.tags,
      };
      snapshots.unshift(state);
    }
    snapshots.forEach((s, number) => {
      const at = number === 0 ? (published ? rv.publishedAt[i]! : rv.createdAt[i]!) : edits![number - 1]!.at;
      revisions.push({
        review: i,
        number: number + 1,
        at,
        updated: number === 0 && !published ? rv.updatedAt[i]! : at,
        reason: number === 0 ? null : edits![number - 1]!.reason,
        body: s.body,
        score: s.score,
        tags: s.tags,
      });
    });
  }
  const reviewRows = reviews.finish();
  const tagRows = tags.finish();
  revisions.sort((a, b) => a.at - b.at || a.review - b.review || a.number - b.number);
  const revs = new Bulk(
    client,
    `insert into post_revisions (id, post_id, number, editor_id, reason, title, body_md, score, tags, film_id, has_spoilers, created_at, updated_at)`,
    13,
  );
  revisions.forEach((x, id) =>
    revs.add(id + 1, x.review + 1, x.number, m.ids[rv.author[x.review]!], x.reason, rv.title[x.review], x.body, x.score || null, JSON.stringify(x.tags), p.filmId[rv.film[x.review]!], rv.spoilers[x.review], x.at, x.updated),
  );
  return { reviews: reviewRows, tags: tagRows, revisions: revs.finish() };
}

export function writeComments(client: Database.Database, p: Plan, exact: boolean) {
  const { m, c, v, pool } = p;
  const rows = new Bulk(
    client,
    `insert into comments (id, post_id, parent_id, author_id, depth, path, body_md, body_html, renderer_version, revision_count,
      edited_at, deleted_at, upvote_count, reply_count, created_at, updated_at)`,
    16,
  );
  const revs = new Bulk(client, `insert into comment_revisions (id, comment_id, number, editor_id, reason, body_md, created_at, updated_at)`, 8);
  // Revision ids in time order too: every first revision, with the later edits merged in.
  const edited = Array.from(c.byId).filter((i) => c.editedAt[i]! > 0);
  edited.sort((a, b) => c.editedAt[a]! - c.editedAt[b]! || a - b);
  let e = 0;
  let revId = 0;
  const second = (i: number) =>
    revs.add(++revId, c.id[i], 2, m.ids[c.author[i]!], null, pool.comments[c.body[i]!]!.md, c.editedAt[i], c.editedAt[i]);
  for (const i of c.byId) {
    while (e < edited.length && c.editedAt[edited[e]!]! <= c.time[i]!) second(edited[e++]!);
    const body = pool.comments[c.body[i]!]!;
    const parent = c.parent[i]!;
    const deleted = c.deletedAt[i]! || null;
    const editedAt = c.editedAt[i]! || null;
    rows.add(
      c.id[i],
      c.review[i]! + 1,
      parent >= 0 ? c.id[parent] : null,
      m.ids[c.author[i]!],
      c.depth[i],
      c.path[i],
      body.md,
      body.html,
      RENDERER_VERSION,
      editedAt ? 2 : 1,
      editedAt,
      deleted,
      exact ? v.commentCount[i] : 0,
      exact ? c.replies[i] : 0,
      c.time[i],
      deleted ?? editedAt ?? c.time[i],
    );
    const first = c.earlierBody[i]! >= 0 ? pool.comments[c.earlierBody[i]!]!.md : body.md;
    revs.add(++revId, c.id[i], 1, m.ids[c.author[i]!], null, first, c.time[i], c.time[i]);
  }
  while (e < edited.length) second(edited[e++]!);
  return { comments: rows.finish(), revisions: revs.finish() };
}

export function writeVotes(client: Database.Database, p: Plan, log: (s: string) => void) {
  const { m, rv, c, v } = p;
  const reviewVoteRows = new Bulk(client, `insert into post_votes (user_id, post_id, created_at)`, 3);
  for (let i = 0; i < rv.n; i++) for (let j = v.reviewStart[i]!; j < v.reviewStart[i + 1]!; j++) reviewVoteRows.add(m.ids[v.rVoter[j]!], i + 1, v.rTime[j]);
  const reviewVotes = reviewVoteRows.finish();
  log(`  ${nf(reviewVotes)} upvotes on reviews`);
  const commentVotes = new Bulk(client, `insert into comment_votes (user_id, comment_id, post_id, created_at)`, 4);
  let done = 0;
  for (const i of c.byId) {
    for (let j = v.commentStart[i]!; j < v.commentStart[i + 1]!; j++) commentVotes.add(m.ids[v.cVoter[j]!], c.id[i], c.review[i]! + 1, v.cTime[j]);
    done += v.commentCount[i]!;
    if (done >= 1_000_000) {
      log(`  … ${nf(v.commentStart[i + 1]!)} upvotes on comments`);
      done = 0;
    }
  }
  return { reviewVotes, commentVotes: commentVotes.finish() };
}

export function writeViews(client: Database.Database, p: Plan, seed: number) {
  const { m, rv, views } = p;
  const r = new Rng(seed, "viewer-keys");
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const bulk = new Bulk(client, `insert into post_views (post_id, viewer_key, day)`, 3);
  for (let i = 0; i < rv.n; i++) {
    for (let j = views.start[i]!; j < views.start[i + 1]!; j++) {
      const u = views.viewer[j]!;
      let key: string;
      if (u >= 0) key = `u:${m.ids[u]}`;
      else {
        // The shape of lib/reviews/viewer-key.ts's anonymous key: a salted hash, never an address.
        let s = "a:";
        for (let x = 0; x < 32; x++) s += alphabet[r.int(64)];
        key = s;
      }
      bulk.add(i + 1, key, dayString(views.day[j]!));
    }
  }
  return bulk.finish();
}

/** Reply and milestone notices of the last month, oldest first; read when older than three days. */
export function collectReplyNotices(p: Plan, now: number, notices: Notice[]) {
  const { rv, c } = p;
  const from = now - NOTICE_DAYS * DAY;
  for (const i of c.byId) {
    if (c.time[i]! < from || c.deletedAt[i]) continue;
    const parent = c.parent[i]!;
    const to = parent < 0 ? rv.author[c.review[i]!]! : c.author[parent]!;
    if (to === c.author[i]) continue;
    notices.push({ recipient: to, kind: parent < 0 ? "review_reply" : "comment_reply", actor: c.author[i]!, review: c.review[i]!, comment: i, target: null, amount: null, at: c.time[i]! });
  }
  const rank = { review_reply: 0, comment_reply: 1, milestone: 2 };
  notices.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind] || a.recipient - b.recipient || (a.amount ?? 0) - (b.amount ?? 0) || a.review - b.review || a.comment - b.comment);
}

export function writeNotices(client: Database.Database, p: Plan, table: string, now: number) {
  const { m, c } = p;
  const seen = now - READ_BEFORE_MS;
  const bulk = new Bulk(client, `insert into ${table} (recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at)`, 9);
  for (const n of p.notices) {
    bulk.add(m.ids[n.recipient], n.kind, n.actor >= 0 ? m.ids[n.actor] : null, n.review + 1, n.comment >= 0 ? c.id[n.comment] : null, n.target, n.amount, n.at, n.at < seen ? Math.min(n.at + READ_AFTER_MS, seen) : null);
  }
  return bulk.finish();
}
