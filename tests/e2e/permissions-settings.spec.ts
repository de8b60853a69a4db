import { expect, test } from "@playwright/test";
import { allowed, call, issuesSession, perActor, PNG_1PX, refused, runMatrix, type Answer, type Line, type Who } from "./helpers/matrix";
import { matrixFixtures, PASSWORD, SETTINGS_ROUTES } from "./helpers/matrix-fixtures";
import { userRow, type Role } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: every
// settings route × every actor: each signed-in member changes only their own account, whatever the
// form names. A refusal must leave every table as it was (row count and a hash of the rows); an
// allowed action must make its change. The cast and targets are this spec's own
// (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part of the matrix as a table.

const M = matrixFixtures();

test("settings × every actor: each signed-in member changes only their own account", async () => {
  const { who, settings } = M.fixtures;
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
    expect.soft(userRow(M.fixtures.who.author.id)?.name, `${label}: another member untouched`).toBe(M.fixtures.who.author.name);
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
