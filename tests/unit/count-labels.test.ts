import { describe, expect, it } from "vitest";
import { commentsLabel, countLabel, formatCount, pointsLabel, repliesLabel, upvotesLabel, viewsLabel, wordsLabel } from "@/lib/count-labels";

describe("count labels", () => {
  it("singular for exactly one, plural otherwise, in the forum's number format", () => {
    expect([0, 1, 2, 1234].map(upvotesLabel)).toEqual(["0 upvotes", "1 upvote", "2 upvotes", "1,234 upvotes"]);
    expect([1, 3].map(commentsLabel)).toEqual(["1 comment", "3 comments"]);
    expect([1, 12_000].map(viewsLabel)).toEqual(["1 view", "12,000 views"]);
    expect([1, 2].map(repliesLabel)).toEqual(["1 reply", "2 replies"]);
    expect([1, 2].map(wordsLabel)).toEqual(["1 word", "2 words"]);
    expect([1, 5].map(pointsLabel)).toEqual(["1 point", "5 points"]);
    expect(countLabel(1, "more reply", "more replies")).toBe("1 more reply");
    expect(countLabel(2, "earlier comment")).toBe("2 earlier comments");
    expect(formatCount(1_000_000)).toBe("1,000,000");
  });
});
