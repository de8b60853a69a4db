import { createHmac, randomBytes, scryptSync } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createMembers, E2E_ORIGIN, postCommentVia, publishReviewVia, sessionCookie, type MemberE2E } from "../helpers";
import type { ActorName, Item, Who } from "./matrix";
import { commentDeletedAt, reviewIdOf, row, setPasswordHash, setRole, suspend, type Role } from "./rows";

// The permission matrix's cast and targets. Every matrix spec builds its own in beforeAll: six
// members (an author, an unrelated member, another member, a moderator, an admin and one suspended
// after writing), the author's reviews and comments to edit, delete and vote on, a draft, a deleted
// review and comment, three notices to the author, a fresh account per settings route and role,
// and a member with a password for the sign-in cells.

export const AUTH_SECRET = "marquee-e2e-auth-secret-0123456789-abcdefghijklmnop"; // playwright.config.ts
export const PASSWORD = "matrix-pass-phrase-2026";
/** A mark for this spec's titles and bodies, so no two specs' rows look alike. */
const newRun = () => randomBytes(3).toString("hex");

export type Fixtures = {
  who: Record<Exclude<ActorName, "anonymous">, Who>;
  reviews: Record<"edit" | "delAuthor" | "delModerator" | "delAdmin" | "vote" | "host" | "own" | "draft" | "deleted", Item>;
  comments: Record<"edit" | "delAuthor" | "delModerator" | "delAdmin" | "vote" | "deleted" | "own" | "underDeleted", number>;
  notices: Record<"read" | "open" | "keep", number>;
  /** A fresh account per settings route and role, so a password change or a deletion ends no shared session. */
  settings: Record<string, Who>;
  /** A member with a password, for the sign-in cells. */
  signer: Who;
};

export const hashPassword = (password: string) => {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 4096, r: 8, p: 1 });
  return ["scrypt", 4096, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
};

/** A sign-in ticket as the sign-in route mints one after checking the password (lib/auth/ticket.ts). */
export function mintTicket(userId: string, sessionVersion: number) {
  const payload = `${userId}.${sessionVersion}.${Date.now() + 60_000}`;
  return `${payload}.${createHmac("sha256", AUTH_SECRET).update(`ticket:${payload}`).digest("base64url")}`;
}

export const asWho = async (m: MemberE2E): Promise<Who> => ({ ...m, cookie: await sessionCookie(m.id) });
export const itemOf = (slug: string): Item => ({ slug, id: reviewIdOf(slug)! });

export const SETTINGS_ROUTES = ["profile", "avatar", "email", "password", "notifications", "delete"] as const;
export const ROLES: Role[] = ["member", "moderator", "admin"];

