import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, unique, withDb } from "./helpers";

const SECRET = "the dog follows them home";
const PARAGRAPH =
  "Three men walk into a ruined country that may be answering them back. The camera waits so long on water, moss and rust that the waiting becomes the story, and every cut lands like a decision. I went in braced for boredom and came out listening to the room I was sitting in. The sound design does half the work: distant trains, dripping pipes, a voice that never quite finishes a sentence. The performances are weary in the best way, three people who have run out of arguments and keep walking anyway. ";

const revisionsOf = (slug: string) =>
  withDb((db) => db.prepare("select r.* from post_revisions r join posts p on p.id = r.post_id where p.slug = ? order by r.number").all(slug)) as {
    number: number;
    score: number;
    reason: string | null;
  }[];

async function fillEditor(page: import("@playwright/test").Page, f: { title?: string; film?: string; year?: string; score?: string; tags?: string; body?: string; reason?: string }) {
  if (f.title !== undefined) await page.getByLabel("Title", { exact: true }).fill(f.title);
  if (f.film !== undefined) await page.getByLabel("Film", { exact: true }).fill(f.film);
  if (f.year !== undefined) await page.getByLabel("Year", { exact: true }).fill(f.year);
  if (f.score !== undefined) await page.getByLabel("Score", { exact: true }).selectOption(f.score);
  if (f.tags !== undefined) await page.getByLabel("Tags", { exact: true }).fill(f.tags);
  if (f.body !== undefined) await page.getByLabel("Review (Markdown)").fill(f.body);
  if (f.reason !== undefined) await page.getByLabel("Reason for this edit (optional)").fill(f.reason);
}

