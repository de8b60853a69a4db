import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { childPath } from "@/lib/comments/path";
import { COMMENT_SORTS, DEFAULT_SORT, DISPLAY_DEPTH, buildThread, countShown, type CommentNode, type CommentSort, type ThreadComment } from "@/lib/comments/tree";

// A comment as the thread spec gives it: replies name their parent; ids go up in posting order.
type Spec = { id: number; parent?: number; up?: number; deleted?: boolean };

const T = Date.UTC(2025, 2, 14, 12);
const author = { id: "u1", username: "femi", name: "Femi", image: null, isNew: false };

/** The rows listThread would return for these comments: depth and path derived, ordered by path. */
function thread(specs: Spec[]): ThreadComment[] {
  const byId = new Map<number, ThreadComment>();
  for (const s of specs) {
    const parent = s.parent === undefined ? undefined : byId.get(s.parent);
    if (s.parent !== undefined && !parent) throw new Error(`spec ${s.id}: parent ${s.parent} comes later`);
    byId.set(s.id, {
      id: s.id,
      parentId: parent?.id ?? null,
      depth: (parent?.depth ?? 0) + 1,
      path: childPath(parent?.path ?? null, s.id),
      bodyHtml: s.deleted ? "" : `<p>Comment ${s.id}</p>\n`,
      deleted: s.deleted ?? false,
      edited: false,
      author: s.deleted ? null : author,
      createdAt: new Date(T + s.id * 1000),
      upvoteCount: s.up ?? 0,
      replyCount: specs.filter((c) => c.parent === s.id && !c.deleted).length,
    });
  }
  return [...byId.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A chain: 1 ← 2 ← … ← n. */
const chain = (n: number): Spec[] => Array.from({ length: n }, (_, i) => (i === 0 ? { id: 1 } : { id: i + 1, parent: i }));

/** The shown tree in one line: id, "x" when deleted, (children), "+n" when n shown descendants were cut. */
function render(nodes: CommentNode[]): string {
  return nodes
    .map((n) => `${n.id}${n.deleted ? "x" : ""}${n.children.length ? `(${render(n.children)})` : ""}${n.continued ? `+${n.continued}` : ""}`)
    .join(" ");
}
const show = (specs: Spec[], sort: CommentSort = "oldest", depth?: number) => render(buildThread(thread(specs), sort, depth));

describe("buildThread: nesting and sorting", () => {
  it("nests replies under their parents and keeps every row's fields", () => {
    const rows = thread([{ id: 1 }, { id: 2, parent: 1 }, { id: 3, parent: 1 }, { id: 4, parent: 2 }, { id: 5 }, { id: 6, parent: 5 }]);
    const tree = buildThread(rows, "oldest");
    expect(render(tree)).toBe("1(2(4) 3) 5(6)");
    expect(tree[0]).toEqual({ ...rows[0], children: expect.any(Array), continued: 0 });
    expect(tree[0]!.children[0]!.children[0]).toEqual({ ...rows.find((r) => r.id === 4), children: [], continued: 0 });
  });

  it("sorts by votes (most first, ties oldest first) at every level for \"best\", the default", () => {
    const specs: Spec[] = [
      { id: 1, up: 0 },
      { id: 2, up: 5 },
      { id: 3, up: 5 },
      { id: 4, parent: 1, up: 1 },
      { id: 5, parent: 1, up: 3 },
      { id: 6, parent: 1, up: 3 },
      { id: 7, parent: 5, up: 0 },
      { id: 8, parent: 5, up: 9 },
      { id: 9, parent: 3, up: 2 },
      { id: 10, parent: 3, up: 4 },
    ];
    expect(show(specs, "best")).toBe("2 3(10 9) 1(5(8 7) 6 4)");
    expect(DEFAULT_SORT).toBe("best");
    expect(render(buildThread(thread(specs)))).toBe("2 3(10 9) 1(5(8 7) 6 4)");
  });

  it("sorts newest first and oldest first at every level, whatever the votes", () => {
    const specs: Spec[] = [
      { id: 1, up: 9 },
      { id: 2 },
      { id: 3, parent: 1 },
      { id: 4, parent: 1, up: 7 },
      { id: 5, parent: 2 },
      { id: 6, parent: 3 },
      { id: 7, parent: 3, up: 1 },
      { id: 8 },
    ];
    expect(show(specs, "newest")).toBe("8 2(5) 1(4 3(7 6))");
    expect(show(specs, "oldest")).toBe("1(3(6 7) 4) 2(5) 8");
    expect(COMMENT_SORTS).toEqual(["best", "newest", "oldest"]);
  });

  it("leaves its input rows untouched", () => {
    const rows = thread([{ id: 1 }, { id: 2, parent: 1, deleted: true }, { id: 3, up: 4 }]);
    const copy = structuredClone(rows);
    buildThread(rows, "best", 1);
    expect(rows).toEqual(copy);
  });

  it("makes rows whose parent is absent into roots: a permalink page's subtree", () => {
    const rows = thread([{ id: 1 }, { id: 2, parent: 1 }, { id: 3, parent: 2 }, { id: 4, parent: 3 }, { id: 5, parent: 3 }]);
    const subtree = rows.filter((r) => r.path.startsWith(rows[2]!.path));
    expect(render(buildThread(subtree, "oldest"))).toBe("3(4 5)");
    expect(buildThread(subtree, "oldest")[0]).toMatchObject({ id: 3, depth: 3, parentId: 2 });
  });

  it("returns nothing for no rows", () => {
    expect(buildThread([])).toEqual([]);
    expect(countShown([])).toBe(0);
  });
});

describe("buildThread: deleted comments", () => {
  it("drops a deleted comment with no replies, at any level", () => {
    expect(show([{ id: 1, deleted: true }, { id: 2 }, { id: 3, parent: 2, deleted: true }, { id: 4, parent: 2 }])).toBe("2(4)");
  });

  it("keeps a deleted comment as [deleted] while a reply under it is shown", () => {
    const tree = buildThread(thread([{ id: 1, deleted: true }, { id: 2, parent: 1 }, { id: 3, parent: 1, deleted: true }]), "oldest");
    expect(render(tree)).toBe("1x(2)");
    expect(tree[0]).toMatchObject({ deleted: true, bodyHtml: "", author: null });
  });

  it("drops a whole chain of deleted comments, and keeps one that ends in a live reply", () => {
    const specs: Spec[] = [
      { id: 1, deleted: true },
      { id: 2, parent: 1, deleted: true },
      { id: 3, parent: 2, deleted: true },
      { id: 4, deleted: true },
      { id: 5, parent: 4, deleted: true },
      { id: 6, parent: 5 },
      { id: 7, parent: 4, deleted: true },
    ];
    expect(show(specs)).toBe("4x(5x(6))");
    // Deleting that live reply takes the whole chain with it.
    expect(show(specs.map((s) => (s.id === 6 ? { ...s, deleted: true } : s)))).toBe("");
  });

  it("sorts [deleted] comments among their siblings like any other", () => {
    const specs: Spec[] = [{ id: 1, up: 1 }, { id: 2, up: 8, deleted: true }, { id: 3, parent: 2 }, { id: 4, up: 3 }];
    expect(show(specs, "best")).toBe("2x(3) 4 1");
    expect(show(specs, "newest")).toBe("4 2x(3) 1");
  });
});

describe("buildThread: display depth", () => {
  it(`shows ${DISPLAY_DEPTH} levels and counts the shown comments cut below the last one`, () => {
    expect(DISPLAY_DEPTH).toBe(6);
    expect(show(chain(6))).toBe("1(2(3(4(5(6)))))");
    expect(show(chain(9))).toBe("1(2(3(4(5(6+3)))))");
    const tree = buildThread(thread(chain(9)), "oldest");
    let node = tree[0]!;
    while (node.children.length) {
      expect(node.continued).toBe(0);
      node = node.children[0]!;
    }
    expect(node).toMatchObject({ id: 6, depth: 6, children: [], continued: 3 });
  });

  it("counts in `continued` only what would be shown: [deleted] above a reply counts, pruned ones do not", () => {
    const specs: Spec[] = [
      ...chain(6),
      { id: 7, parent: 6 }, // shown
      { id: 8, parent: 6, deleted: true }, // [deleted] above 9: shown
      { id: 9, parent: 8 },
      { id: 10, parent: 6, deleted: true }, // pruned
      { id: 11, parent: 7, deleted: true }, // pruned
      { id: 12, parent: 5 }, // level 6, nothing under it
    ];
    expect(show(specs)).toBe("1(2(3(4(5(6+3 12)))))");
  });

  it("keeps a [deleted] comment at the cut when all it has are replies beyond it", () => {
    const specs: Spec[] = [...chain(5), { id: 6, parent: 5, deleted: true }, { id: 7, parent: 6 }];
    expect(show(specs)).toBe("1(2(3(4(5(6x+1)))))");
  });

  it("gives each comment at the cut its own count, and sorts them before cutting", () => {
    const specs: Spec[] = [
      { id: 1 },
      { id: 2, parent: 1, up: 1 },
      { id: 3, parent: 1, up: 5 },
      { id: 4, parent: 2 },
      { id: 5, parent: 4 },
      { id: 6, parent: 3 },
    ];
    expect(show(specs, "best", 2)).toBe("1(3+1 2+2)");
    expect(show(specs, "oldest", 1)).toBe("1+5");
    expect(show(specs, "oldest", 3)).toBe("1(2(4+1) 3(6))");
  });

  it("counts levels from the roots it is given: a permalink subtree shows 6 levels below its comment", () => {
    const rows = thread(chain(14));
    const subtree = rows.filter((r) => r.depth >= 4); // comment 4 and everything under it
    expect(render(buildThread(subtree, "oldest"))).toBe("4(5(6(7(8(9+5)))))");
  });
});

// A random thread: each comment replies to an earlier one or to the review, is deleted or not, has some votes.
const specsArb = fc
  .array(fc.record({ parent: fc.option(fc.nat(), { nil: null }), deleted: fc.boolean(), up: fc.nat({ max: 4 }) }), { minLength: 1, maxLength: 40 })
  .map((list) => list.map((c, i): Spec => ({ id: i + 1, ...(c.parent === null || i === 0 ? {} : { parent: (c.parent % i) + 1 }), deleted: c.deleted, up: c.up })));

describe("buildThread properties", () => {
  const flatten = (nodes: CommentNode[]): CommentNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

  it("shows every live comment, and a deleted one exactly when something under it is live", () => {
    fc.assert(
      fc.property(specsArb, fc.constantFrom(...COMMENT_SORTS), (specs, sort) => {
        const shown = flatten(buildThread(thread(specs), sort, Infinity));
        const hasLiveBelow = (id: number): boolean => specs.some((s) => s.parent === id && (!s.deleted || hasLiveBelow(s.id)));
        const expected = specs.filter((s) => !s.deleted || hasLiveBelow(s.id)).map((s) => s.id);
        expect(shown.map((n) => n.id).sort((a, b) => a - b)).toEqual(expected);
        expect(countShown(buildThread(thread(specs), sort, Infinity))).toBe(expected.length);
      }),
    );
  });

  it("orders siblings by the sort at every level", () => {
    fc.assert(
      fc.property(specsArb, fc.constantFrom(...COMMENT_SORTS), (specs, sort) => {
        const tree = buildThread(thread(specs), sort, Infinity);
        const inOrder = (a: CommentNode, b: CommentNode) =>
          sort === "oldest" ? a.id < b.id : sort === "newest" ? a.id > b.id : a.upvoteCount > b.upvoteCount || (a.upvoteCount === b.upvoteCount && a.id < b.id);
        const check = (list: CommentNode[]) => {
          for (let i = 1; i < list.length; i++) expect(inOrder(list[i - 1]!, list[i]!)).toBe(true);
          list.forEach((n) => check(n.children));
        };
        check(tree);
      }),
    );
  });

  it("cuts at the display depth without losing count: shown + continued equals the uncut tree", () => {
    fc.assert(
      fc.property(specsArb, fc.integer({ min: 1, max: 7 }), (specs, depth) => {
        const full = buildThread(thread(specs), "best", Infinity);
        const cut = buildThread(thread(specs), "best", depth);
        const nodes = flatten(cut);
        const level = (n: CommentNode, roots: CommentNode[]): number => (roots.includes(n) ? 1 : 1 + level(nodes.find((p) => p.children.includes(n))!, roots));
        for (const n of nodes) {
          const l = level(n, cut);
          expect(l).toBeLessThanOrEqual(depth);
          if (l < depth) expect(n.continued).toBe(0);
          else expect(n.children).toEqual([]);
        }
        expect(countShown(cut) + nodes.reduce((s, n) => s + n.continued, 0)).toBe(countShown(full));
      }),
    );
  });
});
