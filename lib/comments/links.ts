import { DISPLAY_DEPTH } from "./tree";
import { isRowId } from "@/lib/row-id";

/**
 * Where a comment is seen in its thread: on the review page while it is within the display
 * depth, else on its parent's permalink page, which shows the parent and its replies.
 */
export function commentHref(c: { id: number; depth: number; parentId: number | null }, reviewSlug: string): string {
  if (c.depth <= DISPLAY_DEPTH || c.parentId === null) return `/reviews/${reviewSlug}#comment-${c.id}`;
  return `/comments/${c.parentId}#comment-${c.id}`;
}

/** A comment id from a path segment; anything else becomes 0, which no comment has (a 404). */
export function commentIdParam(raw: string): number {
  const n = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  return isRowId(n) ? n : 0;
}
