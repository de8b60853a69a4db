import { revalidateTag } from "next/cache";
import type { Changes } from "./changes";
import { tagsFor } from "./tags-for";

export { tagsFor };

/** From a route handler, after the write committed: the next request for any page showing what changed renders afresh. */
export function expireChanges(...changes: Changes[]) {
  const tags = new Set(changes.flatMap(tagsFor));
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
}
