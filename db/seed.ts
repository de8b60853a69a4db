import { eq, sql } from "drizzle-orm";
import { writeTx, type DB } from "@/db";
import { films, posts, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { foldText, urlSlug } from "@/lib/slug";
import { createReview } from "@/lib/reviews/create-review";
import { editReview } from "@/lib/reviews/edit-review";
import { usernameKey } from "@/lib/users/username";
import { SEED_FILMS, SEED_REVIEWS } from "./seed-content";

/** Every demo account signs in with this password (see the README). */
export const DEMO_PASSWORD = "marquee-demo-2026";

const DAY = 86_400_000;

type DemoUser = {
  username: string;
  name: string;
  bio: string;
  role?: "member" | "moderator" | "admin";
  joinedDaysAgo: number;
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
  },
  {
    username: "hollis_greer",
    name: "Hollis Greer",
    bio: "New here. Saw a revival screening last month and have not stopped thinking about it.",
    joinedDaysAgo: 2,
  },
];

export async function seedDemo(db: DB, now = Date.now(), opts: { onlyIfEmpty?: boolean } = {}) {
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
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
    return { users: DEMO_USERS.length };
  });
}

/** The demo films and reviews, written through the same verbs members use, at their seeded dates. */
export function seedReviews(db: DB, now = Date.now()) {
  const at = (daysAgo: number, minute = 0) => new Date(now - daysAgo * DAY + minute * 60_000);
  writeTx(db, (tx) => {
    for (const f of SEED_FILMS) {
      tx.insert(films)
        .values({ slug: urlSlug(`${f.title} ${f.year}`), title: f.title, titleKey: foldText(f.title), year: f.year, director: f.director ?? null, country: f.country ?? null })
        .run();
    }
  });
  const userIds = new Map(db.select({ id: users.id, username: users.username }).from(users).all().map((u) => [u.username, u.id]));
  const filmByKey = new Map(SEED_FILMS.map((f) => [f.key, f]));
  let reviews = 0;
  SEED_REVIEWS.forEach((r, i) => {
    const authorId = userIds.get(r.author);
    const film = filmByKey.get(r.film);
    if (!authorId || !film) throw new Error(`seed review ${i}: unknown author or film`);
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
    const post = createReview(db, authorId, { ...fields(), intent: r.status === "draft" ? "draft" : "publish" }, at(r.publishedDaysAgo, i));
    reviews++;
    for (const e of r.edits ?? []) {
      state = {
        title: e.title ?? state.title,
        body: e.body ?? state.body,
        score: e.score === undefined ? state.score : e.score,
        tags: e.tags ?? state.tags,
        spoilers: e.spoilers ?? state.spoilers,
      };
      editReview(db, { id: authorId, role: "member" }, post.id, { ...fields(), reason: e.reason, intent: "publish" }, at(e.atDaysAgo, i));
    }
  });
  return { films: SEED_FILMS.length, reviews };
}

/** Seeds demo content into a database that has no users yet; returns null when it has some. */
export async function seedIfEmpty(db: DB) {
  const n = db.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  if (n > 0) return null;
  const now = Date.now();
  const seeded = await seedDemo(db, now, { onlyIfEmpty: true });
  if (!seeded) return null;
  return { ...seeded, ...seedReviews(db, now) };
}

export function countReviews(db: DB) {
  return db.select({ n: sql<number>`count(*)` }).from(posts).where(eq(posts.status, "published")).get()?.n ?? 0;
}
