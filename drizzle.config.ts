import { defineConfig } from "drizzle-kit";

// SQLite's migrations, from db/schema-sqlite (applied by openDb in db/index.ts).
export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema-sqlite/index.ts",
  out: "./drizzle/sqlite",
});
