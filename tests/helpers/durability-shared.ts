// What the durability tests and their writer processes (./durability-writer.ts) share. The
// writers run under plain node, so nothing here may import vitest.

export type Member = { id: string; username: string };

export type WriterConfig = {
  file: string;
  migrations: string;
  /** Goes into every title and body, so no two writers (or lives of one) post the same text. */
  tag: string;
  seed: number;
  members: Member[];
  /** Stop after this many writes; without it, write until killed. */
  ops?: number;
  /** Load the code, say "loaded", then wait for a line on stdin before opening the database. */
  waitForGo?: boolean;
  /**
   * Once the database is open, say "open" and wait for another line before the first write: writers
   * started together then begin writing together, not as each gets through opening the file.
   */
  waitToWrite?: boolean;
  /** Re-read the reviews, comments and votes to pick from (other writers' too) every so many writes. */
  refreshEvery: number;
};

/** One acknowledged write, as the writer prints it once the verb has returned. */
export type Ack =
  | { kind: "review"; id: number; slug: string; authorId: string; title: string }
  | { kind: "comment"; id: number; reviewId: number; parentId: number | null; authorId: string; body: string }
  | { kind: "vote"; type: "review" | "comment"; id: number; userId: string; changed: boolean };

export type Line = Ack | { kind: "loaded" } | { kind: "open" } | { kind: "error"; name?: string; code: string | null; message: string };

/**
 * Limits that would refuse a writer making dozens of writes a second as a handful of brand-new
 * members (a refusal is no acknowledgement, so it would only thin out the test): the gap between
 * comments off, vote limits far above what a run makes.
 */
export const WRITER_ENV = {
  COMMENT_INTERVAL_SECONDS: "0",
  COMMENT_NEWCOMER_INTERVAL_SECONDS: "0",
  VOTE_BURST_PER_MINUTE: "100000",
  VOTE_NEWCOMER_BURST_PER_MINUTE: "100000",
  VOTE_DAILY_CAP: "1000000",
  VOTE_NEWCOMER_DAILY_CAP: "1000000",
};

/** mulberry32: a small seeded generator, so a failing run can be replayed with the same seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
