import type { Metadata } from "next";
import Link from "@/components/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { ReviewEditor } from "@/components/review/review-editor";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormState } from "@/lib/forms/read-state";
import { canEditAuthored } from "@/lib/permissions";
import { getReviewForEdit } from "@/lib/reviews/queries";
import { SignedOutEditor } from "./signed-out-editor";

export const metadata: Metadata = { title: "Edit review" };
export const instant = false;

export default async function EditReviewPage({ params, searchParams }: PageProps<"/reviews/[slug]/edit">) {
  await connection();
  const { slug } = await params;
  const saved = (await searchParams).saved === "draft";
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user) {
    if (!state) redirect(`/signin?callbackUrl=${encodeURIComponent(`/reviews/${slug}/edit`)}`);
    // A signed-out post refused for it: only what was sent comes back, nothing stored is read.
    return <SignedOutEditor slug={slug} state={state} />;
  }
  const review = await getReviewForEdit(getDb(), slug);
  if (!review || review.status === "deleted") notFound();
  if (!canEditAuthored(user, review)) forbidden();
  const isDraft = review.status === "draft";
  return (
    <div className="editor-page">
      <p className="eyebrow">{isDraft ? "Draft" : "Editing"}</p>
      <h1>
        <bdi>{review.title}</bdi>
      </h1>
      {saved && !state ? (
        <p className="notice" data-testid="draft-saved">
          Draft saved. Only you can see it, under <Link href="/drafts">My drafts</Link>.
        </p>
      ) : null}
      {!isDraft ? (
        <p className="muted">
          Small fixes within five minutes amend the current version; other edits are kept in the{" "}
          <Link href={`/reviews/${review.slug}/revisions`}>revision history</Link>.
        </p>
      ) : null}
      <ReviewEditor
        action={`/api/reviews/${review.slug}/edit`}
        initial={state}
        values={{
          slug: review.slug,
          status: isDraft ? "draft" : "published",
          title: review.title,
          filmTitle: review.filmTitle,
          filmYear: String(review.filmYear),
          score: review.score === null ? "" : String(review.score),
          tags: review.tags.join(", "),
          hasSpoilers: review.hasSpoilers,
          body: review.bodyMd,
        }}
      />
      <details className="danger-zone">
        <summary>Delete this review…</summary>
        <form action={`/api/reviews/${review.slug}/delete`} method="post">
          <p className="muted">Its page will say it was deleted. This cannot be undone.</p>
          <button type="submit" className="button button--danger">
            {/* One flex item: the button's gap would otherwise part the quotes from the title. */}
            <span>
              Yes, delete “<bdi>{review.title}</bdi>”
            </span>
          </button>
        </form>
      </details>
    </div>
  );
}
