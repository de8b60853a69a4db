import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// Sign-in attempts per key (`account:<identifier>` or `address:<hash>`) in a sliding window.
export const authThrottle = sqliteTable("auth_throttle", {
  key: text("key").primaryKey(),
  attempts: integer("attempts").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
});
