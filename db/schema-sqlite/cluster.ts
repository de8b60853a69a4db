import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// What several server processes (on one host or many) share besides the content.

/**
 * Cache tags a write expired, each with the number of the last write that expired it. Every
 * process keeps rendered pages in its own memory; before it serves from them it reads the tags
 * numbered above the last it saw (lib/cache/shared-tags.ts), so a write's pages are expired in
 * every process once it commits. Numbers only grow: writes take them under the write lock.
 */
export const cacheTags = sqliteTable(
  "cache_tags",
  {
    tag: text("tag").primaryKey(),
    seq: integer("seq").notNull(),
  },
  (t) => [index("cache_tags_seq_idx").on(t.seq)],
);

/**
 * Scheduled jobs (the sweep): when each last ran. A process runs a job only when it claims the
 * run in the job's own write, so a job runs once across all processes however many ask.
 */
export const jobs = sqliteTable("jobs", {
  name: text("name").primaryKey(),
  lastRunAt: integer("last_run_at", { mode: "timestamp_ms" }).notNull(),
});
