import { StatePage } from "@/components/state-page";

// Answered with 403 when a member opens something that is not theirs to change.
export default function Forbidden() {
  return (
    <StatePage code="403" title="This is not yours to change">
      Only its author, a moderator or an admin can do that.
    </StatePage>
  );
}
