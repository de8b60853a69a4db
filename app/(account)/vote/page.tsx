import type { Metadata } from "next";
import { connection } from "next/server";
import { StatePage } from "@/components/state-page";
import { readFormState, safeCallbackUrl } from "@/lib/forms/read-state";

export const metadata: Metadata = { title: "Vote not counted", robots: { index: false } };
export const instant = false;

// Where a refused upvote sent without JavaScript is explained (the answer keeps the refusal's 4xx status).
export default async function VoteRefusedPage() {
  await connection();
  const state = await readFormState();
  const back = safeCallbackUrl(state?.values.back);
  // A forged vote's field messages say more than "correct the fields" on a page without fields.
  const detail = state ? (Object.values(state.fieldErrors).flat()[0] ?? state.message) : undefined;
  return (
    <StatePage code={String(state?.status ?? 400)} title="Your vote was not counted" back={{ href: back, label: "Go back" }}>
      {detail ?? "Upvote from a review or a comment."}
    </StatePage>
  );
}
