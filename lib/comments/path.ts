// A comment's ordering path: the ids of its ancestors and itself, each as a fixed-width base-36
// segment. Sorting by it gives a whole thread in order (a parent before its replies, siblings
// oldest first), and a subtree is the range of paths that start with its root's path.
export const SEGMENT = 6; // 36^6 ≈ 2.2 billion comments

export function segment(id: number): string {
  return id.toString(36).padStart(SEGMENT, "0");
}

export function childPath(parentPath: string | null, id: number): string {
  return (parentPath ?? "") + segment(id);
}

/** The ids along a path, from the top-level comment down to the comment itself. */
export function pathIds(path: string): number[] {
  const ids: number[] = [];
  for (let i = 0; i < path.length; i += SEGMENT) ids.push(parseInt(path.slice(i, i + SEGMENT), 36));
  return ids;
}

/** Bounds [from, to) holding the path itself and every descendant's. "~" sorts after every base-36 digit. */
export function subtreeRange(path: string): [string, string] {
  return [path, `${path}~`];
}
