import { defineConfig } from "drizzle-kit";

// PostgreSQL's migrations, from db/schema-pg (kept equal to db/schema by tests/unit/schema-parity.test.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema-pg/index.ts",
  out: "./drizzle/pg",
});
