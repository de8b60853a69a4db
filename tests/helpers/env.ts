import os from "node:os";
import path from "node:path";
import { resetEnvForTests } from "@/lib/env";

export const TEST_AUTH_SECRET = "test-secret-for-marquee-vitest-0123456789";
/** The demo members' password in tests (DEMO_PASSWORD): fixed here, generated on a real first start. */
export const TEST_DEMO_PASSWORD = "vitest-demo-password-4417";

/**
 * A known AUTH_SECRET (so nothing writes a generated secret into ./data), a known demo password, and a database path
 * outside the repository (tests pass their own connection; nothing should open this one), then
 * forget the parsed environment so the next getEnv() reads them.
 */
export function setTestEnv(overrides: Record<string, string> = {}) {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  process.env.DEMO_PASSWORD = TEST_DEMO_PASSWORD;
  process.env.DATABASE_PATH = path.join(os.tmpdir(), "marquee-vitest-unused", "marquee.db");
  Object.assign(process.env, overrides);
  resetEnvForTests();
}
