import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { ReplyScreen } from "@/components/comments/reply-screen";
import { StatePage } from "@/components/state-page";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormState } from "@/lib/forms/read-state";
import { takeFormState } from "@/lib/forms/state-store";
import { getReviewForEdit } from "@/lib/reviews/queries";

export const metadata: Metadata = { title: "Leave a reply", robots: { index: false } };
export const instant = false;

export default async function ReplyToReviewPage({ params, searchParams }: PageProps<"/reviews/[slug]/reply">) {
  await connection();
  const { slug } = await params;
  const draft = (await searchParams).draft;
  const [user, posted] = await Promise.all([getCurrentUser(), readFormState()]);
  const review = await getReviewForEdit(getDb(), slug);
  if (!review || (review.status !== "published" && review.status !== "deleted")) notFound();
  if (review.status === "deleted") {
    return (
      <StatePage code="410" title="This review was deleted">
        Its discussion is closed.
      </StatePage>
    );
  }
  const resumed = typeof draft === "string" ? takeFormState(draft) : null;
  return <ReplyScreen review={review} parent={null} state={posted ?? resumed} signedIn={!!user} resumed={!!resumed} />;
}