test("write a review with an inline spoiler, edit it twice, read its history; another member cannot edit it", async ({ page, browser }) => {
  test.setTimeout(90_000);
  await signIn(page, "samir_haddad", DEMO_PASSWORD, "Samir Haddad");
  await page.getByRole("link", { name: "Write a review" }).click();
  const title = `Notes from the Zone ${unique("r")}`;
  const body = `## Into the Zone\n\n${PARAGRAPH}\n\nBy the end >!${SECRET}!< and I did not breathe.`;
  await fillEditor(page, { title, film: "Stalker", year: "1979", score: "8", tags: "sci-fi, slow-cinema", body });
  // The live preview comes from the server's renderer, spoiler folded.
  await expect(page.getByRole("region", { name: "Preview" }).getByRole("heading", { name: /Into the Zone/ })).toBeVisible();
  await expect(page.getByText(/(?<!\d)\d+ words · 1 min read/)).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await page.waitForURL(/\/reviews\/notes-from-the-zone/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByLabel("Score: 8 out of 10")).toBeVisible();
  await expect(page.getByRole("link", { name: "Stalker (1979)" })).toBeVisible();
  // The inline spoiler is in the page but not readable until revealed.
  const spoiler = page.locator(".prose .spoiler");
  await expect(spoiler).toHaveText(SECRET);
  expect(await spoiler.evaluate((el) => getComputedStyle(el).color)).toBe("rgba(0, 0, 0, 0)");
  await spoiler.focus();
  // The reveal is a short colour transition: wait for it to finish.
  await expect.poll(() => spoiler.evaluate((el) => getComputedStyle(el).color)).not.toBe("rgba(0, 0, 0, 0)");

  // In the New feed, with an excerpt that leaves the spoiler out.
  await page.goto("/feed/new");
  const card = page.getByRole("article").filter({ hasText: title });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Three men walk into a ruined country");
  await expect(card).not.toContainText(SECRET);

  // Two edits, the second after the (test-shortened) grace window.
  await page.goto(`/reviews/${slug}/edit`);
  await fillEditor(page, { score: "9", reason: "Second viewing" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`/reviews/${slug}`);
  await expect(page.getByLabel("Score: 9 out of 10")).toBeVisible();
  await page.waitForTimeout(2_500);
  await page.goto(`/reviews/${slug}/edit`);
  await fillEditor(page, { body: `${body}\n\nA second viewing made the ending kinder than I remembered.`, reason: "Added a paragraph" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.waitForURL(`/reviews/${slug}`);
  expect(revisionsOf(slug).map((r) => [r.number, r.score, r.reason])).toEqual([
    [1, 8, null],
    [2, 9, "Second viewing"],
    [3, 9, "Added a paragraph"],
  ]);

  await page.getByRole("link", { name: "(Edited)" }).click();
  await page.waitForURL(`/reviews/${slug}/revisions`);
  await expect(page.getByText("score 8 → 9").first()).toBeVisible();
  // A body holding a spoiler shows its diff behind a reveal too.
  await page.locator("details.rev-spoiler > summary").first().click();
  await expect(page.locator("ins").filter({ hasText: "kinder" }).first()).toBeVisible();

  // Another member sees no way in, and a forged post is refused with nothing changed.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await signIn(page2, "mara_kowalczyk", DEMO_PASSWORD, "Mara Kowalczyk");
  await page2.goto(`/reviews/${slug}`);
  await expect(page2.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page2.getByRole("link", { name: "Edit review" })).toHaveCount(0);
  await page2.goto(`/reviews/${slug}/edit`);
  await expect(page2.getByRole("heading", { name: "This is not your review" })).toBeVisible();
  const forged = await page2.request.post(`/api/reviews/${slug}/edit`, {
    headers: { origin: new URL(page2.url()).origin, accept: "application/json" },
    multipart: { title: "Taken over", filmTitle: "Stalker", filmYear: "1979", body: "mine now", intent: "publish" },
  });
  expect(forged.status()).toBe(403);
  expect(withDb((db) => db.prepare("select title from posts where slug = ?").get(slug))).toEqual({ title });
  expect(revisionsOf(slug)).toHaveLength(3);
  await other.close();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a refused review keeps every field at 422, then publishes with a plain post", async ({ page }) => {
    await page.goto("/signin");
    await page.getByLabel("Username or email").fill("femi_oyelaran");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.waitForURL("/");
    await page.goto("/reviews/new");
    const title = `Heist notes ${unique("n")}`;
    await fillEditor(page, { title, film: "Rififi", year: "1800", tags: "heist", body: "The silence is the loudest thing in it." });
    const refused = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/reviews");
    await page.getByRole("button", { name: "Publish" }).click();
    expect((await refused).status()).toBe(422);
    await expect(page.getByLabel("Year", { exact: true })).toHaveAccessibleDescription(/Films start in the 1870s/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
    await expect(page.getByLabel("Review (Markdown)")).toHaveValue("The silence is the loudest thing in it.");
    expect(withDb((db) => db.prepare("select count(*) as n from posts where title = ?").get(title))).toEqual({ n: 0 });

    await page.getByLabel("Year", { exact: true }).fill("1955");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/\/reviews\/heist-notes/);
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    await expect(page.getByRole("link", { name: "Rififi (1955)" })).toBeVisible();
  });
});

test("unsaved text survives a reload in the same browser, and is forgotten once published", async ({ page }) => {
  await signIn(page, "lucia_del_prado", DEMO_PASSWORD, "Lucía del Prado");
  await page.goto("/reviews/new");
  const words = `A draft about Tokyo Story that I never saved ${unique("d")}`;
  await page.getByLabel("Review (Markdown)").fill(words);
  await page.reload();
  await expect(page.getByLabel("Review (Markdown)")).toHaveValue(words);
  await expect(page.getByText("Restored text you typed in this browser but had not saved.")).toBeVisible();

  await fillEditor(page, { title: `Kept ${unique("k")}`, film: "Tokyo Story", year: "1953" });
  await page.getByRole("button", { name: "Publish" }).click();
  await page.waitForURL(/\/reviews\/kept-/);
  await page.goto("/reviews/new");
  await expect(page.getByLabel("Review (Markdown)")).toHaveValue("");
  expect(await page.evaluate(() => localStorage.getItem("marquee:review-body:new"))).toBeNull();
});

test("an author deletes a review: its page says so with 410 and it leaves the feed", async ({ page }) => {
  await signIn(page, "tobias_renner", DEMO_PASSWORD, "Tobias Renner");
  await page.goto("/reviews/new");
  const title = `Short-lived ${unique("x")}`;
  await fillEditor(page, { title, film: "The Conversation", year: "1974", body: "Tape hiss as a character." });
  await page.getByRole("button", { name: "Publish" }).click();
  await page.waitForURL(/\/reviews\/short-lived/);
  const slug = new URL(page.url()).pathname.split("/")[2]!;
  await page.getByRole("link", { name: "Edit review" }).click();
  await page.getByText("Delete this review…").click();
  await page.getByRole("button", { name: `Yes, delete “${title}”` }).click();
  await page.waitForURL(`/reviews/${slug}`);
  await expect(page.getByRole("heading", { name: "This review was deleted" })).toBeVisible();
  expect((await page.reload())?.status()).toBe(410);
  expect(withDb((db) => db.prepare("select status from posts where slug = ?").get(slug))).toEqual({ status: "deleted" });
  await page.goto("/feed/new");
  await expect(page.getByRole("article").filter({ hasText: title })).toHaveCount(0);
});
