import { dictionary } from "@zxcvbn-ts/language-common";

// The list is ranked by how often each password appeared in public breaches.
const COMMON = new Set(dictionary["passwords-common"].slice(0, 1000).map((p) => p.toLowerCase()));

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.normalize("NFKC").toLowerCase());
}

/** For tests: the n-th most common password. */
export function commonPasswordAt(rank: number): string | undefined {
  return dictionary["passwords-common"][rank];
}
