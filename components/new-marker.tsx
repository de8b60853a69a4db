import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";

const WHY = `New here: joined in the last ${NEWCOMER_DAYS} days or has fewer than ${NEWCOMER_CONTRIBUTIONS} reviews and comments`;

/** The "New" marker beside a newcomer's name, so readers know to make them welcome. */
export function NewMarker({ isNew }: { isNew: boolean }) {
  return isNew ? (
    <span className="new-pill" title={WHY}>
      New
    </span>
  ) : null;
}
