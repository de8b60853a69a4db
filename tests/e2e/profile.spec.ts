import { expect, test } from "@playwright/test";
import { withDb } from "./helpers";

type Counts = { id: string; name: string; reviews: number; comments: number; upvotes: number };

const countsOf = (username: string) =>
  withDb(
    (db) =>
      db
        .prepare(
          `select u.id, u.name, u.upvotes_received as upvotes,
             (select count(*) from posts p where p.author_id = u.id and p.status = 'published') as reviews,
             (select count(*) from comments c join posts p on p.id = c.post_id
               where c.author_id = u.id and c.deleted_at is null and p.status = 'published') as comments
           from users u where u.username = ?`,
        )
        .get(username) as Counts,
  );

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

test("a review's byline leads to its author's profile, with their counts, reviews and comments", async ({ page }) => {
  const slug = withDb(
    (db) =>
      db
        .prepare(`select p.slug from posts p join users u on u.id = p.author_id where u.username = 'tobias_renner' and p.status = 'published' order by p.id limit 1`)
        .pluck()
        .get() as string,
  );
  const c = countsOf("tobias_renner");
  await page.goto(`/reviews/${slug}`);
  await page.locator(".review__header .byline").getByRole("link", { name: c.name }).click();
  await expect(page).toHaveURL(/\/u\/tobias_renner$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(c.name);
  const counts = page.getByRole("list", { name: "Counts" });
  await expect(counts).toContainText(plural(c.reviews, "review", "reviews"));
  await expect(counts).toContainText(plural(c.comments, "comment", "comments"));
  await expect(counts).toContainText(plural(c.upvotes, "upvote received", "upvotes received"));
  await expect(page.locator(".review-card")).toHaveCount(Math.min(c.reviews, 20));

  await page.getByRole("link", { name: "Comments", exact: true }).click();
  await expect(page).toHaveURL(/\/u\/tobias_renner\/comments$/);
  await expect(page.locator(".profile-comment")).toHaveCount(Math.min(c.comments, 20));
  // A comment's author name on a review page leads to the same kind of page.
  await page.locator(".profile-comment a[href^='/reviews/']").first().click();
  // Next keeps the page left behind in the document, hidden: only look at what is shown.
  const commenter = page.locator(".comment__author").filter({ visible: true }).first();
  const href = await commenter.getAttribute("href");
  expect(href).toMatch(/^\/u\/[a-z_]+$/);
  await commenter.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
});

test("an unknown member's profile is a 404", async ({ page }) => {
  const res = await page.goto("/u/nobody_by_that_name");
  expect(res?.status()).toBe(404);
});
