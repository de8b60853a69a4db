"use client";

import { createContext, useContext, type ReactNode } from "react";

export type ThreadInfo = {
  reviewId: number;
  slug: string;
  /** The review author's id, for the "author" marker on their comments. */
  opId: string | null;
  providers: { id: string; name: string }[];
  /** The page the thread is on, for coming back to a comment after a plain form post. */
  base: string;
};

const ThreadContext = createContext<ThreadInfo | null>(null);

export function ThreadProvider({ value, children }: { value: ThreadInfo; children: ReactNode }) {
  return <ThreadContext.Provider value={value}>{children}</ThreadContext.Provider>;
}

export function useThread(): ThreadInfo {
  const info = useContext(ThreadContext);
  if (!info) throw new Error("useThread outside a ThreadProvider");
  return info;
}
