import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { deleteReview } from "@/lib/reviews/delete-review";
import { castVote } from "@/lib/votes/cast-vote";
import { getProfile, listMemberComments } from "@/lib/users/queries";
import { ctxAs, perTestDb } from "../helpers/db";
import { later, postComment } from "../helpers/comments";
import { makeUser, seedReview } from "../helpers/reviews";

describe("member profiles", () => {
  const t = perTestDb();

  async function setup() {
    const mara = await makeUser(t.db, "Mara_K");
    const femi = await makeUser(t.db, "femi");
    const review = await seedReview(t.db, mara, { title: "Mara's first" });
    await seedReview(t.db, mara, { title: "Mara's draft", intent: "draft" });
    const doomed = await seedReview(t.db, femi, { title: "Femi's soon gone" });
    return { mara, femi, review, doomed };
  }

  it("finds a member by username in any case, with counts of what is shown", async () => {
    const { mara, femi, review, doomed } = await setup();
    const kept = await postComment(t.db, mara, review);
    const removed = await postComment(t.db, mara, review);
    await postComment(t.db, mara, doomed);
    await deleteComment(ctxAs(t.db, mara, later(t.db)), { commentId: removed.id });
    await deleteReview(ctxAs(t.db, femi, later(t.db)), { reviewId: doomed });
    await castVote(ctxAs(t.db, femi, later(t.db)), { type: "review", id: review, value: "up" });
    await castVote(ctxAs(t.db, femi, later(t.db)), { type: "comment", id: kept.id, value: "up" });

    const profile = (await getProfile(t.db, "mara_k"))!;
    expect(profile).toMatchObject({ id: mara.id, username: "Mara_K", reviewCount: 1, commentCount: 1, upvotesReceived: 2 });
    expect((await getProfile(t.db, "MARA_K"))?.id).toBe(mara.id);
    expect(await getProfile(t.db, "nobody")).toBeNull();
  });

  it("lists a member's shown comments newest first, page by page", async () => {
    const { mara, femi, review, doomed } = await setup();
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push((await postComment(t.db, mara, review)).id);
    const onDoomed = await postComment(t.db, mara, doomed);
    await postComment(t.db, femi, review);
    await deleteComment(ctxAs(t.db, mara, later(t.db)), { commentId: ids[2]! });
    await deleteReview(ctxAs(t.db, femi, later(t.db)), { reviewId: doomed });

    const first = await listMemberComments(t.db, mara.id, undefined, 2);
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({ reviewTitle: "Mara's first", edited: false });
    const second = await listMemberComments(t.db, mara.id, first.next!, 2);
    expect(second.items.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();
    expect((await listMemberComments(t.db, mara.id)).items.map((c) => c.id)).not.toContain(onDoomed.id);
  });
});
