import { describe, expect, it } from "vitest";
import { commentIdParam } from "@/lib/comments/links";
import { decodeCursor, encodeCursor } from "@/lib/reviews/queries";
import { isRowId, MAX_ROW_ID } from "@/lib/row-id";
import { VoteInput } from "@/lib/votes/schemas";

// An id past PostgreSQL's `integer` names no row: it is refused like an unknown id, before any
// query (PostgreSQL would fail the query, a 500), on both dialects alike.

describe("ids a row can have", () => {
  it.each([
    [1, true],
    [MAX_ROW_ID, true],
    [MAX_ROW_ID + 1, false],
    [0, false],
    [-1, false],
    [1.5, false],
    [Number.MAX_SAFE_INTEGER, false],
    [Number.NaN, false],
    ["7", false],
  ])("%j → %j", (n, ok) => {
    expect(isRowId(n)).toBe(ok);
  });

  it("a comment's address past the largest id names no comment", () => {
    expect(commentIdParam(String(MAX_ROW_ID))).toBe(MAX_ROW_ID);
    expect(commentIdParam(String(MAX_ROW_ID + 1))).toBe(0);
    expect(commentIdParam("999999999999999")).toBe(0);
  });

  it("a cursor naming an id past the largest is no cursor", () => {
    expect(decodeCursor(encodeCursor(1_796_000_000_000, 42))).toEqual([1_796_000_000_000, 42]);
    expect(decodeCursor(encodeCursor(1, MAX_ROW_ID + 1))).toBeNull();
    expect(decodeCursor(encodeCursor(1, 1_098_666_130_012))).toBeNull();
  });

  it("a vote on an id past the largest is refused beside the field", () => {
    const res = VoteInput.safeParse({ type: "review", id: String(MAX_ROW_ID + 1), value: "up" });
    expect(res.success).toBe(false);
    expect(res.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["id", "There is no such item to upvote."]]);
    expect(VoteInput.parse({ type: "review", id: String(MAX_ROW_ID), value: "up" }).id).toBe(MAX_ROW_ID);
  });
});
