import type { CommentNode } from "@/lib/comments/tree";

// A comment as the JSON answer to a post carries it: dates travel as strings.
export type PostedComment = Omit<CommentNode, "createdAt"> & { createdAt: string };

export function toNode(c: PostedComment): CommentNode {
  return {
    ...c,
    createdAt: new Date(c.createdAt),
    children: [],
    continued: 0,
  };
}
