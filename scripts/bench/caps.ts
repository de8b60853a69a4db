// Every capped field at ten times its cap, in its worst shape, through the real route of a
// production server: the status and the wall time of the answer, against the target of a 4xx in
// under 50 ms. Also whole bodies over a route's cap, with and without Content-Length.
import path from "node:path";
import { eq } from "drizzle-orm";
import { closeDb } from "@/db";
import { makeCtx } from "@/lib/context";
import { openMarqueeDb } from "@/lib/db";
import { users } from "@/db/schema";
import { seedIfEmpty } from "@/lib/seed/demo";
import { BODY_LIMITS } from "@/lib/http/body";
import { MAX_BODY_CHARS, MAX_COMMENT_CHARS, MAX_TITLE_CHARS } from "@/lib/markdown/limits";
import { createReview } from "@/lib/reviews/create-review";
import { MAX_TAGS } from "@/lib/reviews/schemas";
import { AVATAR_MAX_BYTES } from "@/lib/users/avatar-upload";
import { PASSWORD_MAX } from "@/lib/users/schemas";
import { BIO_MAX } from "@/lib/users/schemas";
import { USERNAME_MAX } from "@/lib/users/username";
import { median } from "./sample-review";
import { BENCH_SECRET, startServer } from "./server";
import { SESSION_COOKIE, makeVoters, sessionCookie } from "./votes";
import { first } from "@/db/query";
import { sqlValue } from "@/tests/helpers/sql";

export const CAP_TARGET_MS = 50;
const SLOW_MS = 1_000;

/** Worst shapes for text: whitespace runs (trim and collapse regexes), newlines, combining marks. */
const SHAPES = {
  spaces: " ",
  newlines: "\n",
  "spaces and tabs": " \t",
  "combining marks": "e\u0301\u0301",
  letters: "a",
} as const;
type Shape = keyof typeof SHAPES;
/** A run of the shape ended by a letter: a trailing-space regex backtracks over the whole run for each start. */
const fill = (shape: Shape, n: number) => SHAPES[shape].repeat(Math.ceil(n / SHAPES[shape].length)).slice(0, n - 1) + "x";

type Who = "anonymous" | "member";
type Body = { type: "form"; fields: Record<string, string> } | { type: "json"; json: string } | { type: "multipart"; file: Uint8Array } | { type: "raw"; contentType: string; bytes: Uint8Array };

/** `accepts`: a valid input at the cap, whose target is a 2xx within the time; every other case must be refused. */
type CapCase = { field: string; cap: string; sent: string; route: string; who: Who; body: Body; chunked?: boolean; accepts?: boolean };
export type CapResult = { field: string; cap: string; sent: string; route: string; status: string; medianMs: number; maxMs: number; runs: number; ok: boolean };

const REVIEW = { title: "A title", filmTitle: "Stalker", filmYear: "1979", score: "8", tags: "slow-cinema", intent: "publish", body: "A short body for the caps benchmark." };
const SIGNUP = { username: "caps_newcomer", email: "caps@example.com", password: "a-long-enough-passphrase", displayName: "Caps" };
const nf = (n: number) => n.toLocaleString("en-US");

