import { expect, request as playwrightRequest, test } from "@playwright/test";
import { createMembers, E2E_ORIGIN, sessionClaimsOf, unique, type MemberE2E } from "./helpers";
import { allowed, call, issuesSession, noWrite, perActor, refused, runMatrix, type Answer, type Line, type Who } from "./helpers/matrix";
import { matrixFixtures, asWho, mintTicket, PASSWORD } from "./helpers/matrix-fixtures";
import { row } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server:
// signing up, in and out, Auth.js's credentials endpoint and the provider
// sign-in × every actor, then sessions replayed after they ended. A refusal must leave every table
// as it was (row count and a hash of the rows); an allowed action must make its change. The cast
// and targets are this spec's own (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part
// of the matrix as a table.

const M = matrixFixtures();

test("sign-up, sign-in, sign-out, Auth.js's own endpoint and the provider sign-in", async () => {
  const { who, signer } = M.fixtures;
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
      suspended: refused(403, signin(null, who.suspended.username, PASSWORD, "203.0.113.11"), { mayTouch: ["rate_windows"] }),
    }),
    { route: "POST /api/signin", actor: "anonymous (wrong password)", ...refused(401, signin(null, signer.username, "not-the-password-1", "203.0.113.12"), { mayTouch: ["rate_windows"] }) },
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
  await runMatrix("Accounts", lines);

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
  const vote = (w: Who) => () => call("/api/votes", { who: w, form: { type: "review", id: String(M.fixtures.reviews.vote.id), value: "up", back: "/" } });
  await runMatrix("Replayed sessions", [
    { route: "POST /api/settings/profile", actor: "cookie from before sign-out", ...refused(401, profile(out!)) },
    { route: "POST /api/votes", actor: "cookie from before sign-out", ...refused(401, vote(out!)) },
    { route: "POST /api/settings/profile", actor: "cookie from before a new password", ...refused(401, profile(changed!)) },
    { route: "POST /api/votes", actor: "cookie from before a new password", ...refused(401, vote(changed!)) },
    { route: "POST /api/settings/profile", actor: "cookie of a deleted account", ...refused(401, profile(gone!)) },
    { route: "POST /api/votes", actor: "cookie of a deleted account", ...refused(401, vote(gone!)) },
  ]);
});
