import { expect, test } from "@playwright/test";
import { commentById, DEMO_PASSWORD, unique, withDb, type CommentRowE2E } from "./helpers";
import { background, commentEl, commentPost, deepestComment, descendantsOf, expectCountersHold, focusOf, ownBody, ownMeta, pathIds, review, stored, targetId, topLevelIds } from "./helpers/comments";


// Reading a review's discussion: continue-thread pages of a deep thread, “view full context”,
// permalink anchors, a reply deeper than the review page shows, and the sort links.
//
// Each journey works on its own seeded review (lib/seed/content/threads/), so the counts it checks are
// not moved by another; every body is unique (the same body twice in five minutes is refused) and
// the server runs with no interval between comments (playwright.config.ts).

const DEEP_THREAD = "spirited-away-gorgeous-and-twenty-minutes-too-long"; // kenji_nakamura: a 13-level thread
const SPIRITED_AWAY = "spirited-away-is-the-best-animated-film-ever-made-and-i-will"; // mara_kowalczyk
const SOLARIS_SOUND = "solaris-is-a-film-you-hear-before-you-understand-it"; // tobias_renner

test("continue-thread pages show a deep thread's ancestors and replies, and lead back up", async ({ page }) => {
  const r = review(DEEP_THREAD);
  // The seeded 13-level chain: the deepest comment's path names every comment above it.
  const deepest = deepestComment(r.id);
  expect(deepest.depth).toBeGreaterThanOrEqual(13);
  const line = pathIds(deepest.path);
  const sixth = commentById(line[5]!)!;

  await page.goto(`/reviews/${r.slug}`);
  const sixthEl = commentEl(page, sixth.id);
  await expect(sixthEl).toBeVisible();
  // Six levels on the review page, then a link.
  await expect(commentEl(page, line[6]!)).toHaveCount(0);
  const cut = descendantsOf(sixth);
  await expect(sixthEl.locator(":scope > .comment__continue")).toContainText(`(${cut} more replies)`);
  await sixthEl.getByRole("link", { name: "Continue this thread →" }).click();
  await expect(page).toHaveURL(`/comments/${sixth.id}`);

  // The five comments it replies to, top-level first.
  const ancestors = page.getByRole("region", { name: "The comments it replies to" });
  await expect(ancestors.locator("article.comment")).toHaveCount(5);
  expect(await ancestors.locator("article.comment").evaluateAll((els) => els.map((e) => e.id))).toEqual(line.slice(0, 5).map((id) => `comment-${id}`));
  // The comment itself, highlighted, then six levels of replies (its own level included).
  const focus = focusOf(page);
  await expect(focus.locator("article.comment").first()).toHaveAttribute("id", `comment-${sixth.id}`);
  for (const id of line.slice(5, 11)) await expect(ownBody(commentEl(page, id))).toBeVisible();
  await expect(commentEl(page, line[11]!)).toHaveCount(0);
  expect(await background(ownBody(commentEl(page, sixth.id)))).not.toBe(await background(ownBody(commentEl(page, line[4]!))));
  // Side branches under it are shown too.
  const branches = withDb((db) => db.prepare("select id from comments where parent_id = ? and deleted_at is null").all(sixth.id) as { id: number }[]);
  expect(branches.length).toBeGreaterThan(1);
  for (const b of branches) await expect(focus.locator(`#comment-${b.id}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "view full context" })).toHaveAttribute("href", `/reviews/${r.slug}#comment-${line[0]}`);

  // The chain goes on from the eleventh level.
  const eleventh = commentEl(page, line[10]!);
  await expect(eleventh.locator(":scope > .comment__continue")).toContainText(`(${descendantsOf(commentById(line[10]!)!)} more `);
  await eleventh.getByRole("link", { name: "Continue this thread →" }).click();
  await expect(page).toHaveURL(`/comments/${line[10]}`);
  await expect(page.getByRole("region", { name: "The comments it replies to" }).locator("article.comment")).toHaveCount(10);
  await expect(ownBody(focusOf(page).locator(`#comment-${deepest.id}`))).toBeVisible();

  // "view parent" walks one level up.
  await page.getByRole("link", { name: "view parent" }).click();
  await expect(page).toHaveURL(`/comments/${line[9]}`);
  await expect(focusOf(page).locator("article.comment").first()).toHaveAttribute("id", `comment-${line[9]}`);
  await expect(focusOf(page).locator(`#comment-${line[10]}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "The comments it replies to" }).locator("article.comment")).toHaveCount(9);
});

test("“view full context” on a permalink page shows the thread's first comment highlighted on the review page", async ({ page }) => {
  const r = review(DEEP_THREAD);
  const deepest = deepestComment(r.id);
  const line = pathIds(deepest.path);
  await page.goto(`/comments/${line[3]}`);
  const link = page.getByRole("link", { name: "view full context" });
  await expect(link).toHaveAttribute("href", `/reviews/${r.slug}#comment-${line[0]}`);
  await link.click();
  await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${line[0]}`);
  const root = commentEl(page, line[0]!);
  await expect(root).toBeInViewport();
  // As on arrival from outside (see "a permalink anchor highlights its comment"): the :target, highlighted.
  await expect.poll(() => targetId(page)).toBe(`comment-${line[0]}`);
  await expect.poll(() => background(ownBody(root))).not.toBe(await background(ownBody(commentEl(page, line[1]!))));
});

test("a permalink anchor highlights its comment", async ({ page }) => {
  const r = review(SPIRITED_AWAY);
  const [target, other] = withDb(
    (db) => db.prepare("select * from comments where post_id = ? and deleted_at is null and depth = 2 order by id limit 2").all(r.id) as CommentRowE2E[],
  );
  expect(other, "two seeded replies").toBeDefined();
  await page.goto(`/reviews/${r.slug}#comment-${target!.id}`);
  const targetEl = commentEl(page, target!.id);
  await expect.poll(() => targetId(page)).toBe(`comment-${target!.id}`);
  await expect(targetEl).toBeInViewport();
  const highlighted = await background(ownBody(targetEl));
  expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");
  expect(await background(ownBody(commentEl(page, other!.id)))).not.toBe(highlighted);
  // Only the target's own body, not the replies nested in it.
  const child = withDb((db) => db.prepare("select id from comments where parent_id = ? and deleted_at is null limit 1").get(target!.id) as { id: number } | undefined);
  if (child) expect(await background(ownBody(commentEl(page, child.id)))).not.toBe(highlighted);

  // Its date is the permalink.
  await ownMeta(targetEl).getByRole("link", { name: /\d{4}/ }).click();
  await expect(page).toHaveURL(`/comments/${target!.id}`);
  await expect(focusOf(page).locator("article.comment").first()).toHaveAttribute("id", `comment-${target!.id}`);
});

// ── Without JavaScript ───────────────────────────────────────────────────────────────────────────

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reply deeper than the review page shows lands on its parent's permalink page", async ({ page }) => {
    const r = review(DEEP_THREAD);
    // A leaf deep in the seeded thread (below the six levels the review page shows).
    const leaf = withDb(
      (db) => db.prepare("select * from comments where post_id = ? and depth >= 7 and reply_count = 0 and deleted_at is null order by depth, id limit 1").get(r.id) as CommentRowE2E,
    );
    await page.goto("/signin");
    await page.getByLabel("Username or email").fill("femi_oyelaran");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("/");

    await page.goto(`/comments/${leaf.id}/reply`);
    const body = `The cottage of Zeniba is the only room in the film with no one working in it ${unique("dp")}`;
    await page.getByLabel(/^Reply to /).fill(body);
    const answer = commentPost(page);
    await page.getByRole("button", { name: "Post reply" }).click();
    expect((await answer).status()).toBe(303);
    const row = stored(body);
    expect(row).toMatchObject({ parent_id: leaf.id, depth: leaf.depth + 1 });
    await expect(page).toHaveURL(`/comments/${leaf.id}#comment-${row.id}`);
    await expect(ownBody(focusOf(page).locator(`#comment-${row.id}`))).toHaveText(body);
    expectCountersHold(r.id);
  });

  test("sort links work as plain links: newest puts the newest top-level comment first", async ({ page }) => {
    const r = review(SOLARIS_SOUND);
    await page.goto(`/reviews/${r.slug}`);
    const top = page.getByTestId("comment-form");
    const body = `The hum of the station is scored like a heartbeat ${unique("so")}`;
    await top.getByLabel("Your comment").fill(body);
    await top.getByTestId("comment-signin").getByLabel("Username or email").fill("ingrid_alvarado");
    await top.getByTestId("comment-signin").getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    const answer = commentPost(page);
    await top.getByRole("button", { name: "Post comment" }).click();
    expect((await answer).status()).toBe(303);
    const newest = stored(body);
    await expect(page).toHaveURL(`/reviews/${r.slug}#comment-${newest.id}`);

    const tops = withDb(
      (db) =>
        db.prepare("select id, upvote_count from comments where post_id = ? and parent_id is null and deleted_at is null").all(r.id) as {
          id: number;
          upvote_count: number;
        }[],
    );
    expect(tops.length).toBeGreaterThan(2);
    const byId = tops.map((t) => t.id).sort((x, y) => x - y);
    const best = [...tops].sort((x, y) => y.upvote_count - x.upvote_count || x.id - y.id).map((t) => t.id);
    const sortNav = page.getByRole("navigation", { name: "Sort comments" });

    await sortNav.getByRole("link", { name: "Newest" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}/comments/newest#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Newest");
    expect(await topLevelIds(page)).toEqual([...byId].reverse());
    expect((await topLevelIds(page))[0]).toBe(newest.id);

    await sortNav.getByRole("link", { name: "Oldest" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}/comments/oldest#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Oldest");
    expect(await topLevelIds(page)).toEqual(byId);

    await sortNav.getByRole("link", { name: "Best" }).click();
    await expect(page).toHaveURL(`/reviews/${r.slug}#comments`);
    await expect(sortNav.locator('[aria-current="true"]')).toHaveText("Best");
    expect(await topLevelIds(page)).toEqual(best);
  });
});
