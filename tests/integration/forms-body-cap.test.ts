import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { rateLimited } from "@/lib/errors";
import { handleForm } from "@/lib/forms/route";
import { BODY_LIMITS } from "@/lib/http/body";
import { createReview } from "@/lib/reviews/create-review";
import { reviewFormFields } from "@/lib/reviews/schemas";
import { ctxAs, perTestDb, snapshot } from "../helpers/db";
import { makeUser } from "../helpers/reviews";
import { sqlAll } from "@/tests/helpers/sql";

// handleForm is the one door of every form route: the body is read under its cap while it
// streams, before anything parses it, and a refusal of a security kind leaves one log line.

const ORIGIN = "http://localhost:3000";
const COOKIE = "authjs.session-token=secret-session-value-do-not-log";
const t = perTestDb();
let warn: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
});
afterEach(() => warn.mockRestore());

/** A body that streams `total` bytes in 64 kB chunks and counts how many were pulled. */
function chunkedBody(total: number, fill = "a") {
  const chunk = new TextEncoder().encode(fill.repeat(64 * 1024));
  const seen = { pulled: 0, done: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled >= total) {
        seen.done = true;
        controller.close();
        return;
      }
      seen.pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, seen };
}

function post(body: BodyInit | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new NextRequest(`${ORIGIN}/api/reviews?token=query-secret`, {
    method: "POST",
    headers: { origin: ORIGIN, host: "localhost:3000", accept: "application/json", cookie: COOKIE, ...headers },
    body,
    duplex: "half",
    // A streamed body needs `duplex`, which the init type does not list yet.
  } as ConstructorParameters<typeof NextRequest>[1]);
}

/** A review form whose body field is `size` characters of `fill`, urlencoded. */
function reviewBody(fill: string, size: number): string {
  return new URLSearchParams({ title: "Harry Lime's Vienna", filmTitle: "The Third Man", filmYear: "1949", intent: "publish", body: fill.repeat(size) }).toString();
}

function saveReview(authorId: string) {
  let ran = 0;
  const handler = async (form: FormData) => {
    ran++;
    const review = await createReview(ctxAs(t.db, authorId), reviewFormFields(form));
    return { redirect: `/reviews/${review.slug}` };
  };
  return { handler, ran: () => ran };
}

const refusalLines = () => warn.mock.calls.map((c: unknown[]) => String(c[0])).filter((line: string) => line.startsWith("marquee: refused"));

describe("handleForm reads bodies under a cap", () => {
  it("answers a chunked 2 MB body with no Content-Length 413 once past the cap, and writes nothing", async () => {
    const author = await makeUser(t.db, "holly_martins");
    const before = await snapshot(t.db);
    const { stream, seen } = chunkedBody(2 * 1024 * 1024);
    const save = saveReview(author.id);
    const res = await handleForm(post(stream, { "content-type": "application/x-www-form-urlencoded" }), "/reviews/new", save.handler, {
      maxBody: { bytes: BODY_LIMITS.form, field: "body" },
    });
    expect(res.status).toBe(413);
    const state = (await res.json()) as { message: string; fieldErrors: Record<string, string[]> };
    expect(state.fieldErrors.body?.[0]).toBe(state.message);
    expect(state.message).toMatch(/more than the 1 MB this form accepts/);
    // Cut off as soon as it passed the cap: the rest was never pulled.
    expect(seen.done).toBe(false);
    expect(seen.pulled).toBeLessThanOrEqual(BODY_LIMITS.form + 64 * 1024);
    expect(save.ran()).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("counts the bytes, not a lying small Content-Length", async () => {
    const author = await makeUser(t.db, "holly_martins");
    const before = await snapshot(t.db);
    const body = reviewBody("x", 1_100_000);
    const save = saveReview(author.id);
    const req = post(body, { "content-type": "application/x-www-form-urlencoded", "content-length": "120" });
    const res = await handleForm(req, "/reviews/new", save.handler, { maxBody: { bytes: BODY_LIMITS.form, field: "body" } });
    expect(res.status).toBe(413);
    expect(save.ran()).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a button-only form's 16 kB cap with a plain 413 for a plain post", async () => {
    const res = await handleForm(
      post("confirm=".concat("y".repeat(20_000)), { "content-type": "application/x-www-form-urlencoded", accept: "text/html" }),
      () => null,
      async () => ({ redirect: "/" }),
      { maxBody: { bytes: BODY_LIMITS.small } },
    );
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/more than the 16 kB this form accepts; nothing was saved/);
  });

  it("still saves a review at its 100,000-character cap in 3-byte characters (900 kB urlencoded)", async () => {
    const author = await makeUser(t.db, "holly_martins");
    const save = saveReview(author.id);
    const res = await handleForm(post(reviewBody("中", 100_000), { "content-type": "application/x-www-form-urlencoded" }), "/reviews/new", save.handler, {
      maxBody: { bytes: BODY_LIMITS.form, field: "body" },
    });
    expect(res.status).toBe(200);
    const reviews = await sqlAll(t.db, "select title, length(body_md) as n from posts");
    expect(reviews).toEqual([{ title: "Harry Lime's Vienna", n: 100_000 }]);
    expect(refusalLines()).toEqual([]);
  });

  it("answers a body that is not a form 400, leaving the database as it was", async () => {
    const author = await makeUser(t.db, "holly_martins");
    const before = await snapshot(t.db);
    const save = saveReview(author.id);
    const res = await handleForm(post("--x\r\nnot a part", { "content-type": "multipart/form-data" }), "/reviews/new", save.handler);
    expect(res.status).toBe(400);
    expect(save.ran()).toBe(0);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("a refused request leaves exactly one log line", () => {
  it("for an oversized body: method, path, status and kind, with no cookie, query or body text", async () => {
    const res = await handleForm(post(reviewBody("SECRET-DRAFT-TEXT ", 70_000), { "content-type": "application/x-www-form-urlencoded" }), "/reviews/new", async () => ({ redirect: "/" }));
    expect(res.status).toBe(413);
    const lines = refusalLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^marquee: refused POST \/api\/reviews 413 oversized-body from \S+: This is more than the 16 kB/);
    for (const secret of ["secret-session-value", "query-secret", "SECRET-DRAFT-TEXT", "token="]) expect(lines[0]).not.toContain(secret);
  });

  it("for a foreign origin, a malformed body and a throttled post", async () => {
    const cases: [NextRequest, () => Promise<{ redirect: string }>, number, string][] = [
      [post("title=SECRET-TITLE", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }), async () => ({ redirect: "/" }), 403, "foreign-origin"],
      [post("SECRET-PART", { "content-type": "multipart/form-data; boundary=zz" }), async () => ({ redirect: "/" }), 400, "malformed-body"],
      [post("title=SECRET-TITLE", { "content-type": "application/x-www-form-urlencoded" }), async () => Promise.reject(rateLimited("Slow down.", 30)), 429, "throttled"],
    ];
    for (const [req, handler, status, kind] of cases) {
      warn.mockClear();
      const res = await handleForm(req, () => null, handler);
      expect(res.status).toBe(status);
      const lines = refusalLines();
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(` ${status} ${kind} `);
      expect(lines[0]).not.toMatch(/SECRET|secret-session-value|query-secret/);
    }
  });

  it("writes none for an accepted post", async () => {
    const res = await handleForm(post("a=1", { "content-type": "application/x-www-form-urlencoded" }), () => null, async () => ({ redirect: "/" }));
    expect(res.status).toBe(200);
    expect(refusalLines()).toEqual([]);
  });
});
