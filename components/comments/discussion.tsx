import "@/components/comments/comments.css";
import Link from "@/components/link";
import { configuredProviders } from "@/lib/auth/providers";
import { commentListHtml } from "@/lib/comments/thread-html";
import { COMMENT_SORTS, type CommentNode, type CommentSort } from "@/lib/comments/tree";
import { StaticHtml } from "../static-html";
import { commentsHeading } from "./heading";
import { ThreadProvider } from "./thread-context";
import { ThreadReplies } from "./thread-replies";
import { TopReply } from "./top-reply";

const SORT_LABEL: Record<CommentSort, string> = { best: "Best", newest: "Newest", oldest: "Oldest" };

const sortHref = (slug: string, sort: CommentSort) =>
  sort === "best" ? `/reviews/${slug}#comments` : `/reviews/${slug}/comments/${sort}#comments`;

/** The discussion under a review: its count, the reply form, the sort links and the thread (one block of HTML). */
export function Discussion({
  review,
  thread,
  sort,
}: {
  review: { id: number; slug: string; title: string; commentCount: number; authorId: string | null };
  thread: CommentNode[];
  sort: CommentSort;
}) {
  const base = sortHref(review.slug, sort).split("#")[0]!;
  const threadId = `thread-${review.id}`;
  const heading = commentsHeading(review.commentCount, review.title);
  return (
    <section className="discussion" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title" data-testid="comments-heading" data-count={review.commentCount} data-title={review.title}>
        {heading.lead}
        {heading.title === null ? null : <bdi>{heading.title}</bdi>}
        {heading.tail}
      </h2>
      <ThreadProvider value={{ reviewId: review.id, slug: review.slug, providers: configuredProviders() }}>
        <div className="reply-box" id="reply">
          <h3>Leave a reply</h3>
          <TopReply threadId={threadId} />
        </div>
        {thread.length > 1 ? (
          <nav className="comment-sort" aria-label="Sort comments">
            <span className="muted">Sort by</span>
            {COMMENT_SORTS.map((s) =>
              s === sort ? (
                <span key={s} aria-current="true" className="comment-sort__current">
                  {SORT_LABEL[s]}
                </span>
              ) : (
                <Link key={s} href={sortHref(review.slug, s)}>
                  {SORT_LABEL[s]}
                </Link>
              ),
            )}
          </nav>
        ) : null}
        <StaticHtml id={threadId} className="thread" html={thread.length ? commentListHtml(thread, { opId: review.authorId }) : ""} src={base} />
        <ThreadReplies />
      </ThreadProvider>
    </section>
  );
}
