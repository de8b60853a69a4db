import { expect, test } from "@playwright/test";
import { createMembers, E2E_ORIGIN, NO_DRIFT, sessionCookie, voteCounterDrift, withDb } from "./helpers";
import { control, reviewVotes, upvotes } from "./helpers/votes";

// Who upvoted a review: fifty a page, newest first, with pages after the first.
//
// Each journey votes on its own seeded review, as members it makes itself (straight into the
// database, signed in with a minted session cookie) unless it is about signing in; its counts are
// read before it starts, so no other journey moves them. Minted members are newcomers: at most
// NEWCOMER_BURST changes a minute (tests/e2e/helpers/votes.ts).

const ANATOMY_KENJI = "anatomy-of-a-fall-a-great-110-minute-film-in-a-151-minute-co"; // kenji_nakamura, no upvotes

test("who upvoted a review: fifty a page, newest first, with pages after the first", async ({ page, request }) => {
  const r = reviewVotes(ANATOMY_KENJI);
  const crowd = createMembers("crowd", 51);
  // One at a time, so "newest first" has an order to check.
  for (const m of crowd) {
    const res = await request.post("/api/votes", {
      headers: { cookie: await sessionCookie(m.id), origin: E2E_ORIGIN, accept: "application/json" },
      form: { type: "review", id: String(r.id), value: "up", back: "/" },
    });
    expect(res.status(), m.username).toBe(200);
  }
  const total = r.upvotes + 51;
  expect(reviewVotes(ANATOMY_KENJI)).toMatchObject({ upvotes: total, received: r.received + 51 });
  // The order the page promises: newest vote first (ties by user id, as lib/votes/queries.ts does).
  const order = withDb(
    (db) =>
      db
        .prepare("select u.username from post_votes v join users u on u.id = v.user_id where v.post_id = ? order by v.created_at desc, u.id desc")
        .all(r.id) as { username: string }[],
  ).map((v) => `@${v.username}`);
  expect(order).toHaveLength(total);
  expect(order[0]).toBe(`@${crowd.at(-1)!.username}`);

  await page.goto(`/reviews/${r.slug}`);
  await expect(control(page, `r${r.id}`).count).toHaveText(upvotes(total));
  await control(page, `r${r.id}`).count.click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes`);
  let voters = page.locator("section.voters").filter({ visible: true });
  await expect(voters.getByRole("heading", { level: 1 })).toHaveText(r.title);
  await expect(voters.getByTestId("voters-total")).toHaveText(`${total} upvotes, newest first. Page 1 of 2.`);
  await expect(voters.locator(".voters__item")).toHaveCount(50);
  expect(await voters.locator(".voters__item .muted:not(time)").allTextContents()).toEqual(order.slice(0, 50));
  const pager = () => page.getByRole("navigation", { name: "Pages of upvotes" }).filter({ visible: true });
  await expect(pager().getByRole("link")).toHaveText(["Older →"]);

  await pager().getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes/2`);
  voters = page.locator("section.voters").filter({ visible: true });
  await expect(voters.getByTestId("voters-total")).toHaveText(`${total} upvotes, newest first. Page 2 of 2.`);
  await expect(voters.locator("ol.voters__list")).toHaveAttribute("start", "51");
  await expect(voters.locator(".voters__item")).toHaveCount(total - 50);
  expect(await voters.locator(".voters__item .muted:not(time)").allTextContents()).toEqual(order.slice(50));
  await expect(pager().getByRole("link")).toHaveText(["← Newer"]);
  await pager().getByRole("link", { name: "← Newer" }).click();
  await expect(page).toHaveURL(`/reviews/${r.slug}/upvotes`);

  // No page past the last, and page 1 lives only at the bare address.
  expect((await page.goto(`/reviews/${r.slug}/upvotes/3`))!.status()).toBe(404);
  expect((await page.goto(`/reviews/${r.slug}/upvotes/1`))!.status()).toBe(404);
  expect(voteCounterDrift()).toEqual(NO_DRIFT);
});
