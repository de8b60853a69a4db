import { createHash, createHmac, randomBytes, scryptSync } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createMembers, E2E_ORIGIN, postCommentVia, publishReviewVia, sessionClaimsOf, sessionToken, SESSION_COOKIE, unique, withDb, type MemberE2E } from "./helpers";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: every
// route that writes × anonymous, an unrelated member, the author of the target, another member (one
// who commented on the target review, or who wrote the review a target comment sits under), a
// moderator, an admin and a suspended member. Each cell states the answer DESIGN.md and the code
// promise. A refusal must leave every table as it was (row count and a hash of the rows); an
// allowed action must make its change. Then forged ids, cross-site posts and the header behind
// CVE-2025-29927. Each test prints its part of the matrix as a table.

const AUTH_SECRET = "marquee-e2e-auth-secret-0123456789-abcdefghijklmnop"; // playwright.config.ts
const RUN = randomBytes(3).toString("hex");
const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
const PASSWORD = "matrix-pass-phrase-2026";
const MISSING = 99_999_999;
// A 1×1 PNG: the smallest avatar upload the server accepts.
const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const SUBREQUEST_HEADERS = ["middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy"];

const ACTORS = ["anonymous", "member", "author", "other member", "moderator", "admin", "suspended"] as const;
type ActorName = (typeof ACTORS)[number];
type Role = "member" | "moderator" | "admin";
type Who = MemberE2E & { cookie: string };
type Item = { id: number; slug: string };
type Json = Record<string, unknown>;

// ── The database, before and after ──────────────────────────────────────────────────────────────

type Fingerprint = Record<string, { rows: number; hash: string }>;

/** Every table: its row count and a hash of its rows (in any order). */
function fingerprint(): Fingerprint {
  return withDb((db) => {
    const tables = db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    const out: Fingerprint = {};
    for (const { name } of tables) {
      const rows = db.prepare(`select * from "${name}"`).raw().all();
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      out[name] = { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16) };
    }
    return out;
  });
}

function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.hash !== after[t]?.hash);
}

const row = <T>(sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).get(...args) as T | undefined);
const write = (sql: string, ...args: unknown[]) => withDb((db) => db.prepare(sql).run(...args).changes, { write: true });

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

type Answer = { status: number; location: string | null; json: Json | null; cookies: string[] };
type Send = {
  method?: "GET" | "POST";
  who?: Who | null;
  /** The Origin header: this site unless told; "none" sends no Origin at all. */
  origin?: string;
  /** A plain form post (an HTML answer) instead of the client island's JSON. */
  html?: boolean;
  form?: Record<string, string>;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  data?: Json;
  headers?: Record<string, string>;
};

/** One request from a context of its own, so no cookie set by an earlier answer rides along. */
async function call(path: string, opts: Send = {}): Promise<Answer> {
  const ctx = await playwrightRequest.newContext({ baseURL: E2E_ORIGIN });
  try {
    const headers: Record<string, string> = { accept: opts.html ? "text/html" : "application/json", ...opts.headers };
    if (opts.origin !== "none") headers.origin = opts.origin ?? E2E_ORIGIN;
    if (opts.who) headers.cookie = opts.who.cookie;
    const method = opts.method ?? "POST";
    // A button-only form (a delete) posts an empty form.
    const form = opts.form ?? (method === "POST" && !opts.multipart && !opts.data ? {} : undefined);
    const res = await ctx.fetch(path, { method, headers, form, multipart: opts.multipart, data: opts.data, maxRedirects: 0 });
    const text = await res.text();
    let json: Json | null = null;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      json = null;
    }
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    return { status: res.status(), location: res.headers()["location"] ?? null, json, cookies };
  } finally {
    await ctx.dispose();
  }
}

/** A session cookie with a value (not the empty one that clears it). */
const issuesSession = (a: Answer) => a.cookies.some((c) => new RegExp(`^${SESSION_COOKIE.replace(".", "\\.")}=[^;]+`).test(c));
const redirectOf = (a: Answer) => String(a.json?.redirect ?? a.location ?? "");
const slugOf = (a: Answer) => redirectOf(a).split("/")[2]?.split("?")[0] ?? "";

// ── Cells and the printed table ──────────────────────────────────────────────────────────────────

type Cell = {
  route: string;
  actor: string;
  status: number;
  send: () => Promise<Answer>;
  /** Where a redirect must lead (a string is matched exactly). */
  location?: string | RegExp;
  /** An allowed write: checks the rows it made. Without it, every table must be unchanged. */
  writes?: (a: Answer, before: unknown) => void;
  before?: () => unknown;
  /** Tables a refusal touches by design: a sign-in attempt is counted before the password is checked (P4). */
  mayTouch?: string[];
};
type Line = Cell | { route: string; actor: string; na: string };

async function runMatrix(title: string, lines: Line[]) {
  const printed: string[][] = [];
  try {
    for (const line of lines) {
      if ("na" in line) {
        printed.push([line.route, line.actor, "—", "—", line.na, ""]);
        continue;
      }
      const cell = line;
      const label = `${cell.route} as ${cell.actor}`;
      const errorsBefore = test.info().errors.length;
      const prepared = cell.before?.();
      const before = fingerprint();
      const answer = await cell.send();
      const changed = changedTables(before, fingerprint());
      expect.soft(answer.status, `${label}: status`).toBe(cell.status);
      if (typeof cell.location === "string") expect.soft(answer.location, `${label}: redirect`).toBe(cell.location);
      else if (cell.location) expect.soft(answer.location ?? "", `${label}: redirect`).toMatch(cell.location);
      if (cell.writes) cell.writes(answer, prepared);
      else expect.soft(changed.filter((t) => !cell.mayTouch?.includes(t)), `${label}: tables changed`).toEqual([]);
      const ok = test.info().errors.length === errorsBefore;
      const rows = cell.writes ? `wrote: ${changed.join(", ") || "nothing"}` : changed.length ? `changed: ${changed.join(", ")}` : "unchanged";
      printed.push([cell.route, cell.actor, String(cell.status), String(answer.status), rows, ok ? "ok" : "FAIL"]);
    }
  } finally {
    printTable(title, printed);
  }
}

