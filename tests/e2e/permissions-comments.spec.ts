import { expect, test } from "@playwright/test";
import { allowed, call, noWrite, perActor, refused, runMatrix, type Answer, type Who } from "./helpers/matrix";
import { matrixFixtures, commentEditedBy, isDeletedComment } from "./helpers/matrix-fixtures";
import { row } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: every
// route that writes a comment (create, edit, delete, the sign-in handoff) × anonymous, an unrelated
// member, the comment's author, the author of the review it sits under, a moderator, an admin and a
// suspended member. A refusal must leave every table as it was (row count and a hash of the rows);
// an allowed action must make its change. The cast and targets are this spec's own
// (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part of the matrix as a table.

const M = matrixFixtures();
const RUN = M.run;

test("comments: create, edit, delete and the sign-in handoff × every actor", async () => {
  const { who, reviews, comments } = M.fixtures;
  const C = "POST /api/comments";
  const post = (w: Who | null, label: string, html = false) => () =>
    call("/api/comments", { who: w, html, form: { reviewId: String(reviews.vote.id), parentId: "", body: `A comment by ${label} (${RUN}).` } });
  const posted = (w: Who) => (a: Answer) => {
    const id = Number((a.json?.data as { comment?: { id?: number } } | undefined)?.comment?.id);
    const r = row("select author_id as author, post_id as review, deleted_at as deleted, (select count(*) from comment_revisions r where r.comment_id = c.id) as revisions from comments c where id = ?", id);
    expect.soft(r, `${C} as ${w.username}`).toEqual({ author: w.id, review: reviews.vote.id, deleted: null, revisions: 1 });
  };

  const E = "POST /api/comments/[id]/edit";
  const bodyBy = (label: string) => `Edited by ${label} (${RUN}).`;
  const edit = (w: Who | null, id: number, label: string) => () => call(`/api/comments/${id}/edit`, { who: w, form: { body: bodyBy(label) } });
  const editAllowed = (w: Who, label: string) => allowed(200, edit(w, comments.edit, label), commentEditedBy(comments.edit, w, bodyBy(label), `${E} as ${label}`));

  const D = "POST /api/comments/[id]/delete";
  const del = (w: Who | null, id: number, html = false) => () => call(`/api/comments/${id}/delete`, { who: w, html });
  const gone = (id: number, label: string) => () => expect.soft(isDeletedComment(id), `${D} as ${label}`).toBe(true);

  const H = "POST /api/comments/handoff";
  const handoff = (w: Who | null) => () =>
    call("/api/comments/handoff", { who: w, html: true, form: { to: "signup", reviewId: String(reviews.vote.id), parentId: "", body: `Kept for later (${RUN}).` } });
  const toSignUp = { location: /^\/signup\?callbackUrl=%2Freviews%2F/ };
  const noTarget = "no target: as member";

  await runMatrix("Comments", [
    ...perActor(C, {
      anonymous: refused(401, post(null, "anonymous")),
      member: allowed(200, post(who.member, "member"), posted(who.member)),
      author: allowed(200, post(who.author, "the review's author"), posted(who.author)),
      "other member": allowed(200, post(who["other member"], "other member"), posted(who["other member"])),
      moderator: allowed(200, post(who.moderator, "moderator"), posted(who.moderator)),
      admin: allowed(200, post(who.admin, "admin"), posted(who.admin)),
      suspended: refused(401, post(who.suspended, "suspended")),
    }),
    { route: `${C} (form)`, actor: "anonymous", ...refused(401, post(null, "anonymous form", true)) },
    ...perActor(E, {
      anonymous: refused(401, edit(null, comments.edit, "anonymous")),
      member: refused(403, edit(who.member, comments.edit, "member")),
      author: editAllowed(who.author, "author"),
      "other member": refused(403, edit(who["other member"], comments.edit, "the review's author")),
      moderator: editAllowed(who.moderator, "moderator"),
      admin: editAllowed(who.admin, "admin"),
      suspended: refused(401, edit(who.suspended, comments.own, "suspended (own comment)")),
    }),
    ...perActor(D, {
      anonymous: refused(401, del(null, comments.edit)),
      member: refused(403, del(who.member, comments.edit)),
      author: allowed(200, del(who.author, comments.delAuthor), gone(comments.delAuthor, "author")),
      "other member": refused(403, del(who["other member"], comments.edit)),
      moderator: allowed(200, del(who.moderator, comments.delModerator), gone(comments.delModerator, "moderator")),
      admin: allowed(200, del(who.admin, comments.delAdmin), gone(comments.delAdmin, "admin")),
      suspended: refused(401, del(who.suspended, comments.own)),
    }),
    { route: `${D} (form)`, actor: "member", ...refused(403, del(who.member, comments.edit, true)) },
    // The handoff only keeps a draft in memory and redirects: it writes no row for anyone.
    ...perActor(H, {
      anonymous: noWrite(303, handoff(null), toSignUp),
      member: noWrite(303, handoff(who.member), toSignUp),
      author: noTarget,
      "other member": noTarget,
      moderator: noWrite(303, handoff(who.moderator), toSignUp),
      admin: noWrite(303, handoff(who.admin), toSignUp),
      suspended: noWrite(303, handoff(who.suspended), toSignUp),
    }),
  ]);
  expect(isDeletedComment(comments.edit), "the comment others tried to delete").toBe(false);
  expect(isDeletedComment(comments.own), "the suspended member's comment").toBe(false);
});
