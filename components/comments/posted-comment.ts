import type { CommentNode } from "@/lib/comments/tree";

// A comment as the JSON answer to a post carries it: dates travel as strings.
export type PostedComment = Omit<CommentNode, "createdAt" | "author"> & {
  createdAt: string;
  author: (Omit<NonNullable<CommentNode["author"]>, "createdAt"> & { createdAt: string }) | null;
};

export function toNode(c: PostedComment): CommentNode {
  return {
    ...c,
    createdAt: new Date(c.createdAt),
    author: c.author ? { ...c.author, createdAt: new Date(c.author.createdAt) } : null,
    children: [],
    continued: 0,
  };
}
