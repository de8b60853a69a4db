import { bigint, index, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

export const cacheTags = pgTable(
  "cache_tags",
  {
    tag: text("tag").primaryKey(),
    seq: bigint("seq", { mode: "number" }).notNull(),
  },
  (t) => [index("cache_tags_seq_idx").on(t.seq)],
);

export const jobs = pgTable("jobs", {
  name: text("name").primaryKey(),
  lastRunAt: instant("last_run_at").notNull(),
});
