import { defineConfig } from "@playwright/test";
import e2e from "./playwright.config";

// The deployment suite (`npm run test:deploy`, scripts/test-deploy.mjs): two production servers on
// one PostgreSQL database behind nginx configured from deploy/nginx/marquee.conf. The specs start
// the servers and nginx themselves (tests/deploy/site.ts), once per worker; the PostgreSQL
// cluster comes from scripts/test-deploy.mjs (DEPLOY_PG_URL).
export default defineConfig({
  testDir: "tests/deploy",
  testMatch: "**/*.spec.ts",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: "list",
  // A journey may restart both servers (each start migrates, and waits for its start-up work).
  timeout: 120_000,
  expect: { timeout: 10_000 },
  outputDir: "test-results-deploy",
  // The scripts the specs import (nginx.mjs, postgres-throwaway.mjs) are ES modules: Node loads
  // them as they are; Playwright's transform would turn them into CommonJS inside an ES module.
  build: { external: ["**/scripts/*.mjs"] },
  use: {
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    // Debian's Chromium with the end-to-end suite's flags.
    launchOptions: e2e.use?.launchOptions,
  },
});
