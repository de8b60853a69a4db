// Values the e2e server is started with (playwright.config.ts) that journeys need too.

/** The demo members' password on the e2e server (DEMO_PASSWORD): a real first start generates one instead. */
export const E2E_DEMO_PASSWORD = "marquee-e2e-demo-password";

/** Server processes on the e2e server's port (WEB_CONCURRENCY): every journey runs across them. */
export const E2E_WORKERS = 2;
