import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { commentVotes, comments as commentRows, films, notifications, postVotes, posts, userBadges, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { getEnv } from "@/lib/env";
import { foldText, urlSlug } from "@/lib/slug";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import type { Actor } from "@/lib/permissions";
import { createReview } from "@/lib/reviews/create-review";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { avatarDir, setAvatar } from "@/lib/users/avatar-upload";
import { endFirstWeeks } from "@/lib/users/newcomer";
import { usernameKey } from "@/lib/users/username";
import { castVote } from "@/lib/votes/cast-vote";
import { SEED_STOPS, SEED_THREADS, type SeedComment } from "./seed-comments";
import { SEED_FILMS, SEED_REVIEWS } from "./seed-content";
import { planViews } from "./seed-views";
import { planVotes, type VoteItem } from "./seed-votes";

/**
 * The demo members' password: DEMO_PASSWORD when configured (tests fix it), else a new random one
 * for this database, which the first start prints once (demoPasswordNotice) and nothing keeps.
 * No install shares a password anyone else could know.
 */
export function demoPassword(): { password: string; generated: boolean } {
  const configured = getEnv().DEMO_PASSWORD;
  if (configured) return { password: configured, generated: false };
  return { password: randomBytes(12).toString("base64url"), generated: true };
}

/** The log line that tells the operator how the demo members sign in (the README points to it). */
export function demoPasswordNotice(seeded: { password: string; generated: boolean }): string {
  return seeded.generated
    ? `demo members (an admin: ${DEMO_USERS.find((u) => u.role === "admin")?.username}) sign in with the password ${seeded.password} — shown only this once; set DEMO_PASSWORD to choose it, or SEED_DEMO=false for a real site.`
    : "demo members sign in with the DEMO_PASSWORD set in the environment.";
}

const DAY = 86_400_000;

type DemoUser = {
  username: string;
  name: string;
  bio: string;
  role?: "member" | "moderator" | "admin";
  joinedDaysAgo: number;
  /** A picture of their own (a file in db/seed-assets), uploaded this long after joining ("1d 2h"). */
  avatar?: { file: string; after: string };
};

// Original demo members; later parts of the seed give them reviews, comments and votes.
export const DEMO_USERS: DemoUser[] = [
  {
    username: "ingrid_alvarado",
    name: "Ingrid Alvarado",
    bio: "Runs a Tuesday repertory night in a converted print shop. Writes long about short films and short about long ones.",
    role: "admin",
    joinedDaysAgo: 412,
  },
  {
    username: "tobias_renner",
    name: "Tobias Renner",
    bio: "Sound editor by day. Notices the room tone before the dialogue. Fond of Cold War thrillers and anything shot on 16mm.",
    role: "moderator",
    joinedDaysAgo: 380,
  },
  {
    username: "mara_kowalczyk",
    name: "Mara Kowalczyk",
    bio: "Animation obsessive and occasional storyboard artist. Scores generously, argues fiercely.",
    joinedDaysAgo: 301,
    avatar: { file: "mara_kowalczyk.png", after: "1d 2h" },
  },
  {
    username: "femi_oyelaran",
    name: "Femi Oyelaran",
    bio: "Lagos-born, Leeds-based. Documentaries, slow cinema and the occasional heist picture for balance.",
    joinedDaysAgo: 254,
  },
  {
    username: "kenji_nakamura",
    name: "Kenji Nakamura",
    bio: "Collects festival lanyards and noir paperbacks. Believes every film is twelve minutes too long, except the ones that are not.",
    joinedDaysAgo: 190,
  },
  {
    username: "lucia_del_prado",
    name: "Lucía del Prado",
    bio: "Film history student. Currently working through every Palme d'Or winner in order, with notes.",
    joinedDaysAgo: 122,
  },
  {
    username: "samir_haddad",
    name: "Samir Haddad",
    bio: "Watches science fiction for the production design and stays for the loneliness.",
    joinedDaysAgo: 64,
    avatar: { file: "samir_haddad.jpg", after: "5h" },
  },
  {
    username: "hollis_greer",
    name: "Hollis Greer",
    bio: "New here. Saw a revival screening last month and have not stopped thinking about it.",
    joinedDaysAgo: 2,
  },
];

export async function seedDemo(db: DB, now = Date.now(), opts: { onlyIfEmpty?: boolean } = {}) {
  const { password, generated } = demoPassword();
  // As many at once as the password hashing line runs (lib/auth/password.ts), which may be shorter than the list.
  const hashes: string[] = [];
  const batch = getEnv().PASSWORD_HASH_CONCURRENCY;
  for (let i = 0; i < DEMO_USERS.length; i += batch) {
    hashes.push(...(await Promise.all(DEMO_USERS.slice(i, i + batch).map(() => hashPassword(password)))));
  }
  return writeTx(db, (tx) => {
    // Checked inside the write lock, so two starts at once seed once.
    if (opts.onlyIfEmpty && (tx.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0) > 0) return null;
    DEMO_USERS.forEach((u, i) => {
      tx.insert(users)
        .values({
          username: u.username,
          usernameKey: usernameKey(u.username),
          name: u.name,
          email: `${u.username.replace(/_/g, ".")}@demo.marquee.test`,
          passwordHash: hashes[i]!,
          bio: u.bio,
          role: u.role ?? "member",
          createdAt: new Date(now - u.joinedDaysAgo * DAY),
        })
        .run();
    });
    return { users: DEMO_USERS.length, password, generated };
  });
}

/**
 * Something the seed does at a given time: the whole demo history is replayed in time order.
 * Views are many and tiny, so runs of them share one transaction (`view`, see seedContent).
 */
type SeedEvent = { at: number; what: string; run: () => unknown; view?: boolean };

// The demo members' own pictures. Read from the working directory, like the migrations (db/index.ts).
const SEED_ASSETS = path.join(process.cwd(), "db", "seed-assets");
const IMAGE_TYPES: Record<string, string> = { ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

/**
 * Where uploaded avatars go for this database: `avatars` in the folder of its file, as the app
 * keeps them beside DATABASE_PATH (avatarDir()). A database in memory uses the app's folder.
 */
export function seedAvatarDir(db: DB): string {
  const file = db.$client.memory ? "" : db.$client.name;
  return file ? path.join(path.dirname(path.resolve(file)), "avatars") : avatarDir();
}

// Notices older than this before `now` have been read; newer ones wait in the bell.
const READ_BEFORE_MS = 3 * DAY;
// How long after a notice its recipient came by and read it.
const READ_AFTER_MS = 6 * 3_600_000;

export type SeedOptions = {
  /** Folder for the uploaded demo avatars; by default beside the database file (seedAvatarDir). */
  avatarDir?: string;
};

const DURATION = /^(?:(\d+)d)?\s*(?:(\d+)h\s*)?(?:(\d+)m)?$/;

/** "2d 4h", "3h", "45m" in milliseconds; positive, so a reply always comes after what it answers. */
function duration(s: string): number {
  const m = DURATION.exec(s.trim());
  const ms = m ? (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * 60_000 : 0;
  if (ms <= 0) throw new Error(`seed: "${s}" is not a duration like "2d 4h" or "45m"`);
  return ms;
}

const reviewKey = (r: { author: string; film: string }) => `${r.author}/${r.film}`;

/**
 * The demo films, reviews, comment threads and upvotes, written through the verbs members use.
 * Review creations and edits, comment posts, edits and deletions, and votes and their undos are
 * collected as dated events and applied oldest first, so every derived field comes out as it would
 * have: counters, hot scores, flood control and vote limits, and a review edited after people
 * replied stores how many had. Readers' views (db/seed-views.ts) go through the view verb too, so
 * badges come as the verbs grant them, with their notices and, when a review's upvotes earn one,
 * the system account's note under the review; one author answers such a note with STOP
 * (SEED_STOPS), which the system confirms. Two members upload a picture of their own soon after joining.
 * Afterwards every notice older than three days counts as read, and first weeks that ended since
 * a member's last contribution take the "New" marker off, as the periodic sweep would.
 */
export async function seedContent(db: DB, now = Date.now(), opts: SeedOptions = {}) {
  writeTx(db, (tx) => {
    for (const f of SEED_FILMS) {
      tx.insert(films)
        .values({ slug: urlSlug(`${f.title} ${f.year}`), title: f.title, titleKey: foldText(f.title), year: f.year, director: f.director ?? null, country: f.country ?? null })
        .run();
    }
  });
  const members = new Map(
    db.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt }).from(users).all().map((u) => [u.username, u]),
  );
  const member = (username: string, where: string) => {
    const m = members.get(username);
    if (!m) throw new Error(`seed: ${where}: no demo member "${username}"`);
    return m;
  };
  const actor = (username: string, where: string): Actor => {
    const m = member(username, where);
    return { id: m.id, role: m.role };
  };
  const events: SeedEvent[] = [];
  const avatars = opts.avatarDir ?? seedAvatarDir(db);
  for (const u of DEMO_USERS) {
    if (!u.avatar) continue;
    const { file, after } = u.avatar;
    const type = IMAGE_TYPES[path.extname(file).toLowerCase()];
    if (!type) throw new Error(`seed: ${u.username}'s avatar ${file} is not a PNG, JPEG or WebP file`);
    const uploader = member(u.username, `avatar ${file}`);
    events.push({
      at: uploader.createdAt.getTime() + duration(after),
      what: `${u.username}: upload avatar ${file}`,
      run: () => setAvatar(db, uploader.id, fs.readFileSync(path.join(SEED_ASSETS, file)), type, avatars),
    });
  }
  // What can be upvoted, as dated here, for the vote plan (db/seed-votes.ts).
  const voteItems: VoteItem[] = [];
  const at = (daysAgo: number, minute = 0) => now - daysAgo * DAY + minute * 60_000;

  const reviewIds = new Map<string, number>();
  const published = new Map<string, number>();
  const keys = new Set<string>();
  SEED_REVIEWS.forEach((r, i) => {
    const where = `review ${i} (${reviewKey(r)})`;
    const authorId = member(r.author, where).id;
    const film = SEED_FILMS.find((f) => f.key === r.film);
    if (!film) throw new Error(`seed: ${where}: unknown film`);
    if (keys.has(reviewKey(r))) throw new Error(`seed: ${where}: a second review of the same film by the same member`);
    keys.add(reviewKey(r));
    let state = { title: r.title, body: r.body, score: r.score, tags: r.tags, spoilers: r.spoilers };
    const fields = () => ({
      title: state.title,
      body: state.body,
      score: state.score === null ? "" : String(state.score),
      tags: state.tags.join(","),
      hasSpoilers: state.spoilers ? "on" : undefined,
      filmTitle: film.title,
      filmYear: String(film.year),
    });
    const created = at(r.publishedDaysAgo, i);
    if (r.status === "published") {
      published.set(reviewKey(r), created);
      voteItems.push({ review: reviewKey(r), author: r.author, at: created });
    }
    events.push({
      at: created,
      what: `${where}: create`,
      run: () => {
        const post = createReview(db, authorId, { ...fields(), intent: r.status === "draft" ? "draft" : "publish" }, new Date(created));
        reviewIds.set(reviewKey(r), post.id);
      },
    });
    for (const e of r.edits ?? []) {
      events.push({
        at: at(e.atDaysAgo, i),
        what: `${where}: edit "${e.reason}"`,
        run: () => {
          state = {
            title: e.title ?? state.title,
            body: e.body ?? state.body,
            score: e.score === undefined ? state.score : e.score,
            tags: e.tags ?? state.tags,
            spoilers: e.spoilers ?? state.spoilers,
          };
          editReview(db, { id: authorId, role: "member" }, reviewIds.get(reviewKey(r))!, { ...fields(), reason: e.reason, intent: "publish" }, new Date(at(e.atDaysAgo, i)));
        },
      });
    }
  });

  const commentIds = new Map<SeedComment, number>();
  const commentsByPath = new Map<string, SeedComment>();
  const addComment = (review: string, c: SeedComment, parent: SeedComment | null, parentAt: number, path: string) => {
    const where = `comment ${review}#${path}`;
    const posted = parentAt + duration(c.after);
    const author = member(c.author, where);
    // The verbs do not check this one: a demo member never writes before joining.
    if (posted <= author.createdAt.getTime()) throw new Error(`seed: ${where}: ${c.author} would comment before joining`);
    events.push({
      at: posted,
      what: `${where}: post`,
      run: () => {
        const raw = { reviewId: reviewIds.get(review)!, parentId: parent ? commentIds.get(parent)! : null, body: c.body };
        commentIds.set(c, createComment(db, author.id, raw, new Date(posted)).comment.id);
      },
    });
    for (const e of c.edits ?? []) {
      const edited = posted + duration(e.after);
      const editor = actor(e.by ?? c.author, where);
      events.push({
        at: edited,
        what: `${where}: edit`,
        run: () => editComment(db, editor, commentIds.get(c)!, { body: e.body, reason: e.reason }, new Date(edited)),
      });
    }
    const deleted = c.deletedAfter ? posted + duration(c.deletedAfter) : undefined;
    if (deleted !== undefined) {
      const by = actor(c.author, where);
      events.push({ at: deleted, what: `${where}: delete`, run: () => deleteComment(db, by, commentIds.get(c)!, new Date(deleted)) });
    }
    commentsByPath.set(`${review}#${path}`, c);
    voteItems.push({ review, comment: path, author: c.author, at: posted, deletedAt: deleted });
    c.replies?.forEach((reply, j) => addComment(review, reply, c, posted, `${path}.${j + 1}`));
  };
  for (const thread of SEED_THREADS) {
    const publishedAt = published.get(thread.review);
    if (publishedAt === undefined) throw new Error(`seed: comments on "${thread.review}", which is not a published demo review`);
    thread.comments.forEach((c, j) => addComment(thread.review, c, null, publishedAt, `${j + 1}`));
  }

  // A STOP is the reply to a badge note, which only exists once a vote has earned the badge: it is
  // scheduled when the note appears (see the loop below).
  const stops = new Map(SEED_STOPS.map((st) => [`${st.review}|${st.badge}`, { ...st, done: false }]));
  for (const st of stops.values()) {
    if (!published.has(st.review)) throw new Error(`seed: STOP under "${st.review}", which is not a published demo review`);
    duration(st.after);
  }
  const announced = (review: string, slug: string, at: number) => {
    const st = stops.get(`${review}|${slug}`);
    if (!st || st.done) return;
    const postId = reviewIds.get(review)!;
    const note = db
      .select({ id: commentRows.id })
      .from(commentRows)
      .where(and(eq(commentRows.postId, postId), eq(commentRows.announcesBadge, slug)))
      .orderBy(desc(commentRows.id))
      .get();
    if (!note) return; // the author had turned notes off already
    st.done = true;
    const author = member(review.split("/")[0]!, `STOP under ${review}`);
    const replied = at + duration(st.after);
    schedule({
      at: replied,
      what: `comment ${review}: ${author.username} replies STOP to the "${slug}" note`,
      run: () => createComment(db, author.id, { reviewId: postId, parentId: note.id, body: "STOP" }, new Date(replied)),
    });
  };

  const joined = new Map([...members.values()].map((m) => [m.username, m.createdAt.getTime()]));
  const votes = planVotes(voteItems, joined, now);
  for (const v of votes) {
    const target = v.comment ? `comment ${v.review}#${v.comment}` : `review ${v.review}`;
    const voter = actor(v.voter, target);
    events.push({
      at: v.at,
      what: `${target}: ${v.value === "up" ? "upvote" : "undo upvote"} by ${v.voter}`,
      run: () => {
        const id = v.comment ? commentIds.get(commentsByPath.get(`${v.review}#${v.comment}`)!)! : reviewIds.get(v.review)!;
        const cast = castVote(db, voter, { type: v.comment ? "comment" : "review", id, value: v.value }, new Date(v.at));
        if (!cast.changed) throw new Error("the vote changed nothing");
        if (!v.comment) for (const b of cast.badges) announced(v.review, b.slug, v.at);
      },
    });
  }

  for (const v of planViews(voteItems, votes, joined, now)) {
    const reader = "member" in v.reader ? member(v.reader.member, `view of ${v.review}`) : null;
    const viewer = { key: reader ? `u:${reader.id}` : (v.reader as { anon: string }).anon, userId: reader?.id ?? null };
    events.push({
      at: v.at,
      view: true,
      what: `review ${v.review}: read by ${reader ? reader.username : viewer.key}`,
      run: () => {
        if (!recordView(db, reviewIds.get(v.review)!, viewer, new Date(v.at))?.counted) throw new Error("the view was not counted");
      },
    });
  }

  // Array.prototype.sort is stable: events at the same moment keep the order they were listed in.
  events.sort((a, b) => a.at - b.at);
  let i = 0;
  // An event scheduled by another (always later than it) goes in after those already due at its time.
  function schedule(e: SeedEvent) {
    let k = events.length;
    while (k > i + 1 && events[k - 1]!.at > e.at) k--;
    events.splice(k, 0, e);
  }
  const attempt = (e: SeedEvent) => {
    if (e.at > now) throw new Error(`seed: ${e.what} would happen in the future`);
    try {
      return e.run();
    } catch (err) {
      throw new Error(`seed: ${e.what}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
  };
  for (; i < events.length; i++) {
    const e = events[i]!;
    if (!e.view) {
      await attempt(e);
      continue;
    }
    // A run of views between two other events commits once: each recordView's own transaction
    // nests inside this one as a savepoint, so the verb runs unchanged without a commit per view.
    let j = i;
    while (j + 1 < events.length && events[j + 1]!.view) j++;
    const run = events.slice(i, j + 1);
    writeTx(db, () => run.forEach(attempt));
    i = j;
  }
  for (const st of stops.values()) {
    if (!st.done) throw new Error(`seed: no "${st.badge}" badge note appeared under ${st.review} to reply STOP to`);
  }
  writeTx(db, (tx) => {
    const seen = new Date(now - READ_BEFORE_MS);
    tx.update(notifications)
      .set({ readAt: sql`min(${notifications.createdAt} + ${READ_AFTER_MS}, ${seen.getTime()})` })
      .where(and(isNull(notifications.readAt), lt(notifications.createdAt, seen)))
      .run();
    endFirstWeeks(tx, new Date(now));
  });

  const count = (t: typeof postVotes | typeof commentVotes | typeof notifications | typeof commentRows | typeof userBadges) =>
    db.select({ n: sql<number>`count(*)` }).from(t).get()?.n ?? 0;
  const uploaded = db.select({ n: sql<number>`count(*)` }).from(users).where(isNotNull(users.image)).get()?.n ?? 0;
  return {
    films: SEED_FILMS.length,
    reviews: SEED_REVIEWS.length,
    // Every comment: the members' (the threads and the STOPs) and the system account's badge notes and replies.
    comments: count(commentRows),
    announcements: db.select({ n: sql<number>`count(*)` }).from(commentRows).where(isNotNull(commentRows.announcesBadge)).get()?.n ?? 0,
    votes: count(postVotes) + count(commentVotes),
    views: db.select({ n: sql<number>`coalesce(sum(${posts.viewCount}), 0)` }).from(posts).get()?.n ?? 0,
    badges: count(userBadges),
    avatars: uploaded,
    notifications: count(notifications),
  };
}

/**
 * Seeds demo content into a database that has no users yet; returns null when it has some. The
 * uploaded demo avatars go beside the database file unless `opts.avatarDir` says otherwise.
 */
export async function seedIfEmpty(db: DB, opts: SeedOptions = {}) {
  const n = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (n > 0) return null;
  const now = Date.now();
  const seeded = await seedDemo(db, now, { onlyIfEmpty: true });
  if (!seeded) return null;
  return { ...seeded, ...(await seedContent(db, now, opts)) };
}