function textCases(editSlug: string, reviewId: number): CapCase[] {
  const out: CapCase[] = [];
  const each = (field: string, cap: number, shapes: Shape[], make: (v: string) => Omit<CapCase, "field" | "cap" | "sent">, capText = `${nf(cap)} chars`) => {
    for (const shape of shapes) out.push({ field, cap: capText, sent: `${nf(cap * 10)} ${shape}`, ...make(fill(shape, cap * 10)) });
  };
  const all: Shape[] = ["spaces", "newlines", "spaces and tabs", "combining marks"];
  const review = (k: string) => (v: string) => ({ route: "POST /api/reviews", who: "member" as const, body: { type: "form" as const, fields: { ...REVIEW, [k]: v } } });
  each("review title", MAX_TITLE_CHARS, all, review("title"));
  each("review body", MAX_BODY_CHARS, ["spaces", "newlines", "combining marks"], review("body"));
  each("film title", 200, all, review("filmTitle"));
  each("review tags", 30 * MAX_TAGS, ["spaces", "letters"], review("tags"), `${MAX_TAGS} tags of 30 chars`);
  out.push({ field: "review tags", cap: `${MAX_TAGS} tags`, sent: `${MAX_TAGS * 10} tags`, route: "POST /api/reviews", who: "member", body: { type: "form", fields: { ...REVIEW, tags: Array.from({ length: MAX_TAGS * 10 }, (_, i) => `tag-${i}`).join(",") } } });
  each("score", 2, ["spaces", "letters"], review("score"), "1–10");
  out.push({ field: "score", cap: "1–10", sent: "20 digits", route: "POST /api/reviews", who: "member", body: { type: "form", fields: { ...REVIEW, score: "9".repeat(20) } } });
  each("review edit reason", 200, all, (v) => ({ route: `POST /api/reviews/${editSlug}/edit`, who: "member", body: { type: "form", fields: { ...REVIEW, reason: v } } }));
  each("comment body", MAX_COMMENT_CHARS, ["spaces", "newlines", "spaces and tabs", "combining marks"], (v) => ({ route: "POST /api/comments", who: "member", body: { type: "form", fields: { reviewId: String(reviewId), parentId: "", body: `Text${v}` } } }));
  each("comment body, signed out", MAX_COMMENT_CHARS, ["spaces"], (v) => ({ route: "POST /api/comments", who: "anonymous", body: { type: "form", fields: { reviewId: String(reviewId), parentId: "", body: `Text${v}` } } }));
  const profile = (k: "name" | "bio") => (v: string) => ({ route: "POST /api/settings/profile", who: "member" as const, body: { type: "form" as const, fields: { name: "Caps", bio: "", [k]: v } } });
  each("display name", 50, all, profile("name"));
  each("bio", BIO_MAX, all, profile("bio"));
  const signup = (k: keyof typeof SIGNUP) => (v: string) => ({ route: "POST /api/signup", who: "anonymous" as const, body: { type: "form" as const, fields: { ...SIGNUP, [k]: v } } });
  each("username", USERNAME_MAX, ["spaces", "letters", "combining marks"], signup("username"));
  each("email", 254, ["spaces", "letters"], signup("email"));
  each("password", PASSWORD_MAX, ["spaces", "letters"], signup("password"));
  each("sign-in identifier", 254, ["spaces", "letters"], (v) => ({ route: "POST /api/signin", who: "anonymous", body: { type: "form", fields: { identifier: v, password: "not-the-password" } } }));
  each("preview body", MAX_BODY_CHARS, ["spaces", "newlines"], (v) => ({ route: "POST /api/preview", who: "member", body: { type: "json", json: JSON.stringify({ body: v }) } }));
  // At the cap, not over it: a fenced block of one long line of spaces was the renderer's worst case.
  const fenced = "```\n" + " ".repeat(MAX_BODY_CHARS - 10) + "x\n```";
  out.push({ field: "preview body", cap: `${nf(MAX_BODY_CHARS)} chars`, sent: "at the cap: a fenced line of spaces", route: "POST /api/preview", who: "member", body: { type: "json", json: JSON.stringify({ body: fenced }) }, accepts: true });
  out.push({ field: "preview body", cap: "JSON", sent: "nested 100,000 deep", route: "POST /api/preview", who: "member", body: { type: "json", json: `{"body":${"[".repeat(100_000)}${"]".repeat(100_000)}}` } });
  return out;
}

function wholeBodyCases(): CapCase[] {
  const out: CapCase[] = [];
  const big = (n: number) => new Uint8Array(n).fill(0x61);
  const png = (n: number) => {
    const b = big(n);
    b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return b;
  };
  for (const chunked of [false, true]) {
    const how = chunked ? "chunked, no length" : "with Content-Length";
    out.push({ field: "avatar file", cap: `${nf(AVATAR_MAX_BYTES / 1024 / 1024)} MiB`, sent: `${nf((AVATAR_MAX_BYTES * 10) / 1024 / 1024)} MiB, ${how}`, route: "POST /api/settings/avatar", who: "member", body: { type: "multipart", file: png(AVATAR_MAX_BYTES * 10) }, chunked });
    const form = BODY_LIMITS.form * 10;
    out.push({ field: "whole form body", cap: `${nf(BODY_LIMITS.form / 1024)} KiB`, sent: `${nf(form / 1024)} KiB, ${how}`, route: "POST /api/comments", who: "anonymous", body: { type: "raw", contentType: "application/x-www-form-urlencoded", bytes: Buffer.concat([Buffer.from("reviewId=1&body="), big(form)]) }, chunked });
    const json = BODY_LIMITS.json * 10;
    out.push({ field: "whole JSON body", cap: `${nf(BODY_LIMITS.json / 1024)} KiB`, sent: `${nf(json / 1024)} KiB, ${how}`, route: "POST /api/preview", who: "member", body: { type: "raw", contentType: "application/json", bytes: Buffer.concat([Buffer.from('{"body":"'), big(json), Buffer.from('"}')]) }, chunked });
    const small = BODY_LIMITS.small * 10;
    out.push({ field: "whole button-form body", cap: `${nf(BODY_LIMITS.small / 1024)} KiB`, sent: `${nf(small / 1024)} KiB, ${how}`, route: "POST /api/votes", who: "member", body: { type: "raw", contentType: "application/x-www-form-urlencoded", bytes: Buffer.concat([Buffer.from("type=review&id=1&value=up&back="), big(small)]) }, chunked });
  }
  return out;
}

