import http from "node:http";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createMembers, E2E_ORIGIN, sessionCookie, withDb } from "./helpers";

// Caps before work, over HTTP against the production server: bodies are cut off while they
// stream, text at 10× its cap is refused with a 4xx before anything renders it, and a malformed
// address is a 400 on every route that takes a parameter. Timings are printed for the record;
// the assertions are on statuses and rows.

const PORT = Number(process.env.E2E_PORT ?? 3100);
const MB = 1024 * 1024;

async function signedInHeaders(prefix: string) {
  const [member] = createMembers(prefix);
  const cookie = await sessionCookie(member!.id);
  return { member: member!, headers: { origin: E2E_ORIGIN, cookie, accept: "application/json" } };
}

const reviewsBy = (authorId: string) => withDb((db) => (db.prepare("select count(*) as n from posts where author_id = ?").get(authorId) as { n: number }).n);

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const out = await fn();
  console.log(`${label}: ${Math.round(performance.now() - started)} ms`);
  return out;
}

test("a malformed address answers 400 on every route that takes a parameter", async ({ request }) => {
  const { headers } = await signedInHeaders("esc");
  for (const path of ["/avatar/%25", "/avatars/%25", "/avatar/100%2525"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.text()).toBe("This address is malformed.");
  }
  for (const path of ["/api/reviews/%25/edit", "/api/reviews/%25/delete", "/api/reviews/%2541/edit", "/api/comments/%25/edit", "/api/comments/%25/delete"]) {
    for (const as of [{ origin: E2E_ORIGIN, accept: "application/json" }, headers]) {
      const res = await request.post(path, { headers: as, form: { title: "x" } });
      expect(res.status(), `${path} ${as === headers ? "signed in" : "anonymous"}`).toBe(400);
      expect(await res.json()).toEqual({ error: "This address is malformed." });
    }
  }
  // Well-formed addresses still work.
  expect((await request.get("/avatar/ingrid_alvarado")).status()).toBe(200);
  expect((await request.post("/api/reviews/no-such-review/edit", { headers, form: { title: "x" } })).status()).toBe(404);
  expect((await request.post("/api/comments/abc/edit", { headers, form: { body: "x" } })).status()).toBe(404);
});

test("a chunked review body with no Content-Length is refused 413 before it has all been sent, and nothing is written", async () => {
  const { member, headers } = await signedInHeaders("chunk");
  const chunk = Buffer.from(`body=${"a".repeat(64 * 1024 - 5)}`);
  const answer = await timed("chunked 1.5 MB form to /api/reviews, left open", () =>
    new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
      let sent = 0;
      const req = http.request({
        host: "127.0.0.1",
        port: PORT,
        method: "POST",
        path: "/api/reviews",
        headers: { ...headers, host: `localhost:${PORT}`, "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
      });
      req.on("response", (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (d: string) => (body += d));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, body, sent });
        });
      });
      req.on("error", (err) => (sent > 0 ? undefined : reject(err)));
      // 1.5 MB, and the request is never ended: only a server that counts while it reads can answer.
      for (let i = 0; i < 24; i++) {
        req.write(chunk);
        sent += chunk.byteLength;
      }
    }),
  );
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toMatchObject({ ok: false, fieldErrors: { body: [expect.stringMatching(/more than the 1 MB this form accepts/)] } });
  expect(reviewsBy(member.id)).toBe(0);
});

async function expect4xx(request: APIRequestContext, label: string, path: string, opts: Parameters<APIRequestContext["post"]>[1], status: number) {
  const res = await timed(label, () => request.post(path, opts));
  expect(res.status(), label).toBe(status);
  expect(await res.text()).not.toMatch(/at \w+ \(|node_modules|\/work\//);
}

test("every capped field at 10× its cap is answered 4xx, and bodies over their route's cap 413", async ({ request }) => {
  test.setTimeout(60_000);
  const { member, headers } = await signedInHeaders("caps");
  const review = { title: "Harry Lime's Vienna", filmTitle: "The Third Man", filmYear: "1949", intent: "publish" };
  const reviewId = withDb((db) => (db.prepare("select id from posts where status = 'published' order by id limit 1").get() as { id: number }).id);
  await expect4xx(request, "review title at 10× (2,000 characters)", "/api/reviews", { headers, form: { ...review, title: "T".repeat(2_000), body: "Fine." } }, 422);
  await expect4xx(request, "review body at 10× (999,999 spaces, then a letter)", "/api/reviews", { headers, form: { ...review, body: `${" ".repeat(999_999)}y` } }, 422);
  await expect4xx(request, "review body at 10× (1,000,000 spaces) as JSON to /api/preview", "/api/preview", { headers, data: { body: `${" ".repeat(999_999)}y` } }, 422);
  await expect4xx(request, "2 MB to /api/preview", "/api/preview", { headers, data: { body: "x".repeat(2 * MB) } }, 413);
  await expect4xx(request, "comment body at 10× (100,000 spaces)", "/api/comments", { headers, form: { reviewId: String(reviewId), body: `${" ".repeat(99_999)}y` } }, 422);
  await expect4xx(request, "32 kB to /api/views", "/api/views", { headers, data: { postId: reviewId, pad: "x".repeat(32 * 1024) } }, 413);
  await expect4xx(request, "a multipart form of 101 fields", "/api/reviews", { headers, multipart: Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, "x"])) }, 400);
  await expect4xx(request, "32 kB to a delete button", `/api/reviews/no-such-review/delete`, { headers, form: { pad: "x".repeat(32 * 1024) } }, 413);
  await expect4xx(request, "32 kB to an upvote", "/api/votes", { headers, form: { item: `r${reviewId}`, pad: "x".repeat(32 * 1024) } }, 413);
  await expect4xx(request, "32 kB to the profile form", "/api/settings/profile", { headers, form: { name: "Caps", bio: "x".repeat(32 * 1024) } }, 413);
  await expect4xx(request, "JSON that is not JSON to /api/preview", "/api/preview", { headers: { ...headers, "content-type": "application/json" }, data: Buffer.from("{") }, 400);
  expect(reviewsBy(member.id)).toBe(0);
  // A review body at its cap (a fenced line of 99,990 spaces) still renders, promptly.
  const atCap = await timed("preview of a body at the cap with a 99,990-space fenced line", () =>
    request.post("/api/preview", { headers, data: { body: `\`\`\`\n${" ".repeat(99_990)}x\n\`\`\`` } }),
  );
  expect(atCap.status()).toBe(200);
  expect(((await atCap.json()) as { html: string }).html).toContain(`${" ".repeat(99_990)}x`);
});
