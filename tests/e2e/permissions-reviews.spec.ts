import { expect, test } from "@playwright/test";
import { allowed, call, perActor, refused, runMatrix, slugOf, type Answer, type Item, type Who } from "./helpers/matrix";
import { matrixFixtures, reviewEditedBy, reviewFormFor } from "./helpers/matrix-fixtures";
import { reviewStatus, row } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: every
// route that writes a review (create, edit, delete) × anonymous, an unrelated member, the review's
// author, another member, a moderator, an admin and a suspended member. A refusal must leave every
// table as it was (row count and a hash of the rows); an allowed action must make its change. The
// cast and targets are this spec's own (tests/e2e/helpers/matrix-fixtures.ts); each test prints its
// part of the matrix as a table.

const M = matrixFixtures();
const RUN = M.run;
const reviewForm = reviewFormFor(RUN);

test("reviews: create, edit and delete × every actor", async () => {
  const { who, reviews } = M.fixtures;
  const R = "POST /api/reviews";
  const create = (w: Who | null, label: string) => () => call("/api/reviews", { who: w, form: reviewForm(label) });
  const created = (w: Who) => (a: Answer) => {
    const r = row("select p.author_id as author, p.status, (select count(*) from post_revisions r where r.post_id = p.id) as revisions from posts p where slug = ?", slugOf(a));
    expect.soft(r, `${R} as ${w.username}`).toEqual({ author: w.id, status: "published", revisions: 1 });
  };
  const noTarget = "no target: as member";

  const E = "POST /api/reviews/[slug]/edit";
  const edit = (w: Who | null, item: Item, label: string, html = false) => () => call(`/api/reviews/${item.slug}/edit`, { who: w, form: reviewForm(label), html });
  const editAllowed = (w: Who, label: string) =>
    allowed(200, edit(w, reviews.edit, label), reviewEditedBy(reviews.edit, w, reviewForm(label).body, `${E} as ${label}`));

  const D = "POST /api/reviews/[slug]/delete";
  const del = (w: Who | null, item: Item) => () => call(`/api/reviews/${item.slug}/delete`, { who: w });
  const deleted = (item: Item, label: string) => () => expect.soft(reviewStatus(item.id), `${D} as ${label}`).toBe("deleted");

  await runMatrix("Reviews", [
    ...perActor(R, {
      anonymous: refused(401, create(null, "by nobody")),
      member: allowed(200, create(who.member, "new by member"), created(who.member)),
      author: noTarget,
      "other member": noTarget,
      moderator: allowed(200, create(who.moderator, "new by moderator"), created(who.moderator)),
      admin: allowed(200, create(who.admin, "new by admin"), created(who.admin)),
      suspended: refused(401, create(who.suspended, "new by suspended")),
    }),
    ...perActor(E, {
      anonymous: refused(401, edit(null, reviews.edit, "anonymous")),
      member: refused(403, edit(who.member, reviews.edit, "member")),
      author: editAllowed(who.author, "author"),
      "other member": refused(403, edit(who["other member"], reviews.edit, "other member")),
      moderator: editAllowed(who.moderator, "moderator"),
      admin: editAllowed(who.admin, "admin"),
      suspended: refused(401, edit(who.suspended, reviews.own, "suspended (own review)")),
    }),
    { route: `${E} (form)`, actor: "other member", ...refused(403, edit(who["other member"], reviews.edit, "other member, form", true)) },
    {
      route: `${E} (form)`,
      actor: "author",
      ...allowed(303, edit(who.author, reviews.edit, "author form", true), reviewEditedBy(reviews.edit, who.author, reviewForm("author form").body, `${E} (form)`), {
        location: `/reviews/${reviews.edit.slug}`,
      }),
    },
    ...perActor(D, {
      anonymous: refused(401, del(null, reviews.edit)),
      member: refused(403, del(who.member, reviews.edit)),
      author: allowed(200, del(who.author, reviews.delAuthor), deleted(reviews.delAuthor, "author")),
      "other member": refused(403, del(who["other member"], reviews.edit)),
      moderator: allowed(200, del(who.moderator, reviews.delModerator), deleted(reviews.delModerator, "moderator")),
      admin: allowed(200, del(who.admin, reviews.delAdmin), deleted(reviews.delAdmin, "admin")),
      suspended: refused(401, del(who.suspended, reviews.own)),
    }),
    { route: `${D} (form)`, actor: "member", ...refused(403, () => call(`/api/reviews/${reviews.edit.slug}/delete`, { who: who.member, html: true })) },
  ]);
  expect(reviewStatus(reviews.edit.id), "the review others tried to delete").toBe("published");
  expect(reviewStatus(reviews.own.id), "the suspended member's review").toBe("published");
});
