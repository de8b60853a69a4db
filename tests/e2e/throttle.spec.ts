import { expect, test } from "@playwright/test";
import { expectFieldError, expectSignedOut, formMessage, signOut, signUp, submitSignIn, unique } from "./helpers";

// Journey: someone guesses passwords for one account until Marquee refuses to check any more.
// lib/auth/throttle.ts SIGN_IN_LIMITS.pair (one account from one address): answers slow down after 3
// failures and the 9th attempt (after refuseAfter = 8 counted ones) is refused with 429 for the rest
// of the 15-minute window. From another address the owner still gets in (tests/integration/authenticate.test.ts).
const REFUSE_AFTER = 8;
const WRONG = "Wrong username, email or password.";

test("repeated wrong passwords end in 429 Too many sign-in attempts", async ({ page }) => {
  // Later attempts are deliberately slowed (up to 3 s each).
  test.setTimeout(120_000);

  // A throwaway account, so no other journey shares its counter.
  const username = unique("Guess");
  const password = "a-long-unusual-passphrase-42";
  await signUp(page, { username, email: `${username.toLowerCase()}@example.org`, password });
  await signOut(page);

  await page.goto("/signin");
  for (let attempt = 1; attempt <= REFUSE_AFTER; attempt++) {
    const res = await submitSignIn(page, username, `wrong-password-${attempt}`);
    expect(res.status(), `attempt ${attempt}`).toBe(401);
    await expectFieldError(page.getByLabel("Password", { exact: true }), WRONG);
  }

  const refused = await submitSignIn(page, username, "wrong-password-again");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  await expect(formMessage(page)).toHaveText(/^Too many sign-in attempts\. Try again in \d+ minutes?\.$/);
  await expect(page.getByLabel("Username or email")).toHaveValue(username);

  // While refused, even the right password is not checked; other spellings of the account share the counter.
  const right = await submitSignIn(page, username, password);
  expect(right.status()).toBe(429);
  const otherCase = await submitSignIn(page, `  ${username.toUpperCase()} `, password);
  expect(otherCase.status()).toBe(429);
  await expect(formMessage(page)).toContainText("Too many sign-in attempts");
  await expect(page).toHaveURL("/signin");
  await expectSignedOut(page);
});
