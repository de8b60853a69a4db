import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ReplyScreen } from "@/components/comments/reply-screen";
import { StatePage } from "@/components/state-page";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { commentIdParam } from "@/lib/comments/links";
import { getCommentForEdit, getThreadComment } from "@/lib/comments/queries";
import { readFormState } from "@/lib/forms/read-state";
import { takeFormState } from "@/lib/forms/state-store";

export const metadata: Metadata = { title: "Reply", robots: { index: false } };
export const instant = false;

export default async function ReplyToCommentPage({ params, searchParams }: PageProps<"/comments/[id]/reply">) {
  await connection();
  const id = commentIdParam((await params).id);
  const draft = (await searchParams).draft;
  const [user, posted] = await Promise.all([getCurrentUser(), readFormState()]);
  const db = getDb();
  const comment = id ? await getCommentForEdit(db, id) : null;
  if (!comment || (comment.review.status !== "published" && comment.review.status !== "deleted")) notFound();
  if (comment.review.status === "deleted") {
    return (
      <StatePage code="410" title="This review was deleted">
        Its discussion is closed.
      </StatePage>
    );
  }
  if (comment.deletedAt) {
    return (
      <StatePage code="410" title="This comment was deleted" back={{ href: `/reviews/${comment.review.slug}#comments`, label: "Back to the discussion" }}>
        It takes no more replies.
      </StatePage>
    );
  }
  const resumed = typeof draft === "string" ? takeFormState(draft) : null;
  const parent = await getThreadComment(db, id);
  return (
    <ReplyScreen
      review={comment.review}
      parent={parent}
      state={posted ?? resumed}
      signedIn={!!user}
      resumed={!!resumed}
    />
  );
}
