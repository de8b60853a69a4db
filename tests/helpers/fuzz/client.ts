import { randomBytes } from "node:crypto";
import type { FuzzRequest } from "./requests";

// Sending fuzz requests to the e2e server and signing members in through the real routes.

export type Answer = { status: number; ms: number; text: string; location: string | null; timedOut: boolean };

/** How long a frozen server is waited for before the request is called lost (the spec asks for 1 s). */
const GIVE_UP_MS = 15_000;

export async function send(base: string, req: FuzzRequest, cookie: string | null): Promise<Answer> {
  const headers = { ...req.headers, ...(cookie ? { cookie } : {}) };
  let body: BodyInit | null = null;
  if (req.body && req.chunked) {
    const bytes = req.body;
    // A stream has no length: fetch sends it chunked, as a client that hides the size would.
    body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.byteLength; at += 64 * 1024) controller.enqueue(bytes.subarray(at, at + 64 * 1024));
        controller.close();
      },
    });
  } else if (req.body) body = req.body as Uint8Array<ArrayBuffer>;
  const t0 = performance.now();
  try {
    const res = await fetch(base + req.path, {
      method: req.method,
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(GIVE_UP_MS),
      ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
    } as RequestInit);
    const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
    return { status: res.status, ms: performance.now() - t0, text, location: res.headers.get("location"), timedOut: false };
  } catch (err) {
    // The server may cut a body it refused before reading it all: that is an answer, not a hang.
    const ms = performance.now() - t0;
    const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
    const cause = err instanceof Error && err.cause instanceof Error ? ` (${(err.cause as Error & { code?: string }).code ?? ""} ${err.cause.message})` : "";
    return { status: timedOut ? 0 : -1, ms, text: `${String(err)}${cause}`, location: null, timedOut };
  }
}

const sessionCookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?=./.test(c))
    .join("; ");

const formPost = (base: string, path: string, fields: Record<string, string>, cookie?: string) =>
  fetch(base + path, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: base, ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });

export type Member = { username: string; password: string; cookie: string };

/** A new member, made through POST /api/signup. */
export async function signUpVia(base: string, prefix: string): Promise<Member> {
  const username = `${prefix}_${randomBytes(4).toString("hex")}`;
  const password = `fuzz-${randomBytes(9).toString("base64url")}`;
  const res = await formPost(base, "/api/signup", { username, email: `${username}@example.com`, password });
  const cookie = sessionCookieOf(res);
  if (res.status !== 200 || !cookie) throw new Error(`signing up ${username}: ${res.status} ${await res.text()}`);
  return { username, password, cookie };
}

/** A session for a member, through POST /api/signin. */
export async function signInVia(base: string, m: { username: string; password: string }): Promise<string> {
  const res = await formPost(base, "/api/signin", { identifier: m.username, password: m.password });
  const cookie = sessionCookieOf(res);
  if (res.status !== 200 || !cookie) throw new Error(`signing in ${m.username}: ${res.status} ${await res.text()}`);
  return cookie;
}

/** A form post as a member, expecting success; answers the JSON the page's script would get. */
export async function postAs(base: string, cookie: string, path: string, fields: Record<string, string>): Promise<{ redirect: string; data?: Record<string, unknown> }> {
  const res = await formPost(base, path, fields, cookie);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as { redirect: string; data?: Record<string, unknown> };
}

/** Who the server thinks sends this cookie (null: nobody). */
export async function viewerName(base: string, cookie: string): Promise<string | null> {
  const res = await fetch(`${base}/api/viewer`, { headers: { cookie } });
  const answer = (await res.json()) as { user: { username: string } | null };
  return answer.user?.username ?? null;
}