function printTable(title: string, lines: string[][]) {
  const head = ["route", "actor", "want", "got", "rows", "verdict"];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([``, `${title}`, fmt(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n"));
}

/** One line per actor: a cell, or why the actor does not apply. */
function perActor(route: string, cells: Record<ActorName, Omit<Cell, "route" | "actor"> | string>): Line[] {
  return ACTORS.map((actor) => {
    const c = cells[actor];
    return typeof c === "string" ? { route, actor, na: c } : { route, actor, ...c };
  });
}

// ── Fixtures ─────────────────────────────────────────────────────────────────────────────────────

type Fixtures = {
  who: Record<Exclude<ActorName, "anonymous">, Who>;
  reviews: Record<"edit" | "delAuthor" | "delModerator" | "delAdmin" | "vote" | "host" | "own" | "draft" | "deleted", Item>;
  comments: Record<"edit" | "delAuthor" | "delModerator" | "delAdmin" | "vote" | "deleted" | "own" | "underDeleted", number>;
  notices: Record<"read" | "open" | "keep", number>;
  /** A fresh account per settings route and role, so a password change or a deletion ends no shared session. */
  settings: Record<string, Who>;
  /** A member with a password, for the sign-in cells. */
  signer: Who;
};

let F: Fixtures;

const hashPassword = (password: string) => {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize("NFKC"), salt, 32, { N: 4096, r: 8, p: 1 });
  return ["scrypt", 4096, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
};

/** A sign-in ticket as the sign-in route mints one after checking the password (lib/auth/ticket.ts). */
function mintTicket(userId: string, sessionVersion: number) {
  const payload = `${userId}.${sessionVersion}.${Date.now() + 60_000}`;
  return `${payload}.${createHmac("sha256", AUTH_SECRET).update(`ticket:${payload}`).digest("base64url")}`;
}

const asWho = async (m: MemberE2E): Promise<Who> => ({ ...m, cookie: `${SESSION_COOKIE}=${await sessionToken(m.id)}` });
const setRole = (id: string, role: Role) => write("update users set role = ? where id = ?", role, id);
const itemOf = (slug: string): Item => ({ slug, id: row<{ id: number }>("select id from posts where slug = ?", slug)!.id });

const SETTINGS_ROUTES = ["profile", "avatar", "email", "password", "notifications", "delete"] as const;
const ROLES: Role[] = ["member", "moderator", "admin"];

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const [author, member, other, moderator, admin, suspended] = createMembers("pm", 6);
  setRole(moderator!.id, "moderator");
  setRole(admin!.id, "admin");
  write("update users set password_hash = ? where id = ?", hashPassword(PASSWORD), suspended!.id);
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

    write("update users set suspended_at = ? where id = ?", Date.now(), suspended!.id);

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
    write("update users set password_hash = ? where id = ?", hashPassword(PASSWORD), signer!.id);
    F = { who, reviews, comments, notices, settings, signer: await asWho(signer!) };
  } finally {
    await api.dispose();
  }
});

// ── Shared checks ────────────────────────────────────────────────────────────────────────────────

type Extra = Partial<Pick<Cell, "location" | "before" | "mayTouch">>;
/** Refused: every table stays as it was. */
const refused = (status: number, send: () => Promise<Answer>, extra: Extra = {}) => ({ status, send, ...extra });
/** Served, and writes nothing (a preview, a sign-out, an author reading their own review). */
const noWrite = refused;
/** Served, and `writes` checks the rows it made. */
const allowed = (status: number, send: () => Promise<Answer>, writes: NonNullable<Cell["writes"]>, extra: Extra = {}) => ({ status, send, writes, ...extra });

function reviewForm(label: string) {
  return {
    title: `Matrix ${label} ${RUN}`,
    filmTitle: "Stalker",
    filmYear: "1979",
    score: "7",
    intent: "publish",
    body: `An edit by ${label} (${RUN}): the zone answers back, and the waiting becomes the story.`,
  };
}

function reviewEditedBy(item: Item, w: Who, body: string, label: string) {
  return () => {
    const r = row("select p.body_md as body, r.editor_id as editor, r.body_md as revision from posts p join post_revisions r on r.post_id = p.id where p.id = ? order by r.number desc limit 1", item.id);
    expect.soft(r, `${label}: the review and its newest revision`).toEqual({ body, editor: w.id, revision: body });
  };
}

const reviewStatus = (id: number) => row<{ status: string }>("select status from posts where id = ?", id)?.status;

function commentEditedBy(id: number, w: Who, body: string, label: string) {
  return () => {
    const r = row("select c.body_md as body, r.editor_id as editor, r.body_md as revision from comments c join comment_revisions r on r.comment_id = c.id where c.id = ? order by r.number desc limit 1", id);
    expect.soft(r, `${label}: the comment and its newest revision`).toEqual({ body, editor: w.id, revision: body });
  };
}

const isDeletedComment = (id: number) => row<{ d: number | null }>("select deleted_at as d from comments where id = ?", id)?.d != null;
const voteRows = (type: "review" | "comment", id: number, userId: string) =>
  type === "review"
    ? row<{ n: number }>("select count(*) as n from post_votes where post_id = ? and user_id = ?", id, userId)!.n
    : row<{ n: number }>("select count(*) as n from comment_votes where comment_id = ? and user_id = ?", id, userId)!.n;
const voteCounterHolds = (type: "review" | "comment", id: number) =>
  type === "review"
    ? row<{ ok: number }>("select upvote_count = (select count(*) from post_votes where post_id = p.id) as ok from posts p where id = ?", id)!.ok === 1
    : row<{ ok: number }>("select upvote_count = (select count(*) from comment_votes where comment_id = c.id) as ok from comments c where id = ?", id)!.ok === 1;
const readAt = (id: number) => row<{ r: number | null }>("select read_at as r from notifications where id = ?", id)?.r ?? null;
const viewCount = (id: number) => row<{ n: number }>("select view_count as n from posts where id = ?", id)!.n;
const userRow = (id: string) => row<Json>("select * from users where id = ?", id);

// ── The matrix ───────────────────────────────────────────────────────────────────────────────────

