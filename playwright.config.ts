import { defineConfig } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "./tests/e2e/server-env";

// End-to-end suite: the production build of Marquee (`node scripts/start.mjs`, which builds first when
// the build is stale) on a fresh database, plus a real OpenID provider on loopback.
//
// Browse at http://localhost, never 127.0.0.1: Next rewrites 127.x hosts to "localhost", so Auth.js
// builds its OAuth callback URLs on localhost (notes pitfall 7). Readiness is probed on 127.0.0.1.
// Ports and data folder can be moved, so two suites can run side by side on one machine.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 3200);
const DATA = process.env.E2E_DATA ?? "e2e-data";
// Set by scripts/test-pg.mjs --e2e: the server runs on this (empty, fresh) PostgreSQL database.
const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || undefined;
const BASE_URL = `http://localhost:${PORT}`;
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const OIDC_CLIENT_ID = "marquee-e2e";
const OIDC_CLIENT_SECRET = "marquee-e2e-client-secret";

export default defineConfig({
  testDir: "tests/e2e",
  testMatch: "**/*.spec.ts",
  // On PostgreSQL (scripts/test-pg.mjs --e2e), every spec but the route fuzzer, whose watch on the
  // database reads the SQLite file page by page between requests.
  testIgnore: E2E_DATABASE_URL ? ["**/fuzz-routes.spec.ts"] : [],
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: process.env.E2E_DATA ? `test-results-${DATA}` : "test-results",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      name: "oidc",
      command: "node tests/e2e/oidc-provider.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: {
        OIDC_PORT: String(OIDC_PORT),
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_CALLBACK: `${BASE_URL}/api/auth/callback/oidc`,
      },
      timeout: 30_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 2_000 },
    },
    {
      name: "marquee",
      // A fresh database every run (notes pitfall 12); start.mjs migrates and seeds the demo members.
      command: `rm -rf ${DATA} && node scripts/start.mjs`,
      url: `http://127.0.0.1:${PORT}/api/health`,
      env: {
        PORT: String(PORT),
        DATABASE_PATH: `${DATA}/e2e.db`,
        ...(E2E_DATABASE_URL ? { DATABASE_URL: E2E_DATABASE_URL } : {}),
        AUTH_SECRET: "marquee-e2e-auth-secret-0123456789-abcdefghijklmnop",
        // Journeys stand behind one "proxy": each sends X-Forwarded-For as a proxy would, so that it
        // has its own address for per-address limits (tests/e2e/trust.spec.ts checks what is believed).
        TRUST_PROXY: "1",
        // Two processes on the port, whatever the machine: every journey runs across workers
        // (tests/e2e/cluster.spec.ts shows that both answer).
        WEB_CONCURRENCY: "2",
        SCRYPT_COST: "12",
        // The demo members' password (tests/e2e/helpers.ts DEMO_PASSWORD reads the same value).
        DEMO_PASSWORD: E2E_DEMO_PASSWORD,
        // Every journey signs up from this one address: limits far above what the suite makes.
        // accounts.spec.ts reaches the limit by filling its window in the database instead.
        SIGNUP_HOURLY_PER_ADDRESS: "100000",
        SIGNUP_DAILY_PER_ADDRESS: "1000000",
        // A short grace window, so a journey can edit "after the grace window" without waiting five minutes.
        EDIT_GRACE_SECONDS: "2",
        // No pause between comments, so journeys post several in a row; the duplicate-body rule still holds.
        COMMENT_INTERVAL_SECONDS: "0",
        COMMENT_NEWCOMER_INTERVAL_SECONDS: "0",
        // Vote limits, stated here because votes specs count on them: each journey votes as its own
        // members, well under these, and two journeys (with and without JavaScript) exceed the newcomer burst to see the 429.
        VOTE_BURST_PER_MINUTE: "30",
        VOTE_DAILY_CAP: "500",
        VOTE_NEWCOMER_BURST_PER_MINUTE: "10",
        VOTE_NEWCOMER_DAILY_CAP: "100",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_NAME: "Test OpenID",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      // It may build first (about 20–40 s, more under load).
      timeout: 180_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
  ],
});
