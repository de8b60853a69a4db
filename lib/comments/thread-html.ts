// The markup of a discussion, assembled as a string from each comment's stored HTML: a thread of
// hundreds of comments is one block of HTML for the page, not hundreds of React elements (which
// the App Router would also ship a second time, as its payload). Pure: runs on the server for the
// cached pages and for a comment just posted; the page's scripts only read what it writes.
import { isSystemName } from "@/lib/badges/system";
import { formatDate } from "@/lib/format";
import { avatarUrl } from "@/lib/users/avatar";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";
import { voteKey } from "@/lib/votes/key";
import type { CommentNode } from "./tree";
import { countLabel, upvotesLabel } from "@/lib/count-labels";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Short user text (a name, a title) escaped and isolated in `<bdi>`: whatever direction it runs
 * in, it cannot reorder the text around it (a name ending in Hebrew beside "· 2 days ago").
 * Usernames and tags are ASCII by their patterns and need no isolation.
 */
export const isolatedHtml = (s: string) => `<bdi>${escapeHtml(s)}</bdi>`;

export const NEWCOMER_WHY = `New here: joined in the last ${NEWCOMER_DAYS} days or has fewer than ${NEWCOMER_CONTRIBUTIONS} reviews and comments`;


export type VoteTarget = {
  type: "review" | "comment";
  id: number;
  count: number;
  /** The review author's username in lower case (a comment's is on the comment): their own item takes no upvote. */
  author?: string | null;
  votersHref: string;
  size?: "small" | "large";
};

/**
 * An upvote control: a plain form that works without JavaScript (an upvote, then back to the
 * page it was on). The page's script shows the viewer's own state: "Upvoted" (a press takes it
 * back) on what they upvoted, "Your review/comment" on their own items, and counts a press at once.
 * Lean, as it is repeated under every comment.
 */
export function voteHtml(v: VoteTarget): string {
  const key = voteKey(v.type, v.id);
  const author = v.author ? ` data-author="${escapeHtml(v.author)}"` : "";
  return (
    `<div class="vote${v.size === "large" ? " vote--large" : ""}" data-vote="${key}"${author}>` +
    `<form action="/api/votes" method="post"><input type="hidden" name="item" value="${key}">` +
    `<button type="submit" name="value" value="up" aria-label="Upvote this ${v.type}" data-testid="upvote-${key}">▲ Upvote</button></form>` +
    `<a href="${escapeHtml(v.votersHref)}" class="vote__count" data-testid="count-${key}">${upvotesLabel(v.count)}</a></div>`
  );
}

export type ThreadOptions = {
  /** The review author's id, for the "author" marker on their comments. */
  opId: string | null;
};

const moreReplies = (n: number) => countLabel(n, "more reply", "more replies");

/** One comment's header: who wrote it and when. */
function metaHtml(node: CommentNode, opId: string | null): string {
  const { id, author } = node;
  let who: string;
  if (author) {
    who =
      `<img src="${escapeHtml(avatarUrl(author))}" alt="" class="avatar" loading="lazy">` +
      `<a href="/u/${escapeHtml(author.username)}" class="comment__author" id="comment-${id}-by">${isolatedHtml(author.name)}</a>` +
      (author.isNew ? `<span class="new-pill" title="${NEWCOMER_WHY}">New</span>` : "") +
      (author.id === opId ? `<span class="op-pill" title="The review’s author">author</span>` : "");
  } else {
    who = `<span class="comment__author comment__author--gone" id="comment-${id}-by">${node.deleted ? "[deleted]" : "deleted user"}</span>`;
  }
  const at = new Date(node.createdAt);
  return (
    `<header class="comment__meta">${who}` +
    `<a href="/comments/${id}" class="comment__time"><time datetime="${at.toISOString().slice(0, 10)}">${formatDate(at)}</time></a>` +
    (node.edited ? `<a href="/comments/${id}/revisions" class="comment__edited">(edited)</a>` : "") +
    `</header>`
  );
}

/**
 * One comment and the replies shown under it. `bare` leaves out its actions and replies (a
 * comment quoted above a form). Edit and delete are added by the page's script for the
 * comment's author and for moderators.
 */
export function commentHtml(node: CommentNode, opts: ThreadOptions, bare = false): string {
  const { id, author } = node;
  const username = author?.username.toLowerCase() ?? null;
  const body = node.deleted
    ? `<p class="comment__body comment__body--deleted">[deleted]</p>`
    : `<div class="comment__body prose">${node.bodyHtml}</div>`;
  let actions = "";
  if (!node.deleted && !bare) {
    const vote = isSystemName(username) ? "" : voteHtml({ type: "comment", id, count: node.upvoteCount, votersHref: `/comments/${id}/upvotes` });
    actions = `<div class="comment__actions">${vote}<a href="/comments/${id}/reply" data-reply data-testid="reply-${id}">Reply</a></div>`;
  }
  const replies = node.children.length && !bare ? commentListHtml(node.children, opts) : "";
  const more = node.continued && !bare
    ? `<p class="comment__continue"><a href="/comments/${id}">Continue this thread →</a> <span class="muted">(${moreReplies(node.continued)})</span></p>`
    : "";
  const by = username === null ? "" : ` data-author="${escapeHtml(username)}"`;
  return `<article class="comment" id="comment-${id}"${by} aria-labelledby="comment-${id}-by">${metaHtml(node, opts.opId)}${body}${actions}${replies}${more}</article>`;
}

/** Comments as a list, each with the replies shown under it. */
export function commentListHtml(nodes: CommentNode[], opts: ThreadOptions): string {
  let html = `<ol class="comment-list">`;
  for (const n of nodes) html += `<li>${commentHtml(n, opts)}</li>`;
  return html + `</ol>`;
}
