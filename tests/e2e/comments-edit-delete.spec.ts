import { expect, test } from "@playwright/test";
import { commentById, DEMO_PASSWORD, signIn, unique, withDb } from "./helpers";
import { commentEl, commentPost, expectCountersHold, ownActions, ownBody, ownMeta, review, stored } from "./helpers/comments";

// Editing a comment after the grace window (a revision and its history) and deleting comments with
// and without replies.
//
// Each journey works on its own seeded review (lib/seed/content/threads/), so the counts it checks are
// not moved by another; every body is unique (the same body twice in five minutes is refused) and
// the server runs with no interval between comments (playwright.config.ts).

const ANATOMY_COLD = "anatomy-of-a-fall-left-me-cold-and-i-ve-thought-hard-about-w"; // mara_kowalczyk

test("edit after the grace window marks “(edited)” with a history; deleting a comment with a reply leaves “[deleted]”", async ({ page }) => {
  const r = review(ANATOMY_COLD);
  await signIn(page, "hollis_greer", DEMO_PASSWORD, "Hollis Greer");
  await page.goto(`/reviews/${r.slug}`);
  const form = page.getByTestId("comment-form");
  const tag = unique("ed");
  const first = `The courtroom scenes play like a lecture about the dog ${tag}`;
  await form.getByLabel("Your comment").fill(first);
  let answer = commentPost(page);
  await form.getByRole("button", { name: "Post comment" }).click();
  expect((await answer).status()).toBe(200);
  const a = stored(first);
  const aEl = commentEl(page, a.id);
  await expect(ownBody(aEl)).toHaveText(first);

  // A reply to it, so that deleting it later keeps something below.
  await page.getByTestId(`reply-${a.id}`).click();
  const reply = `Though the dog gets the best performance in it ${tag}`;
  await page.getByTestId(`reply-form-${a.id}`).locator(`#reply-${a.id}-body`).fill(reply);
  answer = commentPost(page);
  await page.getByTestId(`reply-form-${a.id}`).getByRole("button", { name: "Post reply" }).click();
  expect((await answer).status()).toBe(200);
  const b = stored(reply);
  await expect(ownBody(aEl.locator(`#comment-${b.id}`))).toHaveText(reply);
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count + 2);

  // Past EDIT_GRACE_SECONDS (2 s in playwright.config.ts), an edit is a new revision.
  await page.waitForTimeout(2_500);
  await ownActions(aEl).getByRole("link", { name: "Edit" }).click();
  await expect(page).toHaveURL(`/comments/${a.id}/edit`);
  const edit = page.getByTestId("comment-edit-form");
  await expect(edit.getByLabel("Your comment")).toHaveValue(first);
  const second = `The courtroom scenes play like a seminar about the dog ${tag}`;
  await edit.getByLabel("Your comment").fill(second);
  await edit.getByLabel("Reason for the edit (optional)").fill("Lecture was unfair");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${a.id}`);
  await expect(ownBody(aEl)).toHaveText(second);
  const edited = ownMeta(aEl).getByRole("link", { name: "(edited)" });
  await expect(edited).toBeVisible();
  await expect(ownMeta(aEl.locator(`#comment-${b.id}`)).getByRole("link", { name: "(edited)" })).toHaveCount(0);
  const aRow = commentById(a.id)!;
  expect(aRow.revision_count).toBe(2);
  expect(aRow.edited_at).not.toBeNull();
  expect(aRow.body_md).toBe(second);
  const revisions = withDb((db) => db.prepare("select number, reason, body_md from comment_revisions where comment_id = ? order by number").all(a.id));
  expect(revisions).toEqual([
    { number: 1, reason: null, body_md: first },
    { number: 2, reason: "Lecture was unfair", body_md: second },
  ]);

  await edited.click();
  await expect(page).toHaveURL(`/comments/${a.id}/revisions`);
  await expect(page.getByRole("heading", { level: 1, name: "Comment history" })).toBeVisible();
  await expect(page.getByText("2 revisions, newest first.")).toBeVisible();
  await expect(page.getByText("Reason: Lecture was unfair")).toBeVisible();
  await expect(page.locator("#revision-2 ins").filter({ hasText: "seminar" })).toBeVisible();
  await expect(page.locator("#revision-2 del").filter({ hasText: "lecture" })).toBeVisible();

  // Delete the comment that has a reply: "[deleted]" stays above the reply.
  await page.goto(`/reviews/${r.slug}`);
  await ownActions(aEl).getByRole("link", { name: "Delete" }).click();
  await expect(page).toHaveURL(`/comments/${a.id}/delete`);
  await expect(page.getByText("It has a reply, which stays")).toBeVisible();
  await page.getByTestId("confirm-delete").click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comments`);
  await expect(ownBody(aEl)).toHaveText("[deleted]");
  await expect(ownMeta(aEl)).toContainText("[deleted]");
  await expect(aEl).not.toContainText(second);
  await expect(ownActions(aEl)).toHaveCount(0);
  await expect(ownBody(aEl.locator(`#comment-${b.id}`))).toHaveText(reply);
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count + 1} comments`);
  expect(commentById(a.id)!.deleted_at).not.toBeNull();
  expect(commentById(b.id)).toMatchObject({ deleted_at: null, parent_id: a.id, body_md: reply });
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count + 1);
  expectCountersHold(r.id);

  // Then the reply: with nothing left below it, the "[deleted]" comment goes too.
  await ownActions(commentEl(page, b.id)).getByRole("link", { name: "Delete" }).click();
  await expect(page.getByText("It will disappear from the discussion.")).toBeVisible();
  await page.getByTestId("confirm-delete").click();
  await page.waitForURL((u) => u.pathname !== `/comments/${b.id}/delete`);
  await page.goto(`/reviews/${r.slug}`);
  await expect(page.getByTestId("comments-heading")).toHaveText(`${r.comment_count} comments`);
  await expect(commentEl(page, a.id)).toHaveCount(0);
  await expect(commentEl(page, b.id)).toHaveCount(0);
  expect(commentById(b.id)!.deleted_at).not.toBeNull();
  expect(review(ANATOMY_COLD).comment_count).toBe(r.comment_count);
  expectCountersHold(r.id);
});
