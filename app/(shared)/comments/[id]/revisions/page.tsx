import type { Metadata } from "next";
import Link from "@/components/link";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { BodyDiff } from "@/components/diff-text";
import { StatePage } from "@/components/state-page";
import { getDb } from "@/lib/db";
import { ALL_TAG, NEW_COMMENT_TAG, reviewTag } from "@/lib/cache/tags";
import { commentIdParam } from "@/lib/comments/links";
import { getCommentForEdit, listCommentRevisions } from "@/lib/comments/queries";
import { formatDate } from "@/lib/format";
import { withContext, wordCounts, wordDiff, type DiffPiece } from "@/lib/reviews/diff";
import "../../../reviews/revisions.css";
import { wordsLabel } from "@/lib/count-labels";
import { mayHoldInlineSpoiler } from "@/lib/markdown/spoiler-safe";

export const ensureStatic = "navigation";

export async function generateStaticParams() {
  return [{ id: "_" }];
}

export const metadata: Metadata = { title: "Comment history", robots: { index: false } };

type Entry = { number: number; editor: string | null; createdAt: string; date: string; reason: string | null; summary: string; pieces: DiffPiece[] };

type History =
  | { kind: "missing" }
  | { kind: "gone"; slug: string }
  | { kind: "shown"; id: number; review: { slug: string; title: string }; entries: Entry[]; hasSpoilers: boolean };


/** Every revision of a comment, newest first, each with the word diff from the one before. */
async function loadHistory(id: number): Promise<History> {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const comment = id ? await getCommentForEdit(db, id) : null;
  if (!comment) {
    cacheTag(ALL_TAG, NEW_COMMENT_TAG);
    return { kind: "missing" };
  }
  cacheTag(ALL_TAG, reviewTag(comment.reviewId));
  if (comment.review.status !== "published" && comment.review.status !== "deleted") return { kind: "missing" };
  if (comment.deletedAt || comment.review.status === "deleted") return { kind: "gone", slug: comment.review.slug };
  const revisions = await listCommentRevisions(db, id);
  const entries = revisions.map((rev, i): Entry => {
    const prev = revisions[i - 1];
    const diff = wordDiff(prev?.bodyMd ?? "", rev.bodyMd);
    const { added, removed } = wordCounts(diff);
    const summary = !prev
      ? "The comment as first posted."
      : added && removed
        ? `${wordsLabel(added)} added and ${removed.toLocaleString("en-US")} removed.`
        : added
          ? `${wordsLabel(added)} added.`
          : removed
            ? `${wordsLabel(removed)} removed.`
            : "Only punctuation or formatting changed.";
    return {
      number: rev.number,
      editor: rev.editorName,
      createdAt: rev.createdAt.toISOString(),
      date: formatDate(rev.createdAt),
      reason: rev.reason?.trim() || null,
      summary,
      pieces: prev ? withContext(diff) : [{ kind: "same", text: rev.bodyMd }],
    };
  });
  return {
    kind: "shown",
    id,
    review: { slug: comment.review.slug, title: comment.review.title },
    entries: entries.reverse(),
    hasSpoilers: revisions.some((r) => mayHoldInlineSpoiler(r.bodyMd)),
  };
}

export default async function CommentRevisionsPage({ params }: PageProps<"/comments/[id]/revisions">) {
  const history = await loadHistory(commentIdParam((await params).id));
  if (history.kind === "missing") notFound();
  if (history.kind === "gone") {
    return (
      <StatePage code="410" title="This comment was deleted" back={{ href: `/reviews/${history.slug}#comments`, label: "Back to the discussion" }}>
        Its history is kept for the record, but its text is no longer shown.
      </StatePage>
    );
  }
  const { id, review, entries, hasSpoilers } = history;
  return (
    <article className="revisions" aria-labelledby="revisions-title">
      <header className="revisions__header">
        <p className="revisions__back">
          <Link href={`/comments/${id}`}>← Back to the comment</Link>
        </p>
        <h1 id="revisions-title">Comment history</h1>
        <p className="revisions__of">
          On{" "}
          <Link href={`/reviews/${review.slug}`}>
            “<bdi>{review.title}</bdi>”
          </Link>
        </p>
        <p className="muted">
          {entries.length === 1 ? "One revision." : `${entries.length} revisions, newest first.`} Added words are{" "}
          <ins className="rev-key">underlined</ins>, removed words are <del className="rev-key">struck through</del>.
        </p>
      </header>
      <ol className="rev-list">
        {entries.map((e, i) => (
          <li key={e.number} className="rev" id={`revision-${e.number}`}>
            <h2 className="rev__title">
              Revision {e.number}
              {i === 0 ? <span className="rev__current"> (current)</span> : null}
            </h2>
            <p className="rev__meta">
              by {e.editor !== null ? <bdi>{e.editor}</bdi> : <span className="muted">a deleted account</span>} <span aria-hidden="true">·</span>{" "}
              <time dateTime={e.createdAt}>{e.date}</time>
            </p>
            {e.reason ? <p className="rev__reason">Reason: {e.reason}</p> : null}
            <p className="muted">{e.summary}</p>
            {hasSpoilers ? (
              <details className="rev-spoiler">
                <summary>
                  <strong>This comment contains spoilers.</strong> Show the text
                </summary>
                <BodyDiff pieces={e.pieces} />
              </details>
            ) : (
              <BodyDiff pieces={e.pieces} />
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}
