import { expect, test } from "@playwright/test";
import { countUsers, expectSignedOut, shot, signIn, signOut, signUp, unique, userByUsername } from "./helpers";

// Journey: a new member signs up (JavaScript on), signs out, and signs back in by username and by email.
test("sign up, sign out, sign in by username and by email", async ({ page }) => {
  const username = unique("Reel");
  const displayName = "Ana Lúcia Ferreira";
  const email = `${username}.Mixed+E2E@Example.COM`;
  const password = "a-long-unusual-passphrase-42";
  const before = countUsers();

  await signUp(page, { username, displayName, email, password });
  console.log(`screenshot: ${await shot(page, "signed-in-home.png")}`);

  // One new row: the username as typed, a lower-cased key and a lower-cased email; the password only as a hash.
  expect(countUsers()).toBe(before + 1);
  const row = userByUsername(username);
  expect(row).toBeDefined();
  expect(row!.username).toBe(username);
  expect(row!.username_key).toBe(username.toLowerCase());
  expect(row!.name).toBe(displayName);
  expect(row!.email).toBe(email.toLowerCase());
  expect(row!.password_hash).toMatch(/^scrypt\$/);
  expect(row!.password_hash).not.toContain(password);
  expect(row!.suspended_at).toBeNull();

  await signOut(page);
  await expectSignedOut(page);

  await signIn(page, username, password, displayName);
  await signOut(page);

  // The email as the person typed it (mixed case) finds the lower-cased row.
  await signIn(page, email, password, displayName);
});

test("a new member appears on the home page", async ({ page }) => {
  await page.goto("/");
  const members = page.getByRole("region", { name: "The people writing here" });
  await expect(members).toBeVisible();
  const username = unique("Fresh");
  await signUp(page, { username, displayName: "Fresh Face", email: `${username.toLowerCase()}@example.org`, password: "a-long-unusual-passphrase-42" });
  await page.reload();
  await expect(members).toContainText(`${countUsers()} members so far.`);
  await expect(members.getByText(`@${username}`)).toBeVisible();
});
