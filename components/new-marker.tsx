import { NEWCOMER_WHY } from "@/lib/comments/thread-html";

/** The "New" marker beside a newcomer's name, so readers know to make them welcome. */
export function NewMarker({ isNew }: { isNew: boolean }) {
  return isNew ? (
    <span className="new-pill" title={NEWCOMER_WHY}>
      New
    </span>
  ) : null;
}
