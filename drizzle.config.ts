import { defineConfig } from "drizzle-kit";

// SQLite's migrations, from db/schema (applied by openDb in db/index.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./drizzle/sqlite",
});
