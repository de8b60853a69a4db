import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, expectSignedOut, formMessage, submitSignIn, userByUsername } from "./helpers";
import { suspend } from "./helpers/rows";

// Journey: a moderator has suspended a member; that member tries to sign in with the right password.
const MEMBER = "kenji_nakamura";

test("a suspended member cannot sign in and is told why", async ({ page }) => {
  const changed = suspend(userByUsername(MEMBER)!.id);
  expect(changed).toBe(1);
  expect(userByUsername(MEMBER)?.suspended_at).not.toBeNull();

  await page.goto("/signin");
  const res = await submitSignIn(page, MEMBER, DEMO_PASSWORD);
  expect(res.status()).toBe(403);
  await expect(formMessage(page)).toHaveText("This account is suspended. You cannot sign in.");
  await expect(page.getByLabel("Username or email")).toHaveValue(MEMBER);
  await expect(page).toHaveURL("/signin");
  await expectSignedOut(page);

  // No session cookie was issued either.
  const cookies = await page.context().cookies();
  expect(cookies.filter((c) => /session-token/.test(c.name))).toEqual([]);

  // The same with the email address.
  await page.reload();
  const byEmail = await submitSignIn(page, "kenji.nakamura@demo.marquee.test", DEMO_PASSWORD);
  expect(byEmail.status()).toBe(403);
  await expect(formMessage(page)).toHaveText("This account is suspended. You cannot sign in.");
  await expectSignedOut(page);
});