test("reviews: create, edit and delete × every actor", async () => {
  const { who, reviews } = F;
  const R = "POST /api/reviews";
  const create = (w: Who | null, label: string) => () => call("/api/reviews", { who: w, form: reviewForm(label) });
  const created = (w: Who) => (a: Answer) => {
    const r = row("select p.author_id as author, p.status, (select count(*) from post_revisions r where r.post_id = p.id) as revisions from posts p where slug = ?", slugOf(a));
    expect.soft(r, `${R} as ${w.username}`).toEqual({ author: w.id, status: "published", revisions: 1 });
  };
  const noTarget = "no target: as member";

  const E = "POST /api/reviews/[slug]/edit";
  const edit = (w: Who | null, item: Item, label: string, html = false) => () => call(`/api/reviews/${item.slug}/edit`, { who: w, form: reviewForm(label), html });
  const editAllowed = (w: Who, label: string) =>
    allowed(200, edit(w, reviews.edit, label), reviewEditedBy(reviews.edit, w, reviewForm(label).body, `${E} as ${label}`));

  const D = "POST /api/reviews/[slug]/delete";
  const del = (w: Who | null, item: Item) => () => call(`/api/reviews/${item.slug}/delete`, { who: w });
  const deleted = (item: Item, label: string) => () => expect.soft(reviewStatus(item.id), `${D} as ${label}`).toBe("deleted");

  await runMatrix("Reviews", [
    ...perActor(R, {
      anonymous: refused(401, create(null, "by nobody")),
      member: allowed(200, create(who.member, "new by member"), created(who.member)),
      author: noTarget,
      "other member": noTarget,
      moderator: allowed(200, create(who.moderator, "new by moderator"), created(who.moderator)),
      admin: allowed(200, create(who.admin, "new by admin"), created(who.admin)),
      suspended: refused(401, create(who.suspended, "new by suspended")),
    }),
    ...perActor(E, {
      anonymous: refused(401, edit(null, reviews.edit, "anonymous")),
      member: refused(403, edit(who.member, reviews.edit, "member")),
      author: editAllowed(who.author, "author"),
      "other member": refused(403, edit(who["other member"], reviews.edit, "other member")),
      moderator: editAllowed(who.moderator, "moderator"),
      admin: editAllowed(who.admin, "admin"),
      suspended: refused(401, edit(who.suspended, reviews.own, "suspended (own review)")),
    }),
    { route: `${E} (form)`, actor: "other member", ...refused(403, edit(who["other member"], reviews.edit, "other member, form", true)) },
    {
      route: `${E} (form)`,
      actor: "author",
      ...allowed(303, edit(who.author, reviews.edit, "author form", true), reviewEditedBy(reviews.edit, who.author, reviewForm("author form").body, `${E} (form)`), {
        location: `/reviews/${reviews.edit.slug}`,
      }),
    },
    ...perActor(D, {
      anonymous: refused(401, del(null, reviews.edit)),
      member: refused(403, del(who.member, reviews.edit)),
      author: allowed(200, del(who.author, reviews.delAuthor), deleted(reviews.delAuthor, "author")),
      "other member": refused(403, del(who["other member"], reviews.edit)),
      moderator: allowed(200, del(who.moderator, reviews.delModerator), deleted(reviews.delModerator, "moderator")),
      admin: allowed(200, del(who.admin, reviews.delAdmin), deleted(reviews.delAdmin, "admin")),
      suspended: refused(401, del(who.suspended, reviews.own)),
    }),
    { route: `${D} (form)`, actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.edit.slug}/delete`, { who: who.member, html: true })) },
  ]);
  expect(reviewStatus(reviews.edit.id), "the review others tried to delete").toBe("published");
  expect(reviewStatus(reviews.own.id), "the suspended member's review").toBe("published");
});

test("comments: create, edit, delete and the sign-in handoff × every actor", async () => {
  const { who, reviews, comments } = F;
  const C = "POST /api/comments";
  const post = (w: Who | null, label: string, html = false) => () =>
    call("/api/comments", { who: w, html, form: { reviewId: String(reviews.vote.id), parentId: "", body: `A comment by ${label} (${RUN}).` } });
  const posted = (w: Who) => (a: Answer) => {
    const id = Number((a.json?.data as { comment?: { id?: number } } | undefined)?.comment?.id);
    const r = row("select author_id as author, post_id as post, deleted_at as deleted, (select count(*) from comment_revisions r where r.comment_id = c.id) as revisions from comments c where id = ?", id);
    expect.soft(r, `${C} as ${w.username}`).toEqual({ author: w.id, post: reviews.vote.id, deleted: null, revisions: 1 });
  };

  const E = "POST /api/comments/[id]/edit";
  const bodyBy = (label: string) => `Edited by ${label} (${RUN}).`;
  const edit = (w: Who | null, id: number, label: string) => () => call(`/api/comments/${id}/edit`, { who: w, form: { body: bodyBy(label) } });
  const editAllowed = (w: Who, label: string) => allowed(200, edit(w, comments.edit, label), commentEditedBy(comments.edit, w, bodyBy(label), `${E} as ${label}`));

  const D = "POST /api/comments/[id]/delete";
  const del = (w: Who | null, id: number, html = false) => () => call(`/api/comments/${id}/delete`, { who: w, html });
  const gone = (id: number, label: string) => () => expect.soft(isDeletedComment(id), `${D} as ${label}`).toBe(true);

  const H = "POST /api/comments/handoff";
  const handoff = (w: Who | null) => () =>
    call("/api/comments/handoff", { who: w, html: true, form: { to: "signup", reviewId: String(reviews.vote.id), parentId: "", body: `Kept for later (${RUN}).` } });
  const toSignUp = { location: /^\/signup\?callbackUrl=%2Freviews%2F/ };
  const noTarget = "no target: as member";

  await runMatrix("Comments", [
    ...perActor(C, {
      anonymous: refused(401, post(null, "anonymous")),
      member: allowed(200, post(who.member, "member"), posted(who.member)),
      author: allowed(200, post(who.author, "the review's author"), posted(who.author)),
      "other member": allowed(200, post(who["other member"], "other member"), posted(who["other member"])),
      moderator: allowed(200, post(who.moderator, "moderator"), posted(who.moderator)),
      admin: allowed(200, post(who.admin, "admin"), posted(who.admin)),
      suspended: refused(401, post(who.suspended, "suspended")),
    }),
    { route: `${C} (form)`, actor: "anonymous", ...refused(401, post(null, "anonymous form", true)) },
    ...perActor(E, {
      anonymous: refused(401, edit(null, comments.edit, "anonymous")),
      member: refused(403, edit(who.member, comments.edit, "member")),
      author: editAllowed(who.author, "author"),
      "other member": refused(403, edit(who["other member"], comments.edit, "the review's author")),
      moderator: editAllowed(who.moderator, "moderator"),
      admin: editAllowed(who.admin, "admin"),
      suspended: refused(401, edit(who.suspended, comments.own, "suspended (own comment)")),
    }),
    ...perActor(D, {
      anonymous: refused(401, del(null, comments.edit)),
      member: refused(403, del(who.member, comments.edit)),
      author: allowed(200, del(who.author, comments.delAuthor), gone(comments.delAuthor, "author")),
      "other member": refused(403, del(who["other member"], comments.edit)),
      moderator: allowed(200, del(who.moderator, comments.delModerator), gone(comments.delModerator, "moderator")),
      admin: allowed(200, del(who.admin, comments.delAdmin), gone(comments.delAdmin, "admin")),
      suspended: refused(401, del(who.suspended, comments.own)),
    }),
    { route: `${D} (form)`, actor: "member", ...refused(403, del(who.member, comments.edit, true)) },
    // The handoff only keeps a draft in memory and redirects: it writes no row for anyone.
    ...perActor(H, {
      anonymous: noWrite(303, handoff(null), toSignUp),
      member: noWrite(303, handoff(who.member), toSignUp),
      author: noTarget,
      "other member": noTarget,
      moderator: noWrite(303, handoff(who.moderator), toSignUp),
      admin: noWrite(303, handoff(who.admin), toSignUp),
      suspended: noWrite(303, handoff(who.suspended), toSignUp),
    }),
  ]);
  expect(isDeletedComment(comments.edit), "the comment others tried to delete").toBe(false);
  expect(isDeletedComment(comments.own), "the suspended member's comment").toBe(false);
});

test("votes (cast and undo, reviews and comments) and views × every actor", async () => {
  const { who, reviews, comments } = F;
  const targets = { review: reviews.vote.id, comment: comments.vote };
  const vote = (w: Who | null, type: "review" | "comment", value: "up" | "none", html = false, id = targets[type]) => () =>
    call("/api/votes", { who: w, html, form: { type, id: String(id), value, back: `/reviews/${reviews.vote.slug}` } });
  const voted = (w: Who, type: "review" | "comment", want: 0 | 1) => (a: Answer) => {
    expect.soft(voteRows(type, targets[type], w.id), `${type} vote rows of ${w.username}`).toBe(want);
    expect.soft(voteCounterHolds(type, targets[type]), `${type} counter equals its rows`).toBe(true);
    expect.soft((a.json?.data as Json | undefined)?.voted, "answered state").toBe(want === 1);
  };
  const lines: Line[] = [];
  for (const type of ["review", "comment"] as const) {
    for (const value of ["up", "none"] as const) {
      const want = value === "up" ? 1 : 0;
      lines.push(
        ...perActor(`POST /api/votes ${type} ${value === "up" ? "cast" : "undo"}`, {
          anonymous: refused(401, vote(null, type, value)),
          member: allowed(200, vote(who.member, type, value), voted(who.member, type, want)),
          author: refused(403, vote(who.author, type, value)),
          "other member": allowed(200, vote(who["other member"], type, value), voted(who["other member"], type, want)),
          moderator: allowed(200, vote(who.moderator, type, value), voted(who.moderator, type, want)),
          admin: allowed(200, vote(who.admin, type, value), voted(who.admin, type, want)),
          suspended: refused(401, vote(who.suspended, type, value)),
        }),
      );
    }
  }
  const back = `/reviews/${reviews.vote.slug}`;
  lines.push(
    { route: "POST /api/votes (form) review cast", actor: "anonymous", ...refused(303, vote(null, "review", "up", true), { location: `/signin?callbackUrl=${encodeURIComponent(back)}` }) },
    { route: "POST /api/votes (form) review cast", actor: "author", ...refused(403, vote(who.author, "review", "up", true)) },
    {
      route: "POST /api/votes (form) review cast",
      actor: "member",
      ...allowed(303, vote(who.member, "review", "up", true, reviews.host.id), () => expect.soft(voteRows("review", reviews.host.id, who.member.id)).toBe(1), { location: back }),
    },
  );

  // Views: every reader counts once a day, the author never; a suspended member's session is over,
  // so they read as a signed-out reader (counted by address, never under their id).
  const V = "POST /api/views";
  const view = (w: Who | null, address: string) => () =>
    call("/api/views", { who: w, data: { postId: reviews.vote.id }, headers: { "user-agent": BROWSER_UA, "x-forwarded-for": address } });
  const counted = (w: Who | null) => (a: Answer, before: unknown) => {
    expect.soft(a.json?.counted, `${V}: counted`).toBe(true);
    expect.soft(viewCount(reviews.vote.id), `${V}: view_count`).toBe((before as number) + 1);
    if (w) expect.soft(row("select count(*) as n from post_views where post_id = ? and viewer_key = ?", reviews.vote.id, `u:${w.id}`), `${V}: the member's row`).toEqual({ n: 1 });
  };
  const countedAs = (w: Who | null, address: string, check = counted(w)) => allowed(200, view(w, address), check, { before: () => viewCount(reviews.vote.id) });
  lines.push(
    ...perActor(V, {
      anonymous: countedAs(null, "198.51.100.20"),
      member: countedAs(who.member, "198.51.100.21"),
      author: noWrite(200, view(who.author, "198.51.100.22")),
      "other member": countedAs(who["other member"], "198.51.100.23"),
      moderator: countedAs(who.moderator, "198.51.100.24"),
      admin: countedAs(who.admin, "198.51.100.25"),
      suspended: countedAs(who.suspended, "198.51.100.26", (a, before) => {
        counted(null)(a, before);
        expect.soft(row("select count(*) as n from post_views where viewer_key = ?", `u:${who.suspended.id}`), `${V}: no row under the suspended id`).toEqual({ n: 0 });
      }),
    }),
  );
  await runMatrix("Votes and views", lines);
});

test("preview, notifications and films × every actor", async () => {
  const { who, notices } = F;
  const P = "POST /api/preview";
  const preview = (w: Who | null) => () => call("/api/preview", { who: w, data: { body: "**Bold** and _quiet_." } });

  const R = "POST /api/notifications/read";
  const read = (w: Who | null, id: number, html = false) => () => call("/api/notifications/read", { who: w, html, form: { id: String(id) } });
  // Opening a notice is a post (a GET of its address writes nothing: tests/e2e/refusals.spec.ts).
  const O = "POST /api/notifications/[id]";
  const open = (w: Who | null, id: number) => () => call(`/api/notifications/${id}`, { who: w, html: true });
  const toSignIn = { location: `/signin?callbackUrl=${encodeURIComponent("/notifications")}` };
  const A = "POST /api/notifications/read all";
  const readAll = (w: Who | null) => () => call("/api/notifications/read", { who: w, form: { all: "1" } });
  // Another member's notices stay as they were; the actor's own are all read.
  const othersNotices = (w: Who) => () => withDb((db) => JSON.stringify(db.prepare("select * from notifications where recipient_id <> ? order by id").all(w.id)));
  const readsOwnOnly = (w: Who) => (_a: Answer, before: unknown) => {
    expect.soft(othersNotices(w)() === before, `${A} as ${w.username}: others' notices untouched`).toBe(true);
    expect.soft(row("select count(*) as n from notifications where recipient_id = ? and read_at is null", w.id), "own unread").toEqual({ n: 0 });
  };
  const readsAll = (w: Who) => allowed(200, readAll(w), readsOwnOnly(w), { before: othersNotices(w) });
  const noTarget = "no target: as member";

  await runMatrix("Preview, notifications, films", [
    ...perActor(P, {
      anonymous: refused(401, preview(null)),
      member: noWrite(200, preview(who.member)),
      author: noTarget,
      "other member": noTarget,
      moderator: noWrite(200, preview(who.moderator)),
      admin: noWrite(200, preview(who.admin)),
      suspended: refused(401, preview(who.suspended)),
    }),
    ...perActor(R, {
      anonymous: refused(401, read(null, notices.keep)),
      member: refused(404, read(who.member, notices.keep)),
      author: allowed(200, read(who.author, notices.read), () => {
        expect.soft(readAt(notices.read), "the notice read").not.toBeNull();
        expect.soft(readAt(notices.keep), "another notice left unread").toBeNull();
      }),
      "other member": refused(404, read(who["other member"], notices.keep)),
      moderator: refused(404, read(who.moderator, notices.keep)),
      admin: refused(404, read(who.admin, notices.keep)),
      suspended: refused(401, read(who.suspended, notices.keep)),
    }),
    { route: `${R} (form)`, actor: "anonymous", ...refused(303, read(null, notices.keep, true), toSignIn) },
    ...perActor(O, {
      anonymous: refused(303, open(null, notices.keep), toSignIn),
      member: refused(404, open(who.member, notices.keep)),
      author: allowed(303, open(who.author, notices.open), () => expect.soft(readAt(notices.open), "the notice opened is read").not.toBeNull(), {
        location: /^\/(reviews|comments)\//,
      }),
      "other member": refused(404, open(who["other member"], notices.keep)),
      moderator: refused(404, open(who.moderator, notices.keep)),
      admin: refused(404, open(who.admin, notices.keep)),
      suspended: refused(303, open(who.suspended, notices.keep), toSignIn),
    }),
    ...perActor(A, {
      anonymous: refused(401, readAll(null)),
      member: readsAll(who.member),
      author: readsAll(who.author),
      "other member": readsAll(who["other member"]),
      moderator: readsAll(who.moderator),
      admin: readsAll(who.admin),
      suspended: refused(401, readAll(who.suspended)),
    }),
    // Film suggestions are read-only: a POST is not a route.
    { route: "POST /api/films", actor: "anonymous", ...refused(405, () => call("/api/films", { form: { title: "Stalker", year: "1979" } })) },
    { route: "POST /api/films", actor: "admin", ...refused(405, () => call("/api/films", { who: who.admin, form: { title: "Stalker", year: "1979" } })) },
  ]);
});

test("settings × every actor: each signed-in member changes only their own account", async () => {
  const { who, settings } = F;
  const lines: Line[] = [];
  type Route = (typeof SETTINGS_ROUTES)[number];
  const send = (route: Route, w: Who | null, html = false): (() => Promise<Answer>) => {
    const path = `/api/settings/${route}`;
    switch (route) {
      case "profile":
        return () => call(path, { who: w, html, form: { name: `Renamed ${w?.username ?? "nobody"}`, bio: "Slow cinema." } });
      case "avatar":
        return () => call(path, { who: w, multipart: { avatar: { name: "me.png", mimeType: "image/png", buffer: PNG_1PX } } });
      case "email":
        return () => call(path, { who: w, form: { email: `${w?.username ?? "nobody"}@matrix.test`.toLowerCase(), currentPassword: "" } });
      case "password":
        return () => call(path, { who: w, form: { currentPassword: "", newPassword: PASSWORD, confirmPassword: PASSWORD } });
      case "notifications":
        return () => call(path, { who: w, form: { notifyMentions: "on" } });
      case "delete":
        return () => call(path, { who: w, form: { username: w?.username ?? "nobody", currentPassword: "" } });
    }
  };
  const wrote = (route: Route, w: Who) => (a: Answer) => {
    const u = userRow(w.id);
    const label = `settings ${route} as ${w.username}`;
    if (route === "delete") return void expect.soft(u, label).toBeUndefined();
    const checks: Record<Exclude<Route, "delete">, () => void> = {
      profile: () => expect.soft(u?.name, label).toBe(`Renamed ${w.username}`),
      avatar: () => expect.soft(String(u?.image), label).toMatch(/^\/avatars\/[\w-]{16}\.webp$/),
      email: () => expect.soft(u?.email, label).toBe(`${w.username}@matrix.test`.toLowerCase()),
      password: () => {
        expect.soft(String(u?.password_hash), label).toMatch(/^scrypt\$/);
        expect.soft(u?.session_version, `${label}: every session ends`).toBe(1);
        expect.soft(issuesSession(a), `${label}: this browser gets a fresh session`).toBe(true);
      },
      notifications: () =>
        expect.soft({ replies: u?.notify_review_replies, mentions: u?.notify_mentions }, label).toEqual({ replies: 0, mentions: 1 }),
    };
    checks[route]();
    // Nobody else's row moved: the shared author is the witness.
    expect.soft(userRow(F.who.author.id)?.name, `${label}: another member untouched`).toBe(F.who.author.name);
  };
  for (const route of SETTINGS_ROUTES) {
    const own = (role: Role) => allowed(200, send(route, settings[`${route}:${role}`]!), wrote(route, settings[`${route}:${role}`]!));
    lines.push(
      ...perActor(`POST /api/settings/${route}`, {
        anonymous: refused(401, send(route, null)),
        member: own("member"),
        author: "no target: own account only",
        "other member": "no target: own account only",
        moderator: own("moderator"),
        admin: own("admin"),
        suspended: refused(401, send(route, who.suspended)),
      }),
    );
  }
  lines.push({ route: "POST /api/settings/profile (form)", actor: "anonymous", ...refused(401, send("profile", null, true)) });
  await runMatrix("Settings", lines);
  expect(userRow(who.suspended.id)?.name, "the suspended member's account").toBe(who.suspended.name);
});

test("sign-up, sign-in, sign-out, internal routes, Auth.js's own endpoint and the provider sign-in", async () => {
  const { who, signer } = F;
  const newName = unique("su");
  const signup = (w: Who | null, username: string) => () =>
    call("/api/signup", { who: w, form: { username, email: `${username}@matrix.test`.toLowerCase(), password: PASSWORD } });
  const signedUp = (username: string) => (a: Answer) => {
    expect.soft(row("select count(*) as n from users where username = ?", username), "the new account").toEqual({ n: 1 });
    expect.soft(issuesSession(a), "signed in").toBe(true);
  };
  const signin = (w: Who | null, identifier: string, password: string, address: string) => () =>
    call("/api/signin", { who: w, form: { identifier, password }, headers: { "x-forwarded-for": address } });
  const signout = (w: Who | null) => () => call("/api/signout", { who: w });
  // Sign-out ends the session it is sent with: each gets a session of its own, so the members
  // keep theirs for the other cells.
  const freshSession = async (m: MemberE2E) => {
    const w = await asWho(m);
    return { ...w, jti: String((await sessionClaimsOf(w.cookie)).jti) };
  };
  const ended = {
    member: await freshSession(who.member),
    moderator: await freshSession(who.moderator),
    admin: await freshSession(who.admin),
    suspended: await freshSession(who.suspended),
  };
  const revoked = (w: { jti: string }) => () => {
    expect.soft(row("select count(*) as n from revoked_sessions where id = ?", w.jti), "the session is listed as ended").toEqual({ n: 1 });
  };
  const internal = (path: string, w: Who | null, token?: string) => () => call(path, { who: w, headers: token ? { "x-marquee-boot": token } : {} });
  const notApplicable = "signed-out form: as anonymous";

  const lines: Line[] = [
    ...perActor("POST /api/signup", {
      anonymous: allowed(200, signup(null, newName), signedUp(newName)),
      member: notApplicable,
      author: notApplicable,
      "other member": notApplicable,
      moderator: notApplicable,
      admin: notApplicable,
      suspended: notApplicable,
    }),
    ...perActor("POST /api/signin", {
      anonymous: allowed(200, signin(null, signer.username, PASSWORD, "203.0.113.10"), (a) => expect.soft(issuesSession(a), "signed in").toBe(true)),
      member: notApplicable,
      author: notApplicable,
      "other member": notApplicable,
      moderator: notApplicable,
      admin: notApplicable,
      // The right password: refused all the same, and no session issued.
      suspended: refused(403, signin(null, who.suspended.username, PASSWORD, "203.0.113.11"), { mayTouch: ["auth_throttle"] }),
    }),
    { route: "POST /api/signin", actor: "anonymous (wrong password)", ...refused(401, signin(null, signer.username, "not-the-password-1", "203.0.113.12"), { mayTouch: ["auth_throttle"] }) },
    ...perActor("POST /api/signout", {
      anonymous: noWrite(200, signout(null)),
      member: allowed(200, signout(ended.member), revoked(ended.member)),
      author: "no target: as member",
      "other member": "no target: as member",
      moderator: allowed(200, signout(ended.moderator), revoked(ended.moderator)),
      admin: allowed(200, signout(ended.admin), revoked(ended.admin)),
      // A suspended member's token is refused anyway; signing out still lists it.
      suspended: allowed(200, signout(ended.suspended), revoked(ended.suspended)),
    }),
  ];
  for (const path of ["/api/internal/boot", "/api/internal/sweep"]) {
    lines.push(
      ...perActor(`POST ${path}`, {
        anonymous: refused(404, internal(path, null)),
        member: refused(404, internal(path, who.member)),
        author: refused(404, internal(path, who.author)),
        "other member": refused(404, internal(path, who["other member"])),
        moderator: refused(404, internal(path, who.moderator)),
        admin: refused(404, internal(path, who.admin)),
        suspended: refused(404, internal(path, who.suspended)),
      }),
      { route: `POST ${path}`, actor: "admin, guessed token", ...refused(404, internal(path, who.admin, "guessed-boot-token")) },
    );
  }
  await runMatrix("Accounts and internal routes", lines);

  // Auth.js's credentials endpoint takes only a ticket minted after a checked password: a forged
  // one, a suspended member's genuine one, or a post without the CSRF token issues no session.
  const AUTH = "POST /api/auth/callback/credentials";
  const credentials = (ticket: string, opts: { csrf: boolean; origin?: string }) => async (): Promise<Answer> => {
    const ctx = await playwrightRequest.newContext({ baseURL: E2E_ORIGIN });
    try {
      const csrf = opts.csrf ? ((await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string }).csrfToken : "";
      const res = await ctx.post("/api/auth/callback/credentials", {
        headers: { origin: opts.origin ?? E2E_ORIGIN },
        form: { ticket, csrfToken: csrf, callbackUrl: "/" },
        maxRedirects: 0,
      });
      const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
      return { status: res.status(), location: res.headers()["location"] ?? null, json: null, cookies };
    } finally {
      await ctx.dispose();
    }
  };
  const sv = (id: string) => row<{ sv: number }>("select session_version as sv from users where id = ?", id)!.sv;
  /** Answered with a redirect, and no session cookie in it. */
  const noSession = (send: () => Promise<Answer>) => async () => {
    const a = await send();
    expect.soft(issuesSession(a), "no session issued").toBe(false);
    return a;
  };
  await runMatrix("Auth.js", [
    { route: AUTH, actor: "anonymous, forged ticket", ...refused(302, noSession(credentials(`${who.member.id}.0.${Date.now() + 60_000}.forged`, { csrf: true }))) },
    { route: AUTH, actor: "suspended, genuine ticket", ...refused(302, noSession(credentials(mintTicket(who.suspended.id, sv(who.suspended.id)), { csrf: true }))) },
    {
      route: AUTH,
      actor: "cross-site, no CSRF token",
      ...refused(302, noSession(credentials(mintTicket(who.member.id, sv(who.member.id)), { csrf: false, origin: "https://evil.example" }))),
    },
    // The same request with a genuine ticket does sign in: the checks above can see a session.
    {
      route: AUTH,
      actor: "member, genuine ticket",
      ...noWrite(302, async () => {
        const a = await credentials(mintTicket(who.member.id, sv(who.member.id)), { csrf: true })();
        expect.soft(issuesSession(a), "a genuine ticket signs in").toBe(true);
        return a;
      }),
    },
  ]);

  // The provider buttons on /signin post to /api/signin/provider, which starts an OpenID sign-in
  // (a 303 to the provider). From another site it must not start. No row either way.
  const start = (origin: string) => () => call("/api/signin/provider", { origin, html: true, form: { provider: "oidc", callbackUrl: "/" } });
  const toProvider = /^http:\/\/127\.0\.0\.1:\d+\//;
  const SP = "POST /api/signin/provider";
  const notToProvider = (send: () => Promise<Answer>) => async () => {
    const a = await send();
    expect.soft(a.location ?? "", "no redirect to the provider").not.toMatch(toProvider);
    return a;
  };
  await runMatrix("Provider sign-in", [
    { route: SP, actor: "anonymous, this site", ...noWrite(303, start(E2E_ORIGIN), { location: toProvider }) },
    { route: SP, actor: "anonymous, Origin: https://evil.example", ...refused(403, notToProvider(start("https://evil.example"))) },
    { route: SP, actor: "anonymous, Origin: null", ...refused(403, notToProvider(start("null"))) },
    { route: SP, actor: "anonymous, no Origin", ...refused(403, notToProvider(start("none"))) },
    { route: SP, actor: "anonymous, unknown provider", ...refused(400, () => call(SP.slice(5), { origin: E2E_ORIGIN, html: true, form: { provider: "nope", callbackUrl: "/" } })) },
  ]);
});

test("a session ended by sign-out, a password change or deleting the account is refused when replayed (P11)", async () => {
  const [out, changed, gone] = await Promise.all(createMembers("px", 3).map(asWho));
  expect((await call("/api/signout", { who: out! })).status, "signing out").toBe(200);
  expect((await call("/api/settings/password", { who: changed!, form: { currentPassword: "", newPassword: PASSWORD, confirmPassword: PASSWORD } })).status, "a new password").toBe(200);
  expect((await call("/api/settings/delete", { who: gone!, form: { username: gone!.username, currentPassword: "" } })).status, "deleting the account").toBe(200);
  const profile = (w: Who) => () => call("/api/settings/profile", { who: w, form: { name: "Replayed", bio: "" } });
  const vote = (w: Who) => () => call("/api/votes", { who: w, form: { type: "review", id: String(F.reviews.vote.id), value: "up", back: "/" } });
  await runMatrix("Replayed sessions", [
    { route: "POST /api/settings/profile", actor: "cookie from before sign-out", ...refused(401, profile(out!)) },
    { route: "POST /api/votes", actor: "cookie from before sign-out", ...refused(401, vote(out!)) },
    { route: "POST /api/settings/profile", actor: "cookie from before a new password", ...refused(401, profile(changed!)) },
    { route: "POST /api/votes", actor: "cookie from before a new password", ...refused(401, vote(changed!)) },
    { route: "POST /api/settings/profile", actor: "cookie of a deleted account", ...refused(401, profile(gone!)) },
    { route: "POST /api/votes", actor: "cookie of a deleted account", ...refused(401, vote(gone!)) },
  ]);
});

test("forged ids: someone else's, unknown, deleted and mismatched targets are refused and change nothing", async () => {
  const { who, reviews, comments } = F;
  const form = (label: string) => reviewForm(label);
  const cells: Line[] = [
    { route: "POST /api/reviews/[unknown]/edit", actor: "author", ...refused(404, () => call(`/api/reviews/no-such-review-${RUN}/edit`, { who: who.author, form: form("unknown") })) },
    { route: "POST /api/reviews/[id as slug]/edit", actor: "author", ...refused(404, () => call(`/api/reviews/${reviews.edit.id}/edit`, { who: who.author, form: form("id") })) },
    { route: "POST /api/reviews/[deleted]/edit", actor: "author", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/edit`, { who: who.author, form: form("deleted") })) },
    { route: "POST /api/reviews/[deleted]/edit", actor: "moderator", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/edit`, { who: who.moderator, form: form("deleted") })) },
    { route: "POST /api/reviews/[another's draft]/edit", actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.draft.slug}/edit`, { who: who.member, form: form("draft") })) },
    { route: "POST /api/reviews/[another's draft]/delete", actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.draft.slug}/delete`, { who: who.member })) },
    { route: "POST /api/reviews/[unknown]/delete", actor: "admin", ...refused(404, () => call(`/api/reviews/no-such-review-${RUN}/delete`, { who: who.admin })) },
    { route: "POST /api/reviews/[deleted]/delete", actor: "author", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/delete`, { who: who.author })) },
    { route: "POST /api/reviews/[deleted]/delete", actor: "admin", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/delete`, { who: who.admin })) },

    { route: "POST /api/comments/[unknown]/edit", actor: "admin", ...refused(404, () => call(`/api/comments/${MISSING}/edit`, { who: who.admin, form: { body: "Forged." } })) },
    { route: "POST /api/comments/[abc]/edit", actor: "admin", ...refused(404, () => call(`/api/comments/abc/edit`, { who: who.admin, form: { body: "Forged." } })) },
    { route: "POST /api/comments/[deleted]/edit", actor: "author", ...refused(410, () => call(`/api/comments/${comments.deleted}/edit`, { who: who.author, form: { body: "Back again." } })) },
    { route: "POST /api/comments/[deleted]/edit", actor: "moderator", ...refused(410, () => call(`/api/comments/${comments.deleted}/edit`, { who: who.moderator, form: { body: "Back again." } })) },
    { route: "POST /api/comments/[under a deleted review]/edit", actor: "author", ...refused(410, () => call(`/api/comments/${comments.underDeleted}/edit`, { who: who.author, form: { body: "Still here?" } })) },
    { route: "POST /api/comments/[under a deleted review]/delete", actor: "author", ...refused(410, () => call(`/api/comments/${comments.underDeleted}/delete`, { who: who.author })) },
    { route: "POST /api/comments/[unknown]/delete", actor: "admin", ...refused(404, () => call(`/api/comments/${MISSING}/delete`, { who: who.admin })) },
    { route: "POST /api/comments/[-1]/delete", actor: "admin", ...refused(404, () => call(`/api/comments/-1/delete`, { who: who.admin })) },
    { route: "POST /api/comments/[deleted]/delete", actor: "author", ...refused(410, () => call(`/api/comments/${comments.deleted}/delete`, { who: who.author })) },
    { route: "POST /api/comments/[deleted]/delete", actor: "admin", ...refused(410, () => call(`/api/comments/${comments.deleted}/delete`, { who: who.admin })) },

    ...(
      [
        ["unknown review", { reviewId: String(MISSING), parentId: "" }, 404],
        ["draft review", { reviewId: String(reviews.draft.id), parentId: "" }, 404],
        ["deleted review", { reviewId: String(reviews.deleted.id), parentId: "" }, 410],
        ["parent on another review", { reviewId: String(reviews.vote.id), parentId: String(comments.edit) }, 422],
        ["deleted parent", { reviewId: String(reviews.host.id), parentId: String(comments.deleted) }, 410],
        ["unknown parent", { reviewId: String(reviews.host.id), parentId: String(MISSING) }, 404],
      ] as const
    ).map(([what, ids, status]) => ({
      route: `POST /api/comments (${what})`,
      actor: "member",
      ...refused(status, () => call("/api/comments", { who: who.member, form: { ...ids, body: `Forged target: ${what} (${RUN}).` } })),
    })),

    ...(
      [
        ["unknown review", "review", MISSING, 404],
        ["unknown comment", "comment", MISSING, 404],
        ["draft review", "review", reviews.draft.id, 404],
        ["deleted review", "review", reviews.deleted.id, 410],
        ["deleted comment", "comment", comments.deleted, 410],
        ["comment under a deleted review", "comment", comments.underDeleted, 410],
      ] as const
    ).map(([what, type, id, status]) => ({
      route: `POST /api/votes (${what})`,
      actor: "member",
      ...refused(status, () => call("/api/votes", { who: who.member, form: { type, id: String(id), value: "up", back: "/" } })),
    })),

    ...(
      [
        ["unknown review", MISSING],
        ["draft review", reviews.draft.id],
        ["deleted review", reviews.deleted.id],
      ] as const
    ).map(([what, id]) => ({
      route: `POST /api/views (${what})`,
      actor: "member",
      ...refused(404, () => call("/api/views", { who: who.member, data: { postId: id }, headers: { "user-agent": BROWSER_UA } })),
    })),

    { route: "POST /api/notifications/read (unknown)", actor: "author", ...refused(404, () => call("/api/notifications/read", { who: who.author, form: { id: String(MISSING) } })) },
    { route: "POST /api/notifications/[unknown]", actor: "author", ...refused(404, () => call(`/api/notifications/${MISSING}`, { who: who.author, html: true })) },

    // Settings take no target: an id, a username or a role in the form is ignored.
    {
      route: "POST /api/settings/profile (forged id, username, role)",
      actor: "member",
      ...allowed(
        200,
        () => call("/api/settings/profile", { who: who.member, form: { id: who.author.id, userId: who.author.id, username: who.author.username, role: "admin", name: `Forged ${RUN}`, bio: "" } }),
        () => {
          expect.soft(userRow(who.member.id)?.name, "the member's own name").toBe(`Forged ${RUN}`);
          expect.soft(userRow(who.member.id)?.role, "the member's role").toBe("member");
          expect.soft(userRow(who.author.id)?.name, "the author's name").toBe(who.author.name);
        },
      ),
    },
    { route: "POST /api/settings/delete (another's username)", actor: "member", ...refused(422, () => call("/api/settings/delete", { who: who.member, form: { username: who.author.username, currentPassword: "" } })) },
    // A signed-out commenter may sign in from the comment form: a suspended member may not.
    {
      route: "POST /api/comments (suspended's password)",
      actor: "anonymous",
      ...refused(403, () => call("/api/comments", { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Back from suspension (${RUN}).`, identifier: who.suspended.username, password: PASSWORD }, headers: { "x-forwarded-for": "203.0.113.20" } }), { mayTouch: ["auth_throttle"] }),
    },
    {
      route: "POST /api/comments (wrong password)",
      actor: "anonymous",
      ...refused(401, () => call("/api/comments", { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Guessing (${RUN}).`, identifier: who.author.username, password: "not-the-password-1" }, headers: { "x-forwarded-for": "203.0.113.21" } }), { mayTouch: ["auth_throttle"] }),
    },
  ];
  await runMatrix("Forged ids", cells);
});

