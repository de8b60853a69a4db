import Link from "@/components/link";
import { ReviewEditor } from "@/components/review/review-editor";
import { StatePage } from "@/components/state-page";
import type { FormState } from "@/lib/action-result";

/**
 * The editor shown again for a signed-out post (a session that ended while writing): the text
 * that was sent, kept, and a way to sign in. Built from the post alone: whose review this is,
 * and what it says, is not for a signed-out reader.
 */
export function SignedOutEditor({ slug, state }: { slug: string; state: FormState }) {
  const back = `/reviews/${encodeURIComponent(slug)}/edit`;
  const signIn = `/signin?callbackUrl=${encodeURIComponent(back)}`;
  const v = state.values;
  const sent = (name: string) => v[name] ?? "";
  if (!["title", "body", "filmTitle", "tags"].some((name) => sent(name) !== "")) {
    return (
      <StatePage code={String(state.status)} title="Sign in first" back={{ href: signIn, label: "Sign in" }}>
        {state.message ?? "Please sign in to change a review."}
      </StatePage>
    );
  }
  return (
    <div className="editor-page">
      <h1>Edit review</h1>
      <p className="notice">
        <Link href={signIn}>Sign in</Link>, then send it again: your text is kept below.
      </p>
      <ReviewEditor
        action={back}
        initial={state}
        values={{
          slug,
          status: sent("status") === "published" ? "published" : "draft",
          title: sent("title"),
          filmTitle: sent("filmTitle"),
          filmYear: sent("filmYear"),
          score: sent("score"),
          tags: sent("tags"),
          hasSpoilers: sent("hasSpoilers") === "on",
          body: sent("body"),
        }}
      />
    </div>
  );
}
