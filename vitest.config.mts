import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      // `import "server-only"` throws outside a React Server Components bundle.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./tests/helpers/empty.ts", import.meta.url)) },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    environment: "node",
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // Runs in the PostgreSQL suite (vitest.pg.config.mts, `npm run test:pg`).
    exclude: ["tests/integration/durability-pg.test.ts"],
    pool: "forks",
    setupFiles: ["tests/helpers/setup.ts"],
    // Tests assert results, never speed; the limit only stops a hung test, and leaves room for a busy machine
    // (a body at the markdown cap takes about a second to render and check on an idle one, four on a loaded one).
    testTimeout: 30_000,
    // Cheap scrypt for tests; hashes carry their own parameters, so nothing else changes.
    env: { SCRYPT_COST: "12" },
  },
});
