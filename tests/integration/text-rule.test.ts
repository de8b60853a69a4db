import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createComment } from "@/lib/comments/create-comment";
import { editReview } from "@/lib/reviews/edit-review";
import { createReview } from "@/lib/reviews/create-review";
import { createOAuthUser } from "@/lib/users/create-oauth-user";
import { updateProfile } from "@/lib/users/update-profile";
import { thrown } from "../helpers/errors";
import { ctxAs, perTestDb } from "../helpers/db";
import { T0, makeUser, reviewForm, rows, snapshot } from "../helpers/reviews";

// The text rule on the write paths: a hostile character is refused next to its field and
// nothing is written, or (in a body) dropped before the row is stored.

async function refusedOn(fn: () => unknown): Promise<string[]> {
  const err = await thrown(fn);
  expect(err).toBeInstanceOf(ZodError);
  return (err as ZodError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("the text rule on writes", () => {
  const t = perTestDb();

  it("refuses a NUL in a review title and writes nothing", async () => {
    const author = await makeUser(t.db, "mara");
    const before = await snapshot(t.db);
    expect(await refusedOn(() => createReview(ctxAs(t.db, author.id, T0), reviewForm({ title: "Harry\u0000Lime" })))).toEqual([
      "title: A title cannot contain invisible control characters.",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a right-to-left override in a film title and in an edit's title, changing nothing", async () => {
    const author = await makeUser(t.db, "mara");
    expect(await refusedOn(() => createReview(ctxAs(t.db, author.id, T0), reviewForm({ filmTitle: "\u202enamdrihT ehT" })))).toEqual([
      "filmTitle: A film title cannot contain text-direction override characters.",
    ]);
    expect(await rows(t.db, "films")).toEqual([]);
    const id = (await createReview(ctxAs(t.db, author.id, T0), reviewForm())).id;
    const before = await snapshot(t.db);
    expect(await refusedOn(() => editReview(ctxAs(t.db, author, T0), { ...reviewForm({ title: "Harry \u2066Lime\u2069" }), reviewId: id }))).toEqual([
      "title: A title cannot contain text-direction override characters.",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses a display name that overrides its direction, keeping the stored name", async () => {
    const member = await makeUser(t.db, "mara");
    const before = await snapshot(t.db);
    // Shown without isolation, this would read "admin".
    expect(await refusedOn(() => updateProfile(ctxAs(t.db, member.id), { name: "\u202enimda", bio: "" }))).toEqual([
      "name: A display name cannot contain text-direction override characters.",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("stores eight family emoji as a display name (eight characters, not 56 code points)", async () => {
    const member = await makeUser(t.db, "mara");
    const name = "👨‍👩‍👧‍👦".repeat(8);
    await updateProfile(ctxAs(t.db, member.id), { name, bio: "" });
    expect((await rows(t.db, "users")).map((u) => u.name)).toEqual([name]);
  });

  it("drops control characters from a comment body before storing it, and refuses a lone surrogate", async () => {
    const author = await makeUser(t.db, "mara");
    const reader = await makeUser(t.db, "tobias");
    const reviewId = (await createReview(ctxAs(t.db, author.id, T0), reviewForm())).id;
    await createComment(ctxAs(t.db, reader.id, T0), { reviewId, body: "Zither\u0000 music\u0085 over\r\nrubble.\u007f" });
    expect((await rows(t.db, "comments")).map((c) => c.body_md)).toEqual(["Zither music over\nrubble."]);
    const before = await snapshot(t.db);
    expect(await refusedOn(() => createComment(ctxAs(t.db, reader.id, T0), { reviewId, body: "half \ud83c an emoji" }))).toEqual([
      "body: A comment holds a broken character (half of an emoji or symbol); type it again.",
    ]);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("stores a provider's name under the rule: overrides and controls dropped, cut at 50 graphemes", async () => {
    const user = await createOAuthUser(ctxAs(t.db, null), { name: `\u202eMara\u0000 ${"🎬".repeat(60)}`, email: "mara@example.com" });
    expect((await rows(t.db, "users")).map((u) => [u.id, u.name])).toEqual([[user.id, `Mara ${"🎬".repeat(45)}`]]);
  });
});
