import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { expect, test } from "@playwright/test";
import { BODY_LIMITS } from "../../lib/http/body";
import { DB_PATH, E2E_ORIGIN, withDb } from "./helpers";
import { postAs, send, signInVia, signUpVia, viewerName, type Answer, type Member } from "../helpers/fuzz/client";
import { requestArb, worstRequest, type FuzzRequest, type Targets } from "../helpers/fuzz/requests";
import { ROUTES, formTargetsInSource, methodsOf, routeFilesOnDisk, shapeOf, type FuzzRoute } from "../helpers/fuzz/routes";
import { DbWatch, type CountingRows } from "../helpers/fuzz/snapshot";

// Every route handler, fuzzed over HTTP against the production server, signed out and signed in
// as a member of its own: random and hostile field sets (wrong types, huge, empty, repeated,
// control characters, lone surrogates, deep JSON, wrong encodings, chunked bodies, other sites'
// origins). Whatever is sent: never a 5xx, never a stack trace or a server path in the answer,
// an answer within 1 s, and a refusal (4xx, another site's origin, a signed-out write, any GET)
// leaves every content row of the database as it was. No answer ever shows another member's
// draft. Bounded: first each field at 110,000 spaces (the worst shape known), then FUZZ_RUNS
// requests per route and viewer from a fixed seed (FUZZ_SEED); a failure prints the request, its
// seed and path, so it replays exactly.

const RUNS = Number(process.env.FUZZ_RUNS ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 16_2026);
const ANSWER_MS = 1_000;
const ROOT = path.resolve(__dirname, "..", "..");

