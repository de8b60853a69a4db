import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SEGMENT, childPath, pathIds, segment, subtreeRange } from "@/lib/comments/path";

const MAX_ID = 36 ** SEGMENT - 1;
const id = fc.integer({ min: 1, max: MAX_ID });
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0); // SQLite's BINARY collation

describe("segment", () => {
  it("writes an id in base 36, zero-padded to a fixed width", () => {
    expect(SEGMENT).toBe(6);
    expect([1, 35, 36, 1295, 1296, 123_456_789, MAX_ID].map(segment)).toEqual(["000001", "00000z", "000010", "0000zz", "000100", "21i3v9", "zzzzzz"]);
  });

  it("sorts as text in the same order as the ids sort as numbers", () => {
    fc.assert(
      fc.property(id, id, (a, b) => {
        expect(segment(a)).toHaveLength(SEGMENT);
        expect(Math.sign(byCodeUnit(segment(a), segment(b)))).toBe(Math.sign(a - b));
      }),
      { numRuns: 500 },
    );
  });
});

describe("childPath and pathIds", () => {
  it("appends the comment's own segment to its parent's path", () => {
    expect(childPath(null, 1)).toBe("000001");
    expect(childPath("000001", 36)).toBe("000001000010");
    expect(childPath(childPath("000001", 36), 37)).toBe("000001000010000011");
  });

  it("reads the ids back, top-level comment first", () => {
    expect(pathIds("000001")).toEqual([1]);
    expect(pathIds("000001000010000011")).toEqual([1, 36, 37]);
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 20 }), (ids) => {
        const path = ids.reduce<string | null>((p, i) => childPath(p, i), null)!;
        expect(path).toHaveLength(SEGMENT * ids.length);
        expect(pathIds(path)).toEqual(ids);
      }),
    );
  });
});

// A random forest: comment i (1-based, ids ascending as they are handed out) replies to an earlier one or to the review.
const forest = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 40 }).map((parents) => {
  const paths: string[] = [];
  const parentOf: (number | null)[] = [];
  parents.forEach((p, i) => {
    const parent = p === null || i === 0 ? null : p % i; // index of an earlier comment
    parentOf.push(parent);
    paths.push(childPath(parent === null ? null : paths[parent]!, i + 1));
  });
  return { paths, parentOf };
});

describe("ordering by path", () => {
  it("gives a whole thread in reading order: each parent before its replies, siblings oldest first", () => {
    fc.assert(
      fc.property(forest, ({ paths, parentOf }) => {
        // Expected: depth-first, children in id order.
        const order: number[] = [];
        const visit = (parent: number | null) => {
          parentOf.forEach((p, i) => {
            if (p === parent) {
              order.push(i);
              visit(i);
            }
          });
        };
        visit(null);
        const sorted = paths.map((p, i) => [p, i] as const).sort((a, b) => byCodeUnit(a[0], b[0]));
        expect(sorted.map(([, i]) => i)).toEqual(order);
      }),
    );
  });
});

describe("subtreeRange", () => {
  it("bounds a path and its descendants, and nothing else", () => {
    const [from, to] = subtreeRange("000001");
    const inside = (p: string) => p >= from && p < to;
    expect(["000001", "000001000002", "000001zzzzzz", "000001000002000003"].every(inside)).toBe(true);
    expect(["000000zzzzzz", "000002", "00000z", "000002000001", "zzzzzz"].some(inside)).toBe(false);
  });

  it("selects exactly the paths that start with the root's path, in any forest", () => {
    fc.assert(
      fc.property(forest, fc.nat(), ({ paths }, pick) => {
        const root = paths[pick % paths.length]!;
        const [from, to] = subtreeRange(root);
        const inRange = paths.filter((p) => byCodeUnit(p, from) >= 0 && byCodeUnit(p, to) < 0);
        expect(inRange.sort()).toEqual(paths.filter((p) => p.startsWith(root)).sort());
        expect(inRange).toContain(root);
      }),
    );
  });
});
