import type { Metadata } from "next";
import { StatePage } from "@/components/state-page";

export const metadata: Metadata = { title: "Not yours to change", robots: { index: false } };

/**
 * What an editor page of someone else's review or comment answers, with 403 (proxy.ts rewrites to
 * it): built once, as a page whose status is known before it streams must be.
 */
export default function NotYoursPage() {
  return (
    <StatePage code="403" title="This is not yours to change">
      Only its author, a moderator or an admin can edit or delete it.
    </StatePage>
  );
}
