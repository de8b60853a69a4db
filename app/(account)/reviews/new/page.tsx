import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { ReviewEditor } from "@/components/review/review-editor";
import { getCurrentUser } from "@/lib/auth/session";
import { readFormState } from "@/lib/forms/read-state";

export const metadata: Metadata = { title: "Write a review" };
export const instant = false;

export default async function NewReviewPage() {
  await connection();
  const [user, state] = await Promise.all([getCurrentUser(), readFormState()]);
  if (!user && !state) redirect("/signin?callbackUrl=%2Freviews%2Fnew");
  return (
    <div className="editor-page">
      <h1>Write a review</h1>
      <ReviewEditor
        action="/api/reviews"
        initial={state}
        values={{ slug: null, status: null, title: "", filmTitle: "", filmYear: "", score: "", tags: "", hasSpoilers: false, body: "" }}
      />
    </div>
  );
}
