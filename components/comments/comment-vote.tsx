"use client";

import { VoteButton } from "../votes/vote-button";
import { useThread } from "./thread-context";

/** A comment's compact upvote, coming back to the comment on the page it was cast from. */
export function CommentVote({ id, count, author }: { id: number; count: number; author: string | null }) {
  const { base } = useThread();
  return <VoteButton type="comment" id={id} count={count} author={author} back={`${base}#comment-${id}`} votersHref={`/comments/${id}/upvotes`} />;
}