/** What an answer must never show: a stack frame, a server path, an internal error's name. */
const LEAKS: [string, RegExp][] = [
  ["a stack frame", /\bat (?:async )?[\w$.<>[\] ]{0,200}\(?(?:file:\/\/|node:|\/)[^\s)]{1,300}:\d+:\d+/],
  ["the server's folder", new RegExp(ROOT.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
  ["a node_modules path", /node_modules[\\/]/],
  ["an internal error", /\b(?:TypeError|ReferenceError|RangeError|SqliteError|ZodError|SQLITE_[A-Z]+)\b/],
];

type Who = "anonymous" | "member";

let watch: DbWatch;
let member: Member;
let targets: Targets;
/** A word that only another member's draft contains. */
let canary: string;
const slowest: { name: string; ms: number; status: number }[] = [];

/** What the first worker of this server run set up; a worker started after a failure reuses it. */
type Setup = { member: { username: string; password: string }; canary: string; targets: Targets; baseline: CountingRows };
const SETUP_FILE = path.join(path.dirname(DB_PATH), "fuzz-setup.json");

async function setUp(base: string): Promise<Setup> {
  const watchFirst = new DbWatch(DB_PATH);
  const baseline = watchFirst.baseline;
  watchFirst.close();
  const fresh = await signUpVia(base, "fuzzm");
  const owner = await signUpVia(base, "fuzzo");
  const word = `canary${randomBytes(6).toString("hex")}`;
  const film = { filmTitle: "Stalker", filmYear: "1979", score: "7" };
  const draft = await postAs(base, owner.cookie, "/api/reviews", { ...film, title: `Draft ${word}`, body: `Unpublished ${word} text.`, intent: "draft" });
  const own = await postAs(base, fresh.cookie, "/api/reviews", { ...film, title: `Fuzz ${word.slice(-4)} review`, body: "A review the fuzzing member owns and may edit.", intent: "publish" });
  const ownSlug = own.redirect.split("/")[2]!;
  const ownId = withDb((db) => db.prepare("select id from posts where slug = ?").pluck().get(ownSlug) as number);
  // A reply to the member's review: a notice of its own to open and mark read.
  await postAs(base, owner.cookie, "/api/comments", { reviewId: String(ownId), parentId: "", body: `A reply for the fuzz, ${word.slice(-4)}.` });
  const found = withDb((db) => {
    const memberId = db.prepare("select id from users where username = ?").pluck().get(fresh.username) as string;
    return {
      reviewSlugs: [draft.redirect.split("/")[2]!, ownSlug, ...(db.prepare("select slug from posts where status = 'published' order by id limit 3").pluck().all() as string[])],
      reviewIds: [ownId, ...(db.prepare("select id from posts order by id limit 3").pluck().all() as number[])],
      commentIds: db.prepare("select id from comments order by id desc limit 4").pluck().all() as number[],
      notificationIds: [
        ...(db.prepare("select id from notifications where recipient_id = ? limit 2").pluck().all(memberId) as number[]),
        ...(db.prepare("select id from notifications where recipient_id <> ? limit 2").pluck().all(memberId) as number[]),
      ],
      usernames: [fresh.username, owner.username, "ingrid_alvarado"],
    };
  });
  return { member: { username: fresh.username, password: fresh.password }, canary: word, targets: found, baseline };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The data folder is new for every server run (playwright.config.ts), and so is this file.
  let setup: Setup;
  if (fs.existsSync(SETUP_FILE)) setup = JSON.parse(fs.readFileSync(SETUP_FILE, "utf8")) as Setup;
  else {
    setup = await setUp(E2E_ORIGIN);
    fs.writeFileSync(SETUP_FILE, JSON.stringify(setup));
  }
  watch = new DbWatch(DB_PATH, setup.baseline);
  watch.resetCounters();
  member = { ...setup.member, cookie: await signInVia(E2E_ORIGIN, setup.member) };
  canary = setup.canary;
  targets = setup.targets;
});

test.afterAll(() => {
  if (!watch) return;
  watch.resetCounters();
  watch.close();
  slowest.sort((a, b) => b.ms - a.ms);
  console.log(`fuzz: slowest answers\n${slowest.slice(0, 12).map((s) => `  ${s.ms.toFixed(0)} ms ${s.status} ${s.name}`).join("\n")}`);
});

test("the fuzz covers every route handler and every form's target", () => {
  const listed = new Set(ROUTES.map((r) => r.file));
  const onDisk = routeFilesOnDisk().filter((f) => /^app\/(?:.*\/)?(?:api|avatars?)\//.test(f));
  expect(onDisk.filter((f) => !listed.has(f)), "route files the fuzz does not know").toEqual([]);
  expect([...listed].filter((f) => !onDisk.includes(f)), "listed routes with no file").toEqual([]);
  for (const file of listed) {
    const methods = ROUTES.filter((r) => r.file === file).map((r) => r.method).sort();
    expect(methods, `methods fuzzed for ${file}`).toEqual(methodsOf(file));
  }
  const posted = new Set(ROUTES.filter((r) => r.method === "POST").map((r) => shapeOf(r.template)));
  const forms = formTargetsInSource();
  expect(forms.length, "forms found in app/ and components/").toBeGreaterThan(10);
  expect(forms.filter((f) => !posted.has(shapeOf(f))), "form targets the fuzz does not post to").toEqual([]);
});

/**
 * A server may stop reading a body over its cap and close the connection while the client is still
 * sending it (the client then sees the socket close, not the 413): a refusal, for a body bigger
 * than the smallest cap. Anything else that closes the connection is a failure.
 */
const cutOff = (req: FuzzRequest, a: Answer) => a.status === -1 && (req.body?.byteLength ?? 0) > BODY_LIMITS.small && /EPIPE|ECONNRESET|other side closed/.test(a.text);

/** Why an answer breaks the promise, or null. */
function violation(route: FuzzRoute, who: Who, req: FuzzRequest, a: Answer, changed: string[]): string | null {
  if (a.timedOut) return `no answer within ${a.ms.toFixed(0)} ms: the server froze`;
  if (cutOff(req, a)) return changed.length ? `cut the body off, yet wrote: ${changed.join("; ")}` : a.ms > ANSWER_MS ? `cut the body off after ${a.ms.toFixed(0)} ms (over ${ANSWER_MS} ms)` : null;
  if (a.status === -1) return `the connection failed: ${a.text.slice(0, 200)}`;
  if (a.status >= 500) return `answered ${a.status}: ${a.text.slice(0, 300)}`;
  for (const [what, re] of LEAKS) {
    const m = re.exec(a.text);
    if (m) return `answered ${a.status} showing ${what}: …${a.text.slice(Math.max(0, m.index - 80), m.index + 120)}…`;
  }
  // The draft's address holds the word too (its slug comes from its title): what the request named
  // itself is no leak, so the segments of its own path are taken out before looking.
  const named = req.path.split("?")[0]!.split("/").filter((segment) => segment.length > 8);
  if (named.reduce((text, segment) => text.split(segment).join(""), a.text).includes(canary)) return `answered ${a.status} showing another member's draft`;
  const refused = a.status >= 400 || req.foreignOrigin || route.method === "GET" || (who === "anonymous" && !route.anonymousWrites);
  if (refused && changed.length) return `answered ${a.status}${req.foreignOrigin ? " to another site's origin" : ""}, yet wrote: ${changed.join("; ")}`;
  if (a.ms > ANSWER_MS) return `answered ${a.status} after ${a.ms.toFixed(0)} ms (over ${ANSWER_MS} ms)`;
  return null;
}

const ANONYMOUS_COOKIES = [null, "authjs.session-token=garbage", "authjs.session-token.0=abc; authjs.session-token.1=def", `__Secure-authjs.session-token=${"x".repeat(4000)}`];

ROUTES.forEach((route, index) => {
  for (const who of ["anonymous", "member"] as const) {
    test(`${route.method} ${route.template}, ${who}`, async () => {
      test.setTimeout(60_000 + RUNS * 20_000);
      const base = E2E_ORIGIN;
      const seed = SEED + index * 2 + (who === "member" ? 1 : 0);
      const cookieArb = who === "anonymous" ? fc.constantFrom(...ANONYMOUS_COOKIES) : fc.constant(member.cookie);
      const property = fc.asyncProperty(requestArb(route, targets, base), cookieArb, async (req, jar) => {
        const cookie = who === "member" && route.endsSession ? await signInVia(base, member) : jar;
        watch.resetCounters();
        const before = watch.digest();
        let answer = await send(base, req, cookie);
        const changed = DbWatch.changed(before, watch.digest());
        slowest.push({ name: `${who} ${req.summary.slice(0, 160)}`, ms: answer.ms, status: answer.status });
        let broken = violation(route, who, req, answer, changed);
        // Late only, and a refusal that wrote nothing: asked once more, so that a moment of load on a
        // shared machine is told apart from work that grows with the input (which is late again).
        if (broken && answer.ms > ANSWER_MS && answer.status >= 400 && !changed.length && violation(route, who, req, { ...answer, ms: 0 }, changed) === null) {
          watch.resetCounters();
          answer = await send(base, req, cookie);
          broken = violation(route, who, req, answer, DbWatch.changed(before, watch.digest()));
          if (broken) broken += " (twice)";
        }
        if (broken) throw new Error(`${broken}\n  request (${who}): ${req.summary}`);
      });
      const worst = worstRequest(route, targets, base);
      await fc.assert(property, { numRuns: RUNS, seed, endOnFailure: true, examples: [[worst, who === "member" ? member.cookie : null]] });
      if (who === "member") expect(await viewerName(base, member.cookie), "the member is still signed in").toBe(member.username);
    });
  }
});
