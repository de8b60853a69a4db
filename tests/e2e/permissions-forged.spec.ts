import { expect, test } from "@playwright/test";
import { allowed, BROWSER_UA, call, MISSING, refused, runMatrix, type Line } from "./helpers/matrix";
import { matrixFixtures, PASSWORD, reviewFormFor } from "./helpers/matrix-fixtures";
import { userRow } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: forged
// ids. Someone else's, unknown, deleted and mismatched targets are refused with the status that
// names why, and change nothing. A refusal must leave every table as it was (row count and a hash
// of the rows); an allowed action must make its change. The cast and targets are this spec's own
// (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part of the matrix as a table.

const M = matrixFixtures();
const RUN = M.run;
const reviewForm = reviewFormFor(RUN);

test("forged ids: someone else's, unknown, deleted and mismatched targets are refused and change nothing", async () => {
  const { who, reviews, comments } = M.fixtures;
  const form = (label: string) => reviewForm(label);
  const cells: Line[] = [
    { route: "POST /api/reviews/[unknown]/edit", actor: "author", ...refused(404, () => call(`/api/reviews/no-such-review-${RUN}/edit`, { who: who.author, form: form("unknown") })) },
    { route: "POST /api/reviews/[id as slug]/edit", actor: "author", ...refused(404, () => call(`/api/reviews/${reviews.edit.id}/edit`, { who: who.author, form: form("id") })) },
    { route: "POST /api/reviews/[deleted]/edit", actor: "author", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/edit`, { who: who.author, form: form("deleted") })) },
    { route: "POST /api/reviews/[deleted]/edit", actor: "moderator", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/edit`, { who: who.moderator, form: form("deleted") })) },
    { route: "POST /api/reviews/[another's draft]/edit", actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.draft.slug}/edit`, { who: who.member, form: form("draft") })) },
    { route: "POST /api/reviews/[another's draft]/delete", actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.draft.slug}/delete`, { who: who.member })) },
    { route: "POST /api/reviews/[unknown]/delete", actor: "admin", ...refused(404, () => call(`/api/reviews/no-such-review-${RUN}/delete`, { who: who.admin })) },
    { route: "POST /api/reviews/[deleted]/delete", actor: "author", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/delete`, { who: who.author })) },
    { route: "POST /api/reviews/[deleted]/delete", actor: "admin", ...refused(410, () => call(`/api/reviews/${reviews.deleted.slug}/delete`, { who: who.admin })) },

    { route: "POST /api/comments/[unknown]/edit", actor: "admin", ...refused(404, () => call(`/api/comments/${MISSING}/edit`, { who: who.admin, form: { body: "Forged." } })) },
    { route: "POST /api/comments/[abc]/edit", actor: "admin", ...refused(404, () => call(`/api/comments/abc/edit`, { who: who.admin, form: { body: "Forged." } })) },
    { route: "POST /api/comments/[deleted]/edit", actor: "author", ...refused(410, () => call(`/api/comments/${comments.deleted}/edit`, { who: who.author, form: { body: "Back again." } })) },
    { route: "POST /api/comments/[deleted]/edit", actor: "moderator", ...refused(410, () => call(`/api/comments/${comments.deleted}/edit`, { who: who.moderator, form: { body: "Back again." } })) },
    { route: "POST /api/comments/[under a deleted review]/edit", actor: "author", ...refused(410, () => call(`/api/comments/${comments.underDeleted}/edit`, { who: who.author, form: { body: "Still here?" } })) },
    { route: "POST /api/comments/[under a deleted review]/delete", actor: "author", ...refused(410, () => call(`/api/comments/${comments.underDeleted}/delete`, { who: who.author })) },
    { route: "POST /api/comments/[unknown]/delete", actor: "admin", ...refused(404, () => call(`/api/comments/${MISSING}/delete`, { who: who.admin })) },
    { route: "POST /api/comments/[-1]/delete", actor: "admin", ...refused(404, () => call(`/api/comments/-1/delete`, { who: who.admin })) },
    { route: "POST /api/comments/[deleted]/delete", actor: "author", ...refused(410, () => call(`/api/comments/${comments.deleted}/delete`, { who: who.author })) },
    { route: "POST /api/comments/[deleted]/delete", actor: "admin", ...refused(410, () => call(`/api/comments/${comments.deleted}/delete`, { who: who.admin })) },

    ...(
      [
        ["unknown review", { reviewId: String(MISSING), parentId: "" }, 404],
        ["draft review", { reviewId: String(reviews.draft.id), parentId: "" }, 404],
        ["deleted review", { reviewId: String(reviews.deleted.id), parentId: "" }, 410],
        ["parent on another review", { reviewId: String(reviews.vote.id), parentId: String(comments.edit) }, 422],
        ["deleted parent", { reviewId: String(reviews.host.id), parentId: String(comments.deleted) }, 410],
        ["unknown parent", { reviewId: String(reviews.host.id), parentId: String(MISSING) }, 404],
      ] as const
    ).map(([what, ids, status]) => ({
      route: `POST /api/comments (${what})`,
      actor: "member",
      ...refused(status, () => call("/api/comments", { who: who.member, form: { ...ids, body: `Forged target: ${what} (${RUN}).` } })),
    })),

    ...(
      [
        ["unknown review", "review", MISSING, 404],
        ["unknown comment", "comment", MISSING, 404],
        ["draft review", "review", reviews.draft.id, 404],
        ["deleted review", "review", reviews.deleted.id, 410],
        ["deleted comment", "comment", comments.deleted, 410],
        ["comment under a deleted review", "comment", comments.underDeleted, 410],
      ] as const
    ).map(([what, type, id, status]) => ({
      route: `POST /api/votes (${what})`,
      actor: "member",
      ...refused(status, () => call("/api/votes", { who: who.member, form: { type, id: String(id), value: "up", back: "/" } })),
    })),

    ...(
      [
        ["unknown review", MISSING],
        ["draft review", reviews.draft.id],
        ["deleted review", reviews.deleted.id],
      ] as const
    ).map(([what, id]) => ({
      route: `POST /api/views (${what})`,
      actor: "member",
      ...refused(404, () => call("/api/views", { who: who.member, data: { postId: id }, headers: { "user-agent": BROWSER_UA } })),
    })),

    { route: "POST /api/notifications/read (unknown)", actor: "author", ...refused(404, () => call("/api/notifications/read", { who: who.author, form: { id: String(MISSING) } })) },
    { route: "POST /api/notifications/[unknown]", actor: "author", ...refused(404, () => call(`/api/notifications/${MISSING}`, { who: who.author, html: true })) },

    // Settings take no target: an id, a username or a role in the form is ignored.
    {
      route: "POST /api/settings/profile (forged id, username, role)",
      actor: "member",
      ...allowed(
        200,
        () => call("/api/settings/profile", { who: who.member, form: { id: who.author.id, userId: who.author.id, username: who.author.username, role: "admin", name: `Forged ${RUN}`, bio: "" } }),
        () => {
          expect.soft(userRow(who.member.id)?.name, "the member's own name").toBe(`Forged ${RUN}`);
          expect.soft(userRow(who.member.id)?.role, "the member's role").toBe("member");
          expect.soft(userRow(who.author.id)?.name, "the author's name").toBe(who.author.name);
        },
      ),
    },
    { route: "POST /api/settings/delete (another's username)", actor: "member", ...refused(422, () => call("/api/settings/delete", { who: who.member, form: { username: who.author.username, currentPassword: "" } })) },
    // A signed-out commenter may sign in from the comment form: a suspended member may not.
    {
      route: "POST /api/comments (suspended's password)",
      actor: "anonymous",
      ...refused(403, () => call("/api/comments", { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Back from suspension (${RUN}).`, identifier: who.suspended.username, password: PASSWORD }, headers: { "x-forwarded-for": "203.0.113.20" } }), { mayTouch: ["rate_windows"] }),
    },
    {
      route: "POST /api/comments (wrong password)",
      actor: "anonymous",
      ...refused(401, () => call("/api/comments", { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Guessing (${RUN}).`, identifier: who.author.username, password: "not-the-password-1" }, headers: { "x-forwarded-for": "203.0.113.21" } }), { mayTouch: ["rate_windows"] }),
    },
  ];
  await runMatrix("Forged ids", cells);
});
