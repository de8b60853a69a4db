import "@/components/comments/comments.css";
import Link from "@/components/link";
import type { FormState } from "@/lib/action-result";
import { configuredProviders } from "@/lib/auth/providers";
import type { ThreadComment } from "@/lib/comments/tree";
import { CommentForm } from "./comment-form";
import { QuotedComment } from "./quoted-comment";
import { ThreadProvider } from "./thread-context";

/**
 * A comment form on a page of its own: where "Reply" leads without JavaScript, where a refused
 * post is shown again with its text and messages, and where a reader lands after signing in on
 * the way to posting.
 */
export function ReplyScreen({
  review,
  parent,
  state,
  signedIn,
  resumed,
}: {
  review: { id: number; slug: string; title: string; authorId: string | null };
  parent: ThreadComment | null;
  state: FormState | null;
  signedIn: boolean;
  resumed: boolean;
}) {
  return (
    <div className="reply-page">
      <p className="eyebrow">{parent ? "Reply to a comment on" : "Leave a reply to"}</p>
      <h1>
        <Link href={`/reviews/${review.slug}`}>
          <bdi>{review.title}</bdi>
        </Link>
      </h1>
      {resumed && signedIn ? (
        <p className="notice" data-testid="draft-resumed">
          You are signed in. Your text is below, ready to post.
        </p>
      ) : null}
      {parent ? <QuotedComment comment={parent} opId={review.authorId} /> : null}
      <ThreadProvider value={{ reviewId: review.id, slug: review.slug, providers: configuredProviders() }}>
        <CommentForm
          parentId={parent?.id ?? null}
          label={
            parent?.author ? (
              <>
                Reply to <bdi>{parent.author.name}</bdi>
              </>
            ) : parent ? (
              "Reply to this comment"
            ) : (
              "Your comment"
            )
          }
          initial={state}
          signIn={signedIn ? "hide" : "show"}
          autoFocus
        />
      </ThreadProvider>
      <p className="muted">
        <Link href={parent ? `/comments/${parent.id}` : `/reviews/${review.slug}#comments`}>Cancel</Link>
      </p>
    </div>
  );
}
