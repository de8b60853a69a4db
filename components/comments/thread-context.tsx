"use client";

import { createContext, useContext, type ReactNode } from "react";

export type ThreadInfo = {
  reviewId: number;
  slug: string;
  providers: { id: string; name: string }[];
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
