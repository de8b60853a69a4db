import { commentHtml } from "@/lib/comments/thread-html";
import type { ThreadComment } from "@/lib/comments/tree";

/** A comment shown above a form about it (a reply, a deletion): as in its thread, without actions or replies. */
export function QuotedComment({ comment, opId }: { comment: ThreadComment; opId: string | null }) {
  const html = commentHtml({ ...comment, children: [], continued: 0 }, { opId }, true);
  return <div className="reply-page__parent" dangerouslySetInnerHTML={{ __html: html }} />;
}