/** Makes the cast and every target through the site's routes, as their authors would. */
async function buildMatrix(RUN: string): Promise<Fixtures> {
  const [author, member, other, moderator, admin, suspended] = createMembers("pm", 6);
  setRole(moderator!.id, "moderator");
  setRole(admin!.id, "admin");
  setPasswordHash(suspended!.id, hashPassword(PASSWORD));
  const who = {
    member: await asWho(member!),
    author: await asWho(author!),
    "other member": await asWho(other!),
    moderator: await asWho(moderator!),
    admin: await asWho(admin!),
    suspended: await asWho(suspended!),
  };
  const api = await playwrightRequest.newContext({ baseURL: E2E_ORIGIN });
  try {
    const as = (w: Who) => ({ cookie: w.cookie, origin: E2E_ORIGIN, accept: "application/json" });
    const publish = async (w: Who, label: string) => itemOf(await publishReviewVia(api, as(w), `Matrix ${label} ${RUN}`));
    const A = who.author;
    const reviews = {
      edit: await publish(A, "edit"),
      delAuthor: await publish(A, "delete one"),
      delModerator: await publish(A, "delete two"),
      delAdmin: await publish(A, "delete three"),
      vote: await publish(A, "votes"),
      host: await publish(who["other member"], "host"),
      own: await publish(who.suspended, "own"),
      deleted: await publish(A, "gone"),
      draft: { id: 0, slug: "" },
    };
    const draft = await api.post("/api/reviews", {
      headers: as(A),
      form: { title: `Matrix draft ${RUN}`, filmTitle: "Stalker", filmYear: "1979", intent: "draft", body: "Notes for later." },
    });
    expect(draft.status(), "saving a draft").toBe(200);
    reviews.draft = itemOf(((await draft.json()) as { redirect: string }).redirect.split("/")[2]!);
    const comment = (w: Who, on: Item, label: string) => postCommentVia(api, as(w), on.id, `Matrix comment: ${label} (${RUN}).`);
    const comments = {
      edit: await comment(A, reviews.host, "edit"),
      delAuthor: await comment(A, reviews.host, "delete one"),
      delModerator: await comment(A, reviews.host, "delete two"),
      delAdmin: await comment(A, reviews.host, "delete three"),
      vote: await comment(A, reviews.host, "votes"),
      deleted: await comment(A, reviews.host, "gone"),
      own: await comment(who.suspended, reviews.host, "own"),
      underDeleted: await comment(A, reviews.deleted, "under a review about to go"),
    };
    expect((await api.post(`/api/reviews/${reviews.deleted.slug}/delete`, { headers: as(A) })).status(), "deleting a review").toBe(200);
    expect((await api.post(`/api/comments/${comments.deleted}/delete`, { headers: as(A) })).status(), "deleting a comment").toBe(200);

    // Three replies to the author's review: three notices to the author.
    const noticeFor = async (label: string) => {
      const id = await comment(who["other member"], reviews.edit, label);
      return row<{ id: number }>("select id from notifications where recipient_id = ? and comment_id = ?", A.id, id)!.id;
    };
    const notices = { read: await noticeFor("notice one"), open: await noticeFor("notice two"), keep: await noticeFor("notice three") };

    suspend(suspended!.id);

    const settingsMembers = createMembers("ps", SETTINGS_ROUTES.length * ROLES.length);
    const settings: Record<string, Who> = {};
    for (const [i, route] of SETTINGS_ROUTES.entries()) {
      for (const [j, role] of ROLES.entries()) {
        const m = settingsMembers[i * ROLES.length + j]!;
        setRole(m.id, role);
        settings[`${route}:${role}`] = await asWho(m);
      }
    }
    const [signer] = createMembers("pi");
    setPasswordHash(signer!.id, hashPassword(PASSWORD));
    return { who, reviews, comments, notices, settings, signer: await asWho(signer!) };
  } finally {
    await api.dispose();
  }
}

// ── Checks on what an allowed cell wrote ────────────────────────────────────────────────────────

/** The review form every cell posts, its title and body marked with the run. */
export function reviewFormFor(RUN: string) {
  return (label: string) => ({
    title: `Matrix ${label} ${RUN}`,
    filmTitle: "Stalker",
    filmYear: "1979",
    score: "7",
    intent: "publish",
    body: `An edit by ${label} (${RUN}): the zone answers back, and the waiting becomes the story.`,
  });
}

export function reviewEditedBy(item: Item, w: Who, body: string, label: string) {
  return () => {
    const r = row("select p.body_md as body, r.editor_id as editor, r.body_md as revision from posts p join post_revisions r on r.post_id = p.id where p.id = ? order by r.number desc limit 1", item.id);
    expect.soft(r, `${label}: the review and its newest revision`).toEqual({ body, editor: w.id, revision: body });
  };
}

export function commentEditedBy(id: number, w: Who, body: string, label: string) {
  return () => {
    const r = row("select c.body_md as body, r.editor_id as editor, r.body_md as revision from comments c join comment_revisions r on r.comment_id = c.id where c.id = ? order by r.number desc limit 1", id);
    expect.soft(r, `${label}: the comment and its newest revision`).toEqual({ body, editor: w.id, revision: body });
  };
}

export const voteCounterHolds = (type: "review" | "comment", id: number) =>
  type === "review"
    ? row<{ ok: number }>("select upvote_count = (select count(*) from post_votes where post_id = p.id) as ok from posts p where id = ?", id)!.ok === 1
    : row<{ ok: number }>("select upvote_count = (select count(*) from comment_votes where comment_id = c.id) as ok from comments c where id = ?", id)!.ok === 1;

export const isDeletedComment = (id: number) => commentDeletedAt(id) != null;

/**
 * A spec's own cast and targets: a run name for its labels now, the fixtures built once before its
 * tests (`fixtures` is read inside a test, never at load time).
 */
export function matrixFixtures(): { run: string; readonly fixtures: Fixtures } {
  const run = newRun();
  let built: Fixtures | undefined;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    built = await buildMatrix(run);
  });
  return {
    run,
    get fixtures() {
      if (!built) throw new Error("The matrix fixtures are read inside a test, once beforeAll has built them.");
      return built;
    },
  };
}
