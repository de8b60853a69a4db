import "@/components/comments/comments.css";
import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { StaticHtml } from "@/components/static-html";
import { ThreadProvider } from "@/components/comments/thread-context";
import { ThreadReplies } from "@/components/comments/thread-replies";
import { commentListHtml } from "@/lib/comments/thread-html";
import { StatePage } from "@/components/state-page";
import { configuredProviders } from "@/lib/auth/providers";
import { commentIdParam } from "@/lib/comments/links";
import { pathIds } from "@/lib/comments/path";
import { loadCommentPage } from "./load";
import { commentsLabel, countLabel } from "@/lib/count-labels";

// Shared page: a comment in its context, static and cached like the review it belongs to.
export const ensureStatic = "navigation";

const SHOWN_ANCESTORS = 3;

export async function generateStaticParams() {
  return [{ id: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/comments/[id]">): Promise<Metadata> {
  const page = await loadCommentPage(commentIdParam((await params).id));
  if (page.kind !== "shown") return { robots: { index: false } };
  const by = page.focus.author?.name;
  return {
    title: by ? `${by} on “${page.review.title}”` : `A comment on “${page.review.title}”`,
    alternates: { canonical: `/comments/${page.focus.id}` },
  };
}

export default async function CommentPermalinkPage({ params }: PageProps<"/comments/[id]">) {
  const page = await loadCommentPage(commentIdParam((await params).id));
  if (page.kind === "missing") notFound();
  if (page.kind === "review-deleted") {
    return (
      <StatePage code="410" title="This review was deleted">
        The comment belonged to a review its author or a moderator took down.
      </StatePage>
    );
  }
  if (page.kind === "deleted") {
    return (
      <StatePage code="410" title="This comment was deleted" back={{ href: `/reviews/${page.review.slug}#comments`, label: "Back to the discussion" }}>
        Its author or a moderator deleted it, and no reply to it remains.
      </StatePage>
    );
  }
  const { review, ancestors, tree, focus } = page;
  const rootId = pathIds(focus.path)[0]!;
  // The nearest ancestors stay open; a long chain above them folds away.
  const chain = ancestors.map((a) => ({ ...a, children: [], continued: 0 }));
  const earlier = chain.slice(0, Math.max(0, chain.length - SHOWN_ANCESTORS));
  const recent = chain.slice(earlier.length);
  const base = `/comments/${focus.id}`;
  const list = (nodes: typeof chain) => ({ __html: commentListHtml(nodes, { opId: review.authorId }) });
  return (
    <article className="comment-page" aria-labelledby="comment-page-title" data-viewer-review={review.id}>
      <header className="comment-page__header">
        <p className="eyebrow">A comment on</p>
        <h1 id="comment-page-title">
          <Link href={`/reviews/${review.slug}`}>
            <bdi>{review.title}</bdi>
          </Link>
        </h1>
        <nav className="comment-page__nav" aria-label="This comment's context">
          <Link href={`/reviews/${review.slug}#comments`}>
            ← All {commentsLabel(review.commentCount)}
          </Link>
          {focus.parentId !== null ? (
            <>
              {/* A full load, so the comment becomes the highlighted :target. */}
              <a href={`/reviews/${review.slug}#comment-${rootId}`}>view full context</a>
              <Link href={`/comments/${focus.parentId}`}>view parent</Link>
            </>
          ) : null}
        </nav>
      </header>
      <ThreadProvider value={{ reviewId: review.id, slug: review.slug, providers: configuredProviders() }}>
        {ancestors.length ? (
          <section className="comment-ancestors" aria-label={ancestors.length === 1 ? "The comment it replies to" : "The comments it replies to"}>
            {earlier.length ? (
              <details className="comment-ancestors__earlier">
                <summary>
                  {countLabel(earlier.length, "earlier comment")} in this thread
                </summary>
                <div dangerouslySetInnerHTML={list(earlier)} />
              </details>
            ) : null}
            <div dangerouslySetInnerHTML={list(recent)} />
          </section>
        ) : null}
        <StaticHtml id="comment-focus" className="comment-focus" testId="comment-focus" html={commentListHtml(tree, { opId: review.authorId })} src={base} />
        <ThreadReplies />
      </ThreadProvider>
    </article>
  );
}
