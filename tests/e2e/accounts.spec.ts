import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, E2E_ORIGIN, SESSION_COOKIE, createMembers, sessionClaimsOf, sessionTokenWith, unique, userByUsername, withDb } from "./helpers";

// Accounts and sessions over HTTP (issue 16: findings 3, 7 and 8). Requests go straight to the
// server with their own Cookie header, so no browser jar mixes sessions.
type Answer = { status: number; headers: Headers; json: Record<string, unknown> | null; setCookies: string[] };

async function send(path: string, opts: { method?: "GET" | "POST"; cookie?: string; form?: Record<string, string> } = {}): Promise<Answer> {
  const res = await fetch(`${E2E_ORIGIN}${path}`, {
    method: opts.method ?? (opts.form ? "POST" : "GET"),
    redirect: "manual",
    headers: {
      accept: "application/json",
      origin: E2E_ORIGIN,
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
      ...(opts.form ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    body: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
  });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, setCookies: res.headers.getSetCookie() };
}

const viewerName = async (cookie: string) => ((await send("/api/viewer", { cookie })).json as { user: { username: string } | null }).user?.username ?? null;
const signOut = (cookie: string) => send("/api/signout", { cookie, form: {} });

test("the once-published demo password opens no account; the configured one does", async () => {
  const old = await send("/api/signin", { form: { identifier: "ingrid_alvarado", password: "marquee-demo-2026" } });
  expect(old.status).toBe(401);
  expect(old.setCookies.filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
  const ok = await send("/api/signin", { form: { identifier: "ingrid_alvarado", password: DEMO_PASSWORD } });
  expect(ok.status).toBe(200);
  expect(ok.setCookies.some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(true);
});

test("sign-ups past the limit for an address are answered 429 with Retry-After and make no account", async () => {
  type Window = { key: string; count: number; window_started_at: number };
  const windows = () => withDb((db) => db.prepare("select * from rate_windows where key like 'signup:%' order by key").all() as Window[]);
  const before = windows();
  const first = unique("Lim");
  const made = await send("/api/signup", { form: { username: first, email: `${first.toLowerCase()}@example.org`, password: "a-long-unusual-passphrase-42" } });
  expect(made.status).toBe(200);
  // This address's hourly window: the one the sign-up just counted in.
  const counted = windows().filter((w) => w.key.startsWith("signup:hour:") && !before.some((b) => b.key === w.key && b.count === w.count && b.window_started_at === w.window_started_at));
  expect(counted).toHaveLength(1);
  const hour = counted[0]!;
  const fill = (count: number) => withDb((db) => db.prepare("update rate_windows set count = ? where key = ?").run(count, hour.key), { write: true });
  fill(1_000_000_000);
  try {
    const second = unique("Lim");
    const refused = await send("/api/signup", { form: { username: second, email: `${second.toLowerCase()}@example.org`, password: "a-long-unusual-passphrase-42" } });
    expect(refused.status).toBe(429);
    const retry = Number(refused.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    expect(refused.json?.message).toMatch(/^Too many accounts were made from your network recently\. Try again in \d+ (minutes|seconds|hour)\.$/);
    expect(refused.setCookies.filter((c) => c.startsWith(SESSION_COOKIE))).toEqual([]);
    expect(userByUsername(second)).toBeUndefined();
    expect(windows().find((w) => w.key === hour.key)?.count).toBe(1_000_000_000);
  } finally {
    fill(hour.count);
  }
});

test("signing out with an older token ends the token /api/viewer rolled it into", async () => {
  const [m] = createMembers("roll");
  // Issued two days ago and never named: /api/viewer renews it.
  const older = `${SESSION_COOKIE}=${await sessionTokenWith(m!.id, {}, Date.now() - 2 * 86_400_000)}`;
  const viewed = await send("/api/viewer", { cookie: older });
  expect((viewed.json as { user: { username: string } }).user.username).toBe(m!.username);
  const set = viewed.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(set, "a renewed session cookie").toBeDefined();
  const rolled = set!.split(";")[0]!;
  expect((await sessionClaimsOf(rolled)).jti).not.toBe((await sessionClaimsOf(older)).jti);
  expect(await viewerName(rolled)).toBe(m!.username);

  expect((await signOut(older)).status).toBe(200);
  expect(await viewerName(older)).toBeNull();
  expect(await viewerName(rolled)).toBeNull();
  const key = (await sessionClaimsOf(older)).jti as string;
  const row = withDb((db) => db.prepare("select expires_at from revoked_sessions where id = ?").get(key) as { expires_at: number } | undefined);
  expect(row?.expires_at).toBeGreaterThan(((await sessionClaimsOf(rolled)).exp as number) * 1000);
});

test("a session cookie split in pieces is read, ended at sign-out, and refused when replayed", async () => {
  const [m] = createMembers("chunk");
  const sid = `chunked-${m!.id}`;
  const token = await sessionTokenWith(m!.id, { sid, picture: `https://img.example/${"p".repeat(6000)}` });
  // Split as Auth.js splits a token too big for one cookie (@auth/core lib/utils/cookie.js).
  const size = 3936;
  const pieces = Array.from({ length: Math.ceil(token.length / size) }, (_, i) => `${SESSION_COOKIE}.${i}=${token.slice(i * size, (i + 1) * size)}`);
  expect(pieces.length).toBeGreaterThan(1);
  const cookie = pieces.join("; ");
  expect(await viewerName(cookie)).toBe(m!.username);

  const out = await signOut(cookie);
  expect(out.status).toBe(200);
  expect(withDb((db) => db.prepare("select count(*) as n from revoked_sessions where id = ?").get(sid))).toEqual({ n: 1 });
  expect(await viewerName(cookie)).toBeNull();
  const replayed = await send("/api/settings/profile", { cookie, form: { name: "Replayed", bio: "" } });
  expect(replayed.status).toBe(401);
  expect(withDb((db) => db.prepare("select name from users where id = ?").get(m!.id))).toEqual({ name: m!.name });
});
