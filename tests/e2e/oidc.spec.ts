import { expect, test } from "@playwright/test";
import { E2E_ORIGIN, OIDC_ORIGIN, accountsOf, countUsers, expectSignedInAs, signOut, userByEmail } from "./helpers";

// Journey: a visitor signs in with the OpenID provider (tests/e2e/oidc-provider.mjs) for the first time.
// Login "cinephile-ada" → the provider's profile: name "Cinéphile Ada", email cinephile-ada@oidc.test.
const LOGIN = "cinephile-ada";
const NAME = "Cinéphile Ada";
const EMAIL = `${LOGIN}@oidc.test`;

test("first sign-in with OpenID Connect creates a member with a valid username", async ({ page }) => {
  // The provider's dev pages import a web font; there is no internet here.
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (route) => route.abort());
  const before = countUsers();

  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test OpenID" }).click();

  // The provider's login page (devInteractions accepts any login).
  await page.waitForURL(`${OIDC_ORIGIN}/interaction/**`);
  await page.locator('input[name="login"]').fill(LOGIN);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();

  // Its consent page.
  await page.getByRole("button", { name: "Continue" }).click();

  // Back on Marquee, signed in.
  await page.waitForURL(`${E2E_ORIGIN}/`);
  await expectSignedInAs(page, NAME);

  expect(countUsers()).toBe(before + 1);
  const row = userByEmail(EMAIL);
  expect(row, "users row for the OIDC email").toBeDefined();
  expect(row!.name).toBe(NAME);
  expect(row!.username).toMatch(/^\w{3,24}$/);
  expect(row!.username).toBe("Cinephile_Ada");
  expect(row!.username_key).toBe(row!.username.toLowerCase());
  expect(row!.password_hash).toBeNull();

  const accounts = accountsOf(row!.id);
  expect(accounts).toHaveLength(1);
  expect(accounts[0]).toMatchObject({ provider: "oidc", type: "oidc", provider_account_id: LOGIN });

  // Signing out and in again reuses the same member (no second row).
  await signOut(page);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test OpenID" }).click();
  // The provider remembers its session; it may still ask for consent again.
  const consent = page.getByRole("button", { name: "Continue" });
  const back = page.waitForURL(`${E2E_ORIGIN}/`).then(() => "back" as const);
  const asked = consent.waitFor().then(() => "consent" as const);
  back.catch(() => undefined);
  asked.catch(() => undefined);
  if ((await Promise.race([back, asked])) === "consent") await consent.click();
  await back;
  await expectSignedInAs(page, NAME);
  expect(countUsers()).toBe(before + 1);
  expect(accountsOf(row!.id)).toHaveLength(1);
});
