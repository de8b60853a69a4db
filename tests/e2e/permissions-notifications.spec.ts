import { expect, test } from "@playwright/test";
import { withDb } from "./helpers";
import { allowed, call, noWrite, perActor, refused, runMatrix, type Answer, type Who } from "./helpers/matrix";
import { matrixFixtures } from "./helpers/matrix-fixtures";
import { noticeReadAt as readAt, row } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: the
// preview, reading and opening notices, and the film suggestions × every actor: a notice is its
// recipient's alone. A refusal must leave every table as it was (row count and a hash of the rows);
// an allowed action must make its change. The cast and targets are this spec's own
// (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part of the matrix as a table.

const M = matrixFixtures();

test("preview, notifications and films × every actor", async () => {
  const { who, notices } = M.fixtures;
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
