import Link from "@/components/link";
import { formatDate } from "@/lib/format";
import type { CommentNode } from "@/lib/comments/tree";
import { NewMarker } from "@/components/new-marker";
import { isSystemName } from "@/lib/badges/system";
import { avatarUrl } from "@/lib/users/avatar";
import { CommentVote } from "./comment-vote";
import { ReplyControl } from "./reply-control";

const replies = (n: number) => (n === 1 ? "1 more reply" : `${n} more replies`);

/**
 * One comment and the replies shown under it. Rendered on the server for the thread and in the
 * browser for a reply just posted, so it holds no server-only code. Edit and delete links are
 * hidden until /viewer.css shows them to the comment's author and to moderators.
 */
export function CommentView({ node, opId, bare = false }: { node: CommentNode; opId: string | null; bare?: boolean }) {
  const { id, author } = node;
  return (
    <article className="comment" id={`comment-${id}`} data-author={author?.username.toLowerCase()} aria-labelledby={`comment-${id}-by`}>
      <header className="comment__meta">
        {author ? (
          <>
            <img src={avatarUrl(author)} alt="" width={24} height={24} className="avatar" loading="lazy" />
            <Link href={`/u/${author.username}`} className="comment__author" id={`comment-${id}-by`}>
              {author.name}
            </Link>
            <NewMarker isNew={author.isNew} />
            {author.id === opId ? (
              <span className="op-pill" title="The review's author">
                author
              </span>
            ) : null}
          </>
        ) : (
          <span className="comment__author comment__author--gone" id={`comment-${id}-by`}>
            {node.deleted ? "[deleted]" : "deleted user"}
          </span>
        )}
        <span aria-hidden="true">·</span>
        <Link href={`/comments/${id}`} className="comment__time" title="Permalink to this comment">
          <time dateTime={new Date(node.createdAt).toISOString()}>{formatDate(new Date(node.createdAt))}</time>
        </Link>
        {node.edited ? (
          <Link href={`/comments/${id}/revisions`} className="comment__edited">
            (edited)
          </Link>
        ) : null}
      </header>
      {node.deleted ? (
        <p className="comment__body comment__body--deleted">[deleted]</p>
      ) : (
        <div className="comment__body prose prose--comment" dangerouslySetInnerHTML={{ __html: node.bodyHtml }} />
      )}
      {node.deleted || bare ? null : (
        <ReplyControl
          commentId={id}
          authorName={author?.name ?? "this comment"}
          lead={isSystemName(author?.username) ? null : <CommentVote id={id} count={node.upvoteCount} author={author?.username.toLowerCase() ?? null} />}
        >
          <span className="own-only">
            <Link href={`/comments/${id}/edit`}>Edit</Link>
            <Link href={`/comments/${id}/delete`}>Delete</Link>
          </span>
        </ReplyControl>
      )}
      {node.children.length ? <CommentList nodes={node.children} opId={opId} /> : null}
      {node.continued ? (
        <p className="comment__continue">
          <Link href={`/comments/${id}`}>Continue this thread →</Link> <span className="muted">({replies(node.continued)})</span>
        </p>
      ) : null}
    </article>
  );
}

export function CommentList({ nodes, opId }: { nodes: CommentNode[]; opId: string | null }) {
  return (
    <ol className="comment-list">
      {nodes.map((n) => (
        <li key={n.id}>
          <CommentView node={n} opId={opId} />
        </li>
      ))}
    </ol>
  );
}
