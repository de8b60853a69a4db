import fs from "node:fs";
import path from "node:path";
import { randomBytes, randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { expect, type APIRequestContext, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { decode, encode } from "../../lib/auth/jwt-codec";
import { E2E_DEMO_PASSWORD } from "./server-env";
import { PgSyncDb } from "./helpers/pg-sync";

/** The database the e2e server uses (playwright.config.ts: DATABASE_PATH=$E2E_DATA/e2e.db). */
export const DB_PATH = path.resolve(__dirname, "..", "..", process.env.E2E_DATA ?? "e2e-data", "e2e.db");

/** Seeded demo members sign in with this password: the server's DEMO_PASSWORD (playwright.config.ts). */
export const DEMO_PASSWORD = E2E_DEMO_PASSWORD;

/** Where the screenshots go: outside the repository. */
export const SHOTS_DIR = "/tmp/e2e-shots";

export type UserRowE2E = {
  id: string;
  username: string;
  username_key: string;
  name: string;
  email: string | null;
  password_hash: string | null;
  suspended_at: number | null;
};

export type AccountRowE2E = { user_id: string; type: string; provider: string; provider_account_id: string };

/** The e2e server's PostgreSQL database, when the suite runs on PostgreSQL (scripts/test-pg.mjs --e2e). */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || undefined;

/** Opens the e2e database, read-only unless asked; always closed after `fn`. */
export function withDb<T>(fn: (db: Database.Database) => T, opts: { write?: boolean } = {}): T {
  const db = E2E_DATABASE_URL ? (new PgSyncDb(E2E_DATABASE_URL) as unknown as Database.Database) : new Database(DB_PATH, { readonly: !opts.write, fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

export const countUsers = () => withDb((db) => (db.prepare("select count(*) as n from users").get() as { n: number }).n);

export const userByUsername = (username: string) =>
  withDb(
    (db) =>
      db.prepare("select * from users where username_key = ?").get(username.normalize("NFKC").toLowerCase()) as
        | UserRowE2E
        | undefined,
  );

export const userByEmail = (email: string) =>
  withDb((db) => db.prepare("select * from users where email = ?").get(email) as UserRowE2E | undefined);

export const accountsOf = (userId: string) =>
  withDb((db) => db.prepare("select * from accounts where user_id = ?").all(userId) as AccountRowE2E[]);

/** A short unique suffix: usernames stay within 24 characters and never collide across tests. */
export function unique(prefix: string): string {
  return `${prefix}_${Date.now().toString(36).slice(-5)}${randomBytes(2).toString("hex")}`;
}

export async function shot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  const file = path.join(SHOTS_DIR, name);
  // The header is sticky: scroll to the top first or it lands mid-page in a full-page capture.
  await page.mouse.wheel(0, -100_000);
  await page.waitForFunction(() => window.scrollY === 0);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The header's account corner (a nav landmark labelled "Account"). */
export const accountNav = (page: Page): Locator => page.getByRole("navigation", { name: "Account" });

export async function expectSignedInAs(page: Page, displayName: string) {
  const nav = accountNav(page);
  await expect(nav.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(nav).toContainText(displayName);
  // The server agrees, not just the header's remembered copy.
  const viewer = (await (await page.request.get("/api/viewer")).json()) as { user: { name: string } | null };
  expect(viewer.user?.name).toBe(displayName);
}

export async function expectSignedOut(page: Page) {
  const nav = accountNav(page);
  await expect(nav.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(nav.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  const viewer = (await (await page.request.get("/api/viewer")).json()) as { user: unknown };
  expect(viewer.user).toBeNull();
}

export type NewUser = { username: string; email: string; password: string; displayName?: string };

/** Fills the sign-up form on /signup (does not submit). */
export async function fillSignUp(page: Page, u: Partial<NewUser>) {
  if (u.username !== undefined) await page.getByLabel("Username", { exact: true }).fill(u.username);
  if (u.displayName !== undefined) await page.getByLabel("Display name (optional)").fill(u.displayName);
  if (u.email !== undefined) await page.getByLabel("Email", { exact: true }).fill(u.email);
  if (u.password !== undefined) await page.getByLabel("Password", { exact: true }).fill(u.password);
}

/** Signs up through the form with JavaScript on and waits for the signed-in home page. */
export async function signUp(page: Page, u: NewUser) {
  await page.goto("/signup");
  await fillSignUp(page, u);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL("/");
  await expectSignedInAs(page, u.displayName || u.username);
}

/** Fills and submits the sign-in form on /signin; resolves with the answer to the POST. */
export async function submitSignIn(page: Page, identifier: string, password: string) {
  await page.getByLabel("Username or email").fill(identifier);
  await page.getByLabel("Password", { exact: true }).fill(password);
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/signin" && r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  return answer;
}

/** Signs in through /signin and waits for the signed-in home page. */
export async function signIn(page: Page, identifier: string, password: string, displayName: string) {
  await page.goto("/signin");
  const res = await submitSignIn(page, identifier, password);
  expect(res.status(), "sign-in answer").toBe(200);
  await page.waitForURL("/");
  await expectSignedInAs(page, displayName);
}

/** Signs out with the header button (a plain form post answered by a 303 to the home page). */
export async function signOut(page: Page) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/signout" && r.request().method() === "POST");
  await accountNav(page).getByRole("button", { name: "Sign out" }).click();
  expect((await answer).status(), "sign-out answer").toBe(303);
  await page.waitForURL("/");
  await page.waitForLoadState("load");
  await expectSignedOut(page);
}

/** The form's general message (role=alert is ambiguous with Next's route announcer: notes pitfall 10). */
export const formMessage = (page: Page) => page.getByTestId("form-message");

/** A field shows `message` next to it: marked invalid, and the message is its accessible description. */
export async function expectFieldError(field: Locator, message: string | RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message instanceof RegExp ? message : new RegExp(escapeRegExp(message)));
}

export async function expectNoFieldError(field: Locator) {
  await expect(field).not.toHaveAttribute("aria-invalid", "true");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export type ReviewRowE2E = { id: number; slug: string; title: string; comment_count: number };

export type CommentRowE2E = {
  id: number;
  post_id: number;
  parent_id: number | null;
  author_id: string | null;
  depth: number;
  path: string;
  body_md: string;
  revision_count: number;
  edited_at: number | null;
  deleted_at: number | null;
  reply_count: number;
};

export const reviewBySlug = (slug: string) =>
  withDb((db) => db.prepare("select id, slug, title, comment_count from posts where slug = ?").get(slug) as ReviewRowE2E | undefined);

export const commentById = (id: number) =>
  withDb((db) => db.prepare("select * from comments where id = ?").get(id) as CommentRowE2E | undefined);

/** Every comment stored with exactly this Markdown body, oldest first. */
export const commentsWithBody = (body: string) =>
  withDb((db) => db.prepare("select * from comments where body_md = ? order by id").all(body) as CommentRowE2E[]);

export const countComments = (reviewId: number) =>
  withDb((db) => (db.prepare("select count(*) as n from comments where post_id = ?").get(reviewId) as { n: number }).n);

// ── Members made for a journey, signed in with a minted session cookie ─────────────────────────

/** The server's AUTH_SECRET (playwright.config.ts), so a journey can mint session cookies. */
const E2E_AUTH_SECRET = "marquee-e2e-auth-secret-0123456789-abcdefghijklmnop";
export const SESSION_COOKIE = "authjs.session-token";
export const E2E_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
/** The OpenID provider's address in the e2e run (playwright.config.ts). */
export const OIDC_ORIGIN = `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3200}`;

export type MemberE2E = { id: string; username: string; name: string };

/**
 * Inserts `n` members straight into the database, in one transaction: no password, joined now
 * (so newcomers to the vote limits). Usernames share one unique stem: keep `prefix` short.
 */
export function createMembers(prefix: string, n = 1): MemberE2E[] {
  const stem = unique(prefix);
  const members = Array.from({ length: n }, (_, i) => {
    const username = n === 1 ? stem : `${stem}${i}`;
    return { id: randomUUID(), username, name: `Member ${username}` };
  });
  withDb(
    (db) => {
      const insert = db.prepare("insert into users (id, username, username_key, name) values (?, ?, ?, ?)");
      db.transaction(() => {
        for (const m of members) insert.run(m.id, m.username, m.username.normalize("NFKC").toLowerCase(), m.name);
      })();
    },
    { write: true },
  );
  return members;
}

/** A session token for a member, as Auth.js issues it (lib/auth/jwt-codec.ts), valid for their session version. */
export async function sessionToken(userId: string): Promise<string> {
  const row = withDb((db) => db.prepare("select session_version as sv from users where id = ?").get(userId) as { sv: number } | undefined);
  expect(row, `member ${userId}`).toBeDefined();
  return encode({ token: { uid: userId, sv: row!.sv }, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE });
}

/** The Cookie header value that signs a request in as a member: "authjs.session-token=…". */
export async function sessionCookie(userId: string): Promise<string> {
  return `${SESSION_COOKIE}=${await sessionToken(userId)}`;
}

/** A session token with extra claims (a session id, padding), issued at `issuedAt` ms (now by default). */
export async function sessionTokenWith(userId: string, extra: Record<string, unknown>, issuedAt?: number): Promise<string> {
  const row = withDb((db) => db.prepare("select session_version as sv from users where id = ?").get(userId) as { sv: number } | undefined);
  expect(row, `member ${userId}`).toBeDefined();
  return encode({ token: { uid: userId, sv: row!.sv, ...extra }, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE, now: issuedAt });
}

/** Signs a browser context in as a member without going through the sign-in form. */
export async function signInWithCookie(context: BrowserContext, userId: string) {
  await context.addCookies([{ name: SESSION_COOKIE, value: await sessionToken(userId), url: E2E_ORIGIN, httpOnly: true, sameSite: "Lax" }]);
}

/**
 * How far the vote counters are from a recount of the vote rows (lib/maintenance/recount.ts), over the whole
 * database: reviews and comments whose upvote_count is off, and members whose upvotes_received is.
 */
export function voteCounterDrift() {
  return withDb((db) => {
    const n = (q: string) => (db.prepare(q).get() as { n: number }).n;
    return {
      reviews: n("select count(*) as n from posts p where p.upvote_count <> (select count(*) from post_votes v where v.post_id = p.id)"),
      comments: n("select count(*) as n from comments c where c.upvote_count <> (select count(*) from comment_votes v where v.comment_id = c.id)"),
      members: n(
        `select count(*) as n from users u where u.upvotes_received <>
           (select count(*) from post_votes v join posts p on p.id = v.post_id where p.author_id = u.id) +
           (select count(*) from comment_votes v join comments c on c.id = v.comment_id where c.author_id = u.id)`,
      ),
    };
  });
}

export const NO_DRIFT = { reviews: 0, comments: 0, members: 0 };

/** Publishes a scored review through POST /api/reviews, as the editor does; returns its slug. */
export async function publishReviewVia(request: APIRequestContext, headers: Record<string, string>, title: string): Promise<string> {
  const res = await request.post("/api/reviews", {
    headers,
    form: {
      title,
      filmTitle: "Stalker",
      filmYear: "1979",
      score: "8",
      intent: "publish",
      body: "Three men walk into a ruined country that may be answering them back, and the waiting becomes the story.",
    },
  });
  expect(res.status(), "publishing a review").toBe(200);
  return ((await res.json()) as { redirect: string }).redirect.split("/")[2]!;
}

/** Posts a comment (or a reply) through POST /api/comments; returns its id. */
export async function postCommentVia(request: APIRequestContext, headers: Record<string, string>, reviewId: number, body: string, parentId?: number): Promise<number> {
  const res = await request.post("/api/comments", {
    headers,
    form: { reviewId: String(reviewId), parentId: parentId ? String(parentId) : "", body },
  });
  expect(res.status(), "posting a comment").toBe(200);
  return ((await res.json()) as { data: { comment: { id: number } } }).data.comment.id;
}

/** The claims inside a session cookie header value ("authjs.session-token=…") minted by sessionToken. */
export async function sessionClaimsOf(cookie: string): Promise<Record<string, unknown>> {
  const token = cookie.slice(cookie.indexOf("=") + 1);
  return (await decode({ token, secret: E2E_AUTH_SECRET, salt: SESSION_COOKIE })) ?? {};
}
