import type { Metadata } from "next";
import { StatePage } from "@/components/state-page";

export const metadata: Metadata = { title: "Account deleted", robots: { index: false } };

export default function GoodbyePage() {
  return (
    <StatePage code="Goodbye" title="Your account is deleted">
      You are signed out everywhere. The reviews and comments you published stay for their readers, shown as by “deleted user”.
    </StatePage>
  );
}