function encode(body: Body): { contentType: string; bytes: Uint8Array } {
  switch (body.type) {
    case "form":
      return { contentType: "application/x-www-form-urlencoded", bytes: Buffer.from(new URLSearchParams(body.fields).toString()) };
    case "json":
      return { contentType: "application/json", bytes: Buffer.from(body.json) };
    case "raw":
      return body;
    case "multipart": {
      const boundary = "----capsbench";
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="avatar"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`;
      return { contentType: `multipart/form-data; boundary=${boundary}`, bytes: Buffer.concat([Buffer.from(head), body.file, Buffer.from(`\r\n--${boundary}--\r\n`)]) };
    }
  }
}

/** One request; its status ("closed" when the server cut the connection) and wall time. */
async function once(base: string, c: CapCase, cookie: string): Promise<{ status: string; ms: number }> {
  const { contentType, bytes } = encode(c.body);
  const [method, route] = c.route.split(" ") as [string, string];
  const body = c.chunked
    ? new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.byteLength; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
          controller.close();
        },
      })
    : (bytes as Uint8Array<ArrayBuffer>);
  const headers: Record<string, string> = { "content-type": contentType, accept: "application/json", origin: base };
  if (c.who === "member") headers.cookie = cookie;
  const t0 = performance.now();
  try {
    const res = await fetch(base + route, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(120_000), ...(c.chunked ? { duplex: "half" } : {}) } as RequestInit);
    await res.arrayBuffer();
    return { status: String(res.status), ms: performance.now() - t0 };
  } catch (err) {
    return { status: err instanceof Error && err.name === "TimeoutError" ? "no answer" : "closed", ms: performance.now() - t0 };
  }
}

/**
 * Starts a server on a fresh demo database in `dir` and sends every case `runs` times (after one
 * unmeasured request; a case whose first answer takes over a second is reported from that one),
 * members signed in with a session cookie. Sign-up limits are lifted: the
 * cases measure the caps, not the per-address limit.
 */
export async function measureCaps(dir: string, port: number, runs = 5): Promise<CapResult[]> {
  const dbPath = path.join(dir, "caps.db");
  const db = await openMarqueeDb(dbPath);
  await seedIfEmpty(db);
  const [memberId] = (await makeVoters(db, 1)) as [string];
  const author = (await first(db.select({ id: users.id }).from(users).where(eq(users.id, memberId))))!;
  const own = await createReview(makeCtx(db, { actor: { id: author.id, role: "member" } }), { ...REVIEW, title: "The caps benchmark's own review" });
  const reviewId = (await sqlValue(db, "select id from posts where status = 'published' and author_id <> ? order by id limit 1", memberId)) as number;
  await closeDb(db);
  const cookie = `${SESSION_COOKIE}=${await sessionCookie(BENCH_SECRET, memberId)}`;
  const server = await startServer(dbPath, port, {
    SIGNUP_HOURLY_PER_ADDRESS: "100000",
    SIGNUP_DAILY_PER_ADDRESS: "1000000",
    COMMENT_INTERVAL_SECONDS: "0",
    COMMENT_NEWCOMER_INTERVAL_SECONDS: "0",
    AVATAR_UPLOADS_PER_HOUR: "10000",
  });
  const results: CapResult[] = [];
  try {
    for (const c of [...textCases(own.slug, reviewId), ...wholeBodyCases()]) {
      console.log(`  caps: ${c.field}, ${c.sent}`);
      // A case that takes seconds (a field not yet capped) is measured once, so the section stays bounded.
      const first = await once(server.base, c, cookie);
      const times: number[] = first.ms > SLOW_MS ? [first.ms] : [];
      const statuses = new Set<string>(first.ms > SLOW_MS ? [first.status] : []);
      for (let i = 0; i < (first.ms > SLOW_MS ? 0 : runs); i++) {
        const r = await once(server.base, c, cookie);
        times.push(r.ms);
        statuses.add(r.status);
      }
      const maxMs = Math.max(...times);
      const status = [...statuses].join(", ");
      // A chunked body over the route's cap is answered 413 and its connection closed while the
      // client is still sending: a client that is still writing may see the close before the 413.
      const refused = (status: string) => /^4\d\d$/.test(status) || (c.chunked === true && status === "closed");
      const ok = [...statuses].every((st) => (c.accepts ? /^2\d\d$/.test(st) : refused(st))) && maxMs < CAP_TARGET_MS;
      results.push({ field: c.field, cap: c.cap, sent: c.sent, route: c.route, status, medianMs: median(times), maxMs, runs: times.length, ok });
    }
  } finally {
    await server.stop();
  }
  return results;
}
