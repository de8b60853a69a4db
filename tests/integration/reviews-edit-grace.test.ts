import { describe, expect, it } from "vitest";
import { editReview } from "@/lib/reviews/edit-review";
import { perTestDb, ctxAs } from "../helpers/db";
import { MINUTE, T0, at, makeUser, reviewForm, rowById, seedReview, rows } from "../helpers/reviews";

// The grace rule: an edit by the same editor within 5 minutes of the previous revision that changes
// at most 100 characters amends that revision in place; any other edit adds one.
const BODY = reviewForm().body as string;

describe("editReview: revisions and the grace window", () => {
  const t = perTestDb();

  async function setup() {
    const author = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, author);
    return { author, reviewId };
  }
  const revisions = async (reviewId: number) => await rows(t.db, "post_revisions", `where post_id = ${reviewId}`);

  it("adds revision #2 with a full snapshot for an edit after the window, and marks the post edited", async () => {
    const { author, reviewId } = await setup();
    const filmId = (await rowById(t.db, "posts", reviewId))?.film_id;
    const edit = reviewForm({ title: "Harry Lime, Reconsidered", body: `${BODY} Welles steals it.`, score: "9", tags: "vienna noir welles", hasSpoilers: "on", reason: " second  viewing " });
    const result = await editReview(ctxAs(t.db, author, at(10 * MINUTE)), { ...edit, reviewId });
    // The author's first edit of a published review earns "Second thoughts", and marking spoilers
    // on it earns the "Spoiler alert" publishing it so would have. Its score was there from the
    // start: "Out of ten" was granted on publishing and is not granted again.
    expect(result).toEqual({
      id: reviewId,
      slug: "harry-lime-s-vienna",
      status: "published",
      changed: true,
      previousFilmId: filmId,
      filmId,
      newcomerFlipped: [],
      badges: [
        { userId: author.id, slug: "first-edit", reviewId, commentId: null },
        { userId: author.id, slug: "first-spoiler-review", reviewId, commentId: null },
      ],
      changes: expect.any(Object),
    });
    // By badge: grants in one write share a time, and PostgreSQL keeps no insertion order.
    const granted = (await rows(t.db, "user_badges")).map((b) => [b.user_id, b.badge_slug, b.post_id, b.granted_at]);
    expect(granted.sort((a, b) => String(a[1]).localeCompare(String(b[1])))).toEqual([
      [author.id, "first-edit", reviewId, at(10 * MINUTE).getTime()],
      [author.id, "first-scored-review", reviewId, T0.getTime()],
      [author.id, "first-spoiler-review", reviewId, at(10 * MINUTE).getTime()],
      [author.id, "reviews-1", reviewId, T0.getTime()],
    ]);

    const [first, second, ...more] = await revisions(reviewId);
    expect(more).toEqual([]);
    expect(first).toMatchObject({ number: 1, title: "Harry Lime's Vienna", body_md: BODY, score: 8, created_at: T0.getTime(), updated_at: T0.getTime() });
    expect(second).toEqual({
      id: expect.any(Number),
      post_id: reviewId,
      number: 2,
      editor_id: author.id,
      reason: "second viewing",
      title: "Harry Lime, Reconsidered",
      body_md: `${BODY} Welles steals it.`,
      score: 9,
      tags: JSON.stringify(["noir", "vienna", "welles"]),
      film_id: filmId,
      has_spoilers: 1,
      created_at: at(10 * MINUTE).getTime(),
      updated_at: at(10 * MINUTE).getTime(),
    });
    const review = await rowById(t.db, "posts", reviewId);
    expect(review).toMatchObject({
      slug: "harry-lime-s-vienna", // stable across a retitle
      title: "Harry Lime, Reconsidered",
      score: 9,
      has_spoilers: 1,
      revision_count: 2,
      edited_at: at(10 * MINUTE).getTime(),
      edited_after_comments: null,
      published_at: T0.getTime(),
      first_review: 1, // still the first review it was published as
      updated_at: at(10 * MINUTE).getTime(),
    });
    // Editing a published review does not count it again.
    expect(await rows(t.db, "users")).toEqual([expect.objectContaining({ id: author.id, review_count: 1, comment_count: 0, is_new: 1 })]);
    expect(review?.body_html).toContain("Welles steals it.");
    expect(review?.hot_score).toBeCloseTo(T0.getTime() / 1000 / 45000, 9);
    expect((await rows(t.db, "post_tags")).map((r) => r.tag).sort()).toEqual(["noir", "vienna", "welles"]);
  });

  it("amends revision #1 in place for a small edit by the same editor within 5 minutes", async () => {
    const { author, reviewId } = await setup();
    const typoFix = reviewForm({ body: BODY.replace("crooked", "crooked, ruined"), reason: "typo" });
    const result = await editReview(ctxAs(t.db, author, at(4 * MINUTE)), { ...typoFix, reviewId });
    expect(result.changed).toBe(true);
    expect(await revisions(reviewId)).toEqual([
      expect.objectContaining({ number: 1, editor_id: author.id, reason: "typo", body_md: BODY.replace("crooked", "crooked, ruined"), created_at: T0.getTime(), updated_at: at(4 * MINUTE).getTime() }),
    ]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({
      body_md: BODY.replace("crooked", "crooked, ruined"),
      revision_count: 1,
      edited_at: null,
      updated_at: at(4 * MINUTE).getTime(),
    });
  });

  it("counts the window from the revision's creation: exactly 5 minutes amends, a moment later adds", async () => {
    const { author, reviewId } = await setup();
    await editReview(ctxAs(t.db, author, at(5 * MINUTE)), { ...reviewForm({ body: `${BODY} A.` }), reviewId });
    expect(await revisions(reviewId)).toHaveLength(1);
    await editReview(ctxAs(t.db, author, at(5 * MINUTE + 1)), { ...reviewForm({ body: `${BODY} AB.` }), reviewId });
    expect((await revisions(reviewId)).map((r) => r.number)).toEqual([1, 2]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2, edited_at: at(5 * MINUTE + 1).getTime() });
  });

  it("does not stretch the window by amending: small edits at 2, 4 and 6 minutes make two revisions", async () => {
    const { author, reviewId } = await setup();
    for (const [i, minute] of [2, 4, 6].entries()) {
      await editReview(ctxAs(t.db, author, at(minute * MINUTE)), { ...reviewForm({ body: `${BODY} ${"!".repeat(i + 1)}` }), reviewId });
    }
    expect((await revisions(reviewId)).map((r) => [r.number, r.created_at, r.updated_at])).toEqual([
      [1, T0.getTime(), at(4 * MINUTE).getTime()],
      [2, at(6 * MINUTE).getTime(), at(6 * MINUTE).getTime()],
    ]);
  });

  it("allows 100 changed characters in grace, not 101 (title and body counted together)", async () => {
    const { author, reviewId } = await setup();
    await editReview(ctxAs(t.db, author, at(MINUTE)), { ...reviewForm({ title: "Harry Lime's Vienna!", body: BODY + "x".repeat(99) }), reviewId });
    expect(await revisions(reviewId)).toHaveLength(1);
    await editReview(ctxAs(t.db, author, at(2 * MINUTE)), { ...reviewForm({ title: "Harry Lime's Vienna!", body: BODY + "x".repeat(99) + "y".repeat(101) }), reviewId });
    expect((await revisions(reviewId)).map((r) => r.number)).toEqual([1, 2]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2 });
  });

  it.each([
    ["a score change", { score: "9" }],
    ["a score removed", { score: "" }],
    ["a tag change", { tags: "noir" }],
    ["the spoiler switch", { hasSpoilers: "on" }],
    ["another film", { filmTitle: "Amélie", filmYear: "2001" }],
  ])("adds a revision within the window for %s, however small", async (_name, over) => {
    const { author, reviewId } = await setup();
    await editReview(ctxAs(t.db, author, at(MINUTE)), { ...reviewForm(over), reviewId });
    expect((await revisions(reviewId)).map((r) => [r.number, r.editor_id])).toEqual([[1, author.id], [2, author.id]]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 2, edited_at: at(MINUTE).getTime() });
  });

  it("treats tags given in another order as unchanged and still a grace edit", async () => {
    const { author, reviewId } = await setup();
    await editReview(ctxAs(t.db, author, at(MINUTE)), { ...reviewForm({ tags: "#Vienna, NOIR", body: `${BODY}!` }), reviewId });
    expect(await revisions(reviewId)).toHaveLength(1);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ revision_count: 1, edited_at: null });
  });

  it("makes a moderator's small edit a new revision, and the author's reply to it another", async () => {
    const { author, reviewId } = await setup();
    const mod = await makeUser(t.db, "modest", "moderator");
    await editReview(ctxAs(t.db, mod, at(MINUTE)), { ...reviewForm({ body: BODY.replace("rubble", "rubble [link removed]"), reason: "removed a link" }), reviewId });
    await editReview(ctxAs(t.db, author, at(2 * MINUTE)), { ...reviewForm({ body: `${BODY} Fair.` }), reviewId });
    expect((await revisions(reviewId)).map((r) => [r.number, r.editor_id, r.reason])).toEqual([
      [1, author.id, null],
      [2, mod.id, "removed a link"],
      [3, author.id, null],
    ]);
    expect(await rowById(t.db, "posts", reviewId)).toMatchObject({ author_id: author.id, revision_count: 3 });
  });

  it("keeps an earlier reason on a grace edit that gives none", async () => {
    const { author, reviewId } = await setup();
    await editReview(ctxAs(t.db, author, at(10 * MINUTE)), { ...reviewForm({ score: "9", reason: "rewatched" }), reviewId });
    await editReview(ctxAs(t.db, author, at(11 * MINUTE)), { ...reviewForm({ score: "9", body: `${BODY}.` }), reviewId });
    expect((await revisions(reviewId)).map((r) => [r.number, r.reason, r.body_md])).toEqual([
      [1, null, BODY],
      [2, "rewatched", `${BODY}.`],
    ]);
  });
});
