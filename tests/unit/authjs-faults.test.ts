import { afterEach, describe, expect, it, vi } from "vitest";
import { CallbackRouteError, CredentialsSignin, InvalidCallbackUrl, JWTSessionError, MissingSecret, SignOutError, UnknownAction } from "@auth/core/errors";
import { authjsLogger, requestFault, withAuthjsLog } from "@/lib/auth/authjs-log";
import { refusalLine } from "@/lib/http/refusal";
import { judgedCallbackQuery, judgedCookieHeader } from "@/lib/auth/callback-url";
import { decode, UnreadableToken } from "@/lib/auth/jwt-codec";
import { getEnv } from "@/lib/env";

afterEach(() => vi.restoreAllMocks());

// How Auth.js wraps what it caught: the error itself in place of the message (its types say a string).
const wrapping = <T>(Kind: new (message?: string) => T, err: unknown) => new Kind(err as string);

describe("callback addresses judged before Auth.js sees them", () => {
  const origin = () => getEnv().siteOrigin;
  const query = (q: string) => judgedCallbackQuery(new URL(`${origin()}/api/auth/session?${q}`))?.searchParams.getAll("callbackUrl") ?? null;

  it.each([
    ["a bare word", "2lvC", ["/2lvC"]],
    ["a script address", "javascript%3Aalert(1)", ["/"]],
    ["another host", "https%3A%2F%2Fevil.example%2F", ["/"]],
    ["a tab that makes //evil", "%2F%09%2Fevil.example", ["/"]],
    ["a backslash", "%5C%5Cevil.example", ["/"]],
  ])("replaces %s by the judged path", (_, raw, judged) => {
    expect(query(`callbackUrl=${raw}`)).toEqual(judged);
  });

  it("judges the last of repeated fields (the one Auth.js reads) and keeps only it", () => {
    expect(query("callbackUrl=%2Freviews&callbackUrl=%5C%5Cevil.example")).toEqual(["/"]);
    expect(query("callbackUrl=%5C%5Cevil.example&callbackUrl=%2Freviews")).toEqual(["/reviews"]);
  });

  it("leaves a good path, an empty field and no field alone", () => {
    expect(query("callbackUrl=%2Freviews%3Fsort%3Dnew")).toBeNull();
    expect(query("callbackUrl=")).toBeNull();
    expect(query("error=x")).toBeNull();
  });

  it("replaces a bad callback cookie, under either name, by the address Auth.js would store", () => {
    const header = judgedCookieHeader("a=1; authjs.callback-url=2lvC; __Secure-authjs.callback-url=javascript%3Ax; b=2")!;
    expect(header).toBe(`a=1; authjs.callback-url=${encodeURIComponent(`${origin()}/2lvC`)}; __Secure-authjs.callback-url=${encodeURIComponent(`${origin()}/`)}; b=2`);
    expect(judgedCookieHeader(`authjs.callback-url=http%3A%2F%2Fevil.example%2F%E0%A4%A`)).toBe(`authjs.callback-url=${encodeURIComponent(`${origin()}/`)}`);
  });

  it("leaves a good callback cookie and other cookies alone", () => {
    expect(judgedCookieHeader(`authjs.callback-url=${encodeURIComponent(`${origin()}/films`)}; x=2lvC`)).toBeNull();
    expect(judgedCookieHeader("authjs.session-token=garbage")).toBeNull();
    expect(judgedCookieHeader(null)).toBeNull();
  });
});

describe("Auth.js's log", () => {
  const garbage = () => decode({ token: "garbage", secret: "s".repeat(40), salt: "authjs.session-token" }).catch((err: unknown) => err);

  it("reads every failure to decode a cookie as an unreadable token", async () => {
    expect(await garbage()).toBeInstanceOf(UnreadableToken);
    expect(await decode({ token: "bm90IGpzb24.x.y.z.w", secret: "s".repeat(40), salt: "authjs.session-token" }).catch((e: unknown) => e)).toBeInstanceOf(UnreadableToken);
  });

  it("tells a request's faults from the server's", async () => {
    expect(requestFault(wrapping(JWTSessionError, await garbage()))).toBe("unreadable session cookie");
    expect(requestFault(wrapping(SignOutError, await garbage()))).toBe("unreadable session cookie");
    expect(requestFault(new UnknownAction("Cannot parse action at /api/auth/nope"))).toBe("no such Auth.js action");
    expect(requestFault(new CredentialsSignin())).toBe("credentials refused");
    expect(requestFault(new Error('Provider with id "nope" not found. Available providers: [credentials].'))).toBe("no such sign-in provider");
    expect(requestFault(new InvalidCallbackUrl("Invalid callback URL. Received: 2lvC"))).toBe("invalid callback address");
    // The jwt callback failing (the database, say) is the server's fault, though Auth.js wraps it the same way.
    expect(requestFault(wrapping(JWTSessionError, new Error("SQLITE_BUSY: database is locked")))).toBeNull();
    const oauth = (code: string) => Object.assign(new Error('response parameter "iss" (issuer) missing'), { code });
    expect(requestFault(wrapping(CallbackRouteError, oauth("OAUTH_INVALID_RESPONSE")))).toBe("OAuth callback refused (OAUTH_INVALID_RESPONSE)");
    expect(requestFault(wrapping(CallbackRouteError, oauth("OAUTH_INVALID_SERVER_METADATA")))).toBeNull();
    expect(requestFault(wrapping(CallbackRouteError, new Error("SQLITE_CORRUPT")))).toBeNull();
    expect(requestFault(new MissingSecret("Please define a `secret`"))).toBeNull();
  });

  it("writes one short line per refused request, without the client's text, and a server fault whole", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const req = new Request("http://localhost/api/auth/x%0Aforged?token=secret-token", { headers: { cookie: "authjs.session-token=garbage" } });
    const res = await withAuthjsLog(req, async () => {
      authjsLogger.error(wrapping(JWTSessionError, await garbage()));
      authjsLogger.error(new UnknownAction("Cannot parse action at /api/auth/x"));
      return new Response(null, { status: 400 });
    });
    expect(res.status).toBe(400);
    expect(warn).toHaveBeenCalledTimes(1);
    const line = String(warn.mock.calls[0]![0]);
    expect(line).toBe("marquee: refused GET /api/auth/x%0Aforged 400 auth from local: unreadable session cookie; no such Auth.js action");
    expect(line).not.toMatch(/garbage|secret-token|\n/);
    expect(error).not.toHaveBeenCalled();

    authjsLogger.error(wrapping(JWTSessionError, new Error("SQLITE_BUSY: database is locked")));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]!.some((part) => part instanceof Error && /SQLITE_BUSY/.test(part.message))).toBe(true);
  });

  it("keeps a line's client-chosen parts printable and short", () => {
    const req = { method: "GE\nT", url: `http://localhost/${"a".repeat(500)}`, headers: new Headers({ "x-marquee-client-address": "1.2.3.4" }) };
    const line = refusalLine(req, "auth", 413, "oversized body");
    expect(line).toMatch(/^marquee: refused GE\?T \/a{199}… 413 auth from 1\.2\.3\.4: oversized body$/);
  });
});