test("cross-site posts: another site's Origin, Origin: null and no Origin are refused on every route that writes", async () => {
  const { who, reviews, comments, signer, notices } = F;
  // Each with a member the route would otherwise serve.
  const routes: [string, string, Who | null, Send][] = [
    ["/api/reviews", "/api/reviews", who.member, { form: reviewForm("cross-site") }],
    ["/api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, who.author, { form: reviewForm("cross-site edit") }],
    ["/api/reviews/[slug]/delete", `/api/reviews/${reviews.edit.slug}/delete`, who.author, {}],
    ["/api/comments", "/api/comments", who.member, { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Cross-site (${RUN}).` } }],
    ["/api/comments/[id]/edit", `/api/comments/${comments.edit}/edit`, who.author, { form: { body: `Cross-site edit (${RUN}).` } }],
    ["/api/comments/[id]/delete", `/api/comments/${comments.edit}/delete`, who.author, {}],
    ["/api/comments/handoff", "/api/comments/handoff", null, { form: { to: "signup", reviewId: String(reviews.vote.id), body: "x" } }],
    ["/api/votes", "/api/votes", who.member, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }],
    ["/api/views", "/api/views", who.member, { data: { postId: reviews.edit.id }, headers: { "user-agent": BROWSER_UA } }],
    ["/api/preview", "/api/preview", who.member, { data: { body: "x" } }],
    ["/api/notifications/read", "/api/notifications/read", who.author, { form: { id: String(notices.keep) } }],
    ["/api/notifications/[id]", `/api/notifications/${notices.keep}`, who.author, {}],
    ["/api/settings/profile", "/api/settings/profile", who.member, { form: { name: "Cross-site", bio: "" } }],
    ["/api/settings/avatar", "/api/settings/avatar", who.member, { multipart: { avatar: { name: "me.png", mimeType: "image/png", buffer: PNG_1PX } } }],
    ["/api/settings/email", "/api/settings/email", who.member, { form: { email: `cross-${RUN}@matrix.test`, currentPassword: "" } }],
    ["/api/settings/password", "/api/settings/password", who.member, { form: { currentPassword: "", newPassword: PASSWORD, confirmPassword: PASSWORD } }],
    ["/api/settings/notifications", "/api/settings/notifications", who.member, { form: {} }],
    ["/api/settings/delete", "/api/settings/delete", who.member, { form: { username: who.member.username, currentPassword: "" } }],
    ["/api/signup", "/api/signup", null, { form: { username: unique("cs"), email: `cs-${RUN}@matrix.test`, password: PASSWORD } }],
    ["/api/signin", "/api/signin", null, { form: { identifier: signer.username, password: PASSWORD }, headers: { "x-forwarded-for": "203.0.113.30" } }],
    ["/api/signout", "/api/signout", who.member, {}],
  ];
  const origins = ["https://evil.example", "null", "none"];
  const lines: Line[] = [];
  for (const [route, path, w, opts] of routes) {
    for (const origin of origins) {
      lines.push({
        route: `POST ${route}`,
        actor: `${w ? "signed in" : "anonymous"}, Origin: ${origin === "none" ? "(none)" : origin}`,
        ...refused(403, () => call(path, { ...opts, who: w, origin })),
      });
    }
  }
  // Look-alike origins on one route.
  for (const origin of [`${E2E_ORIGIN}.evil.example`, "http://localhost:9", E2E_ORIGIN.replace("localhost", "127.0.0.1"), `https://evil.example/${E2E_ORIGIN}`]) {
    lines.push({ route: "POST /api/votes", actor: `signed in, Origin: ${origin}`, ...refused(403, () => call("/api/votes", { who: who.member, origin, form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } })) });
  }
  await runMatrix("Cross-site", lines);
});

// The header Next once trusted to skip its proxy (CVE-2025-29927). The server refuses any request
// carrying it with 400 before Next sees it (scripts/serve.mjs): never more than the same request
// without it, and no row changes.
test("x-middleware-subrequest gets nothing more than the same request without it", async () => {
  const { who, reviews, comments } = F;
  const probes: [string, string, Who | null, Send, number][] = [
    ["POST /api/reviews", "/api/reviews", null, { form: reviewForm("subrequest") }, 401],
    ["POST /api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, null, { form: reviewForm("subrequest edit") }, 401],
    ["POST /api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, who.member, { form: reviewForm("subrequest edit") }, 403],
    ["POST /api/reviews/[slug]/delete", `/api/reviews/${reviews.edit.slug}/delete`, null, {}, 401],
    ["POST /api/comments", "/api/comments", null, { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Subrequest (${RUN}).` } }, 401],
    ["POST /api/comments/[id]/edit", `/api/comments/${comments.edit}/edit`, null, { form: { body: "Subrequest." } }, 401],
    ["POST /api/comments/[id]/delete", `/api/comments/${comments.edit}/delete`, who.member, {}, 403],
    ["POST /api/votes", "/api/votes", null, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 401],
    ["POST /api/votes", "/api/votes", who.author, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 403],
    ["POST /api/preview", "/api/preview", null, { data: { body: "x" } }, 401],
    ["POST /api/notifications/read", "/api/notifications/read", null, { form: { all: "1" } }, 401],
    ["POST /api/settings/profile", "/api/settings/profile", null, { form: { name: "Subrequest", bio: "" } }, 401],
    ["POST /api/settings/delete", "/api/settings/delete", null, { form: { username: who.member.username } }, 401],
    ["POST /api/internal/boot", "/api/internal/boot", null, {}, 404],
    ["POST /api/internal/sweep", "/api/internal/sweep", null, {}, 404],
    ["POST /api/votes (cross-site)", "/api/votes", who.member, { origin: "https://evil.example", form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 403],
  ];
  const lines: Line[] = [];
  for (const [route, path, w, opts, status] of probes) {
    const actor = w === null ? "anonymous" : w === who.member ? "member" : "author";
    lines.push({ route, actor: `${actor}, no header`, ...refused(status, () => call(path, { ...opts, who: w })) });
    for (const header of SUBREQUEST_HEADERS) {
      lines.push({ route, actor: `${actor}, ${header.split(":")[0]}×5`, ...refused(400, () => call(path, { ...opts, who: w, headers: { ...opts.headers, "x-middleware-subrequest": header } })) });
    }
  }
  // A request the route would serve without the header is refused with it, and writes nothing.
  for (const header of SUBREQUEST_HEADERS) {
    lines.push({
      route: "POST /api/settings/profile",
      actor: `member, ${header.split(":")[0]}×5`,
      ...refused(400, () => call("/api/settings/profile", { who: who.member, form: { name: "Subrequest", bio: "" }, headers: { "x-middleware-subrequest": header } })),
    });
  }
  // The one path proxy.ts shapes (a deleted review's page is 410): the header does not get past it to the page.
  for (const header of ["", ...SUBREQUEST_HEADERS]) {
    lines.push({
      route: "GET /reviews/[deleted]",
      actor: header ? `anonymous, ${header.split(":")[0]}×5` : "anonymous, no header",
      ...refused(header ? 400 : 410, () => call(`/reviews/${reviews.deleted.slug}`, { method: "GET", origin: "none", html: true, headers: header ? { "x-middleware-subrequest": header } : {} })),
    });
  }
  await runMatrix("x-middleware-subrequest", lines);
});
