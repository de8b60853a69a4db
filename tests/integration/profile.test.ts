import { describe, expect, it } from "vitest";
import { deleteComment } from "@/lib/comments/delete-comment";
import { deleteReview } from "@/lib/reviews/delete-review";
import { castVote } from "@/lib/votes/cast-vote";
import { getProfile, listMemberComments } from "@/lib/users/profile";
import { perTestDb } from "../helpers/db";
import { later, postComment } from "../helpers/comments";
import { makeUser, seedReview } from "../helpers/reviews";

describe("member profiles", () => {
  const t = perTestDb();

  function setup() {
    const mara = makeUser(t.db, "Mara_K");
    const femi = makeUser(t.db, "femi");
    const review = seedReview(t.db, mara, { title: "Mara's first" });
    seedReview(t.db, mara, { title: "Mara's draft", intent: "draft" });
    const doomed = seedReview(t.db, femi, { title: "Femi's soon gone" });
    return { mara, femi, review, doomed };
  }

  it("finds a member by username in any case, with counts of what is shown", () => {
    const { mara, femi, review, doomed } = setup();
    const kept = postComment(t.db, mara, review);
    const removed = postComment(t.db, mara, review);
    postComment(t.db, mara, doomed);
    deleteComment(t.db, mara, removed.id, later(t.db));
    deleteReview(t.db, femi, doomed, later(t.db));
    castVote(t.db, femi, { type: "review", id: review, value: "up" }, later(t.db));
    castVote(t.db, femi, { type: "comment", id: kept.id, value: "up" }, later(t.db));

    const profile = getProfile(t.db, "mara_k")!;
    expect(profile).toMatchObject({ id: mara.id, username: "Mara_K", reviewCount: 1, commentCount: 1, upvotesReceived: 2 });
    expect(getProfile(t.db, "MARA_K")?.id).toBe(mara.id);
    expect(getProfile(t.db, "nobody")).toBeNull();
  });

  it("lists a member's shown comments newest first, page by page", () => {
    const { mara, femi, review, doomed } = setup();
    const ids = Array.from({ length: 5 }, () => postComment(t.db, mara, review).id);
    const onDoomed = postComment(t.db, mara, doomed);
    postComment(t.db, femi, review);
    deleteComment(t.db, mara, ids[2]!, later(t.db));
    deleteReview(t.db, femi, doomed, later(t.db));

    const first = listMemberComments(t.db, mara.id, undefined, 2);
    expect(first.items.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    expect(first.items[0]).toMatchObject({ reviewTitle: "Mara's first", edited: false });
    const second = listMemberComments(t.db, mara.id, first.next!, 2);
    expect(second.items.map((c) => c.id)).toEqual([ids[1], ids[0]]);
    expect(second.next).toBeNull();
    expect(listMemberComments(t.db, mara.id).items.map((c) => c.id)).not.toContain(onDoomed.id);
  });
});
