// Pure: turns a thread's rows (ordered by path) into the tree a page shows. No next/*, no db.
export const COMMENT_SORTS = ["best", "newest", "oldest"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
export const DEFAULT_SORT: CommentSort = "best";
// Levels shown on one page; deeper replies continue on the permalink page.
export const DISPLAY_DEPTH = 6;

type CommentAuthor = { id: string; username: string; name: string; image: string | null; isNew: boolean } | null;

export type ThreadComment = {
  id: number;
  parentId: number | null;
  depth: number;
  path: string;
  /** Empty when deleted: a "[deleted]" comment shows no text. */
  bodyHtml: string;
  deleted: boolean;
  edited: boolean;
  author: CommentAuthor;
  createdAt: Date;
  upvoteCount: number;
  replyCount: number;
};

export type CommentNode = ThreadComment & {
  children: CommentNode[];
  /** Shown descendants cut off by the display depth: "Continue this thread →". */
  continued: number;
};

const compare: Record<CommentSort, (a: ThreadComment, b: ThreadComment) => number> = {
  best: (a, b) => b.upvoteCount - a.upvoteCount || a.id - b.id,
  newest: (a, b) => b.id - a.id,
  oldest: (a, b) => a.id - b.id,
};

/**
 * Builds the shown tree. Rows whose parent is absent become roots (a permalink page passes one
 * subtree). Deleted comments stay as "[deleted]" only while something under them is shown.
 * Siblings are sorted at every level; nodes `depth` levels below a root keep no children and
 * count what was cut instead.
 */
export function buildThread(rows: ThreadComment[], sort: CommentSort = DEFAULT_SORT, depth = DISPLAY_DEPTH): CommentNode[] {
  const nodes = new Map<number, CommentNode>();
  const roots: CommentNode[] = [];
  for (const row of rows) {
    const node: CommentNode = { ...row, children: [], continued: 0 };
    nodes.set(row.id, node);
    const parent = row.parentId === null ? undefined : nodes.get(row.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const visible = (n: CommentNode): boolean => {
    n.children = n.children.filter(visible);
    return !n.deleted || n.children.length > 0;
  };
  const kept = roots.filter(visible);
  const order = (list: CommentNode[], level: number): number => {
    list.sort(compare[sort]);
    let total = 0;
    for (const n of list) {
      const below = order(n.children, level + 1);
      if (level >= depth) {
        n.continued = below;
        n.children = [];
      }
      total += 1 + below;
    }
    return total;
  };
  order(kept, 1);
  return kept;
}

/** How many comments a tree shows, "[deleted]" ones included. */
export function countShown(nodes: CommentNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countShown(c.children), 0);
}
