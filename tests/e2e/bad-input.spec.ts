import { expect, test, type Page } from "@playwright/test";
import {
  countUsers,
  expectFieldError,
  expectNoFieldError,
  expectSignedOut,
  fillSignUp,
  formMessage,
  shot,
  submitSignIn,
  unique,
  userByUsername,
  DEMO_PASSWORD,
  type NewUser,
} from "./helpers";

// Journey: a visitor gets sign-up and sign-in wrong in every way we refuse, with and without JavaScript.
// Each refusal shows its message next to the right field, keeps what was typed and writes nothing.

const TAKEN = "That username is taken.";
const TOO_LONG = "A username has at most 24 characters.";
const BAD_EMAIL = "Enter a valid email address, like name@example.com.";
const SHORT_PASSWORD = "Use at least 10 characters.";
const COMMON_PASSWORD = "That password is one of the most common ones. Choose another.";
const WRONG = "Wrong username, email or password.";

type Field = "username" | "email" | "password";
const FIELD_LABEL: Record<Field, string> = { username: "Username", email: "Email", password: "Password" };

function valid(): NewUser & { displayName: string } {
  const username = unique("Critic");
  return { username, displayName: "Refused Reviewer", email: `${username.toLowerCase()}@example.org`, password: "a-long-unusual-passphrase-42" };
}

async function submitSignUp(page: Page) {
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/signup" && r.request().method() === "POST");
  await page.getByRole("button", { name: "Create account" }).click();
  return answer;
}

const cases: { name: string; change: Partial<NewUser>; status: number; field: Field; message: string }[] = [
  { name: "a demo member's username in other case", change: { username: "INGRID_ALVARADO" }, status: 409, field: "username", message: TAKEN },
  { name: "a demo member's username in fullwidth Unicode", change: { username: "ｉｎｇｒｉｄ_alvarado" }, status: 409, field: "username", message: TAKEN },
  { name: "a 10,000-character username", change: { username: "u".repeat(10_000) }, status: 422, field: "username", message: TOO_LONG },
  { name: "an invalid email", change: { email: "not-an-email" }, status: 422, field: "email", message: BAD_EMAIL },
  { name: "a short password", change: { password: "short1" }, status: 422, field: "password", message: SHORT_PASSWORD },
  { name: "a common password", change: { password: "password123" }, status: 422, field: "password", message: COMMON_PASSWORD },
];

test.describe("bad input", () => {
  for (const c of cases) {
    test(`sign-up refuses ${c.name}, keeps the form and writes nothing`, async ({ page }) => {
      const input = { ...valid(), ...c.change };
      const before = countUsers();

      await page.goto("/signup");
      await fillSignUp(page, input);
      const res = await submitSignUp(page);
      expect(res.status()).toBe(c.status);

      await expectFieldError(page.getByLabel(FIELD_LABEL[c.field], { exact: true }), c.message);
      await expect(formMessage(page)).toBeVisible();
      for (const other of (["username", "email", "password"] as const).filter((f) => f !== c.field)) {
        await expectNoFieldError(page.getByLabel(FIELD_LABEL[other], { exact: true }));
      }
      // Nothing typed is lost.
      await expect(page.getByLabel("Username", { exact: true })).toHaveValue(input.username);
      await expect(page.getByLabel("Display name (optional)")).toHaveValue(input.displayName);
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(input.email);
      await expect(page).toHaveURL("/signup");

      expect(countUsers()).toBe(before);
      await expectSignedOut(page);
    });
  }

  test("sign-up shows every refused field at once", async ({ page }) => {
    const input = { ...valid(), email: "name@@example", password: "short" };
    const before = countUsers();
    await page.goto("/signup");
    await fillSignUp(page, input);
    expect((await submitSignUp(page)).status()).toBe(422);
    await expectFieldError(page.getByLabel("Email", { exact: true }), BAD_EMAIL);
    await expectFieldError(page.getByLabel("Password", { exact: true }), SHORT_PASSWORD);
    await expectNoFieldError(page.getByLabel("Username", { exact: true }));
    await expect(page.getByLabel("Username", { exact: true })).toHaveValue(input.username);
    console.log(`screenshot: ${await shot(page, "signup-errors.png")}`);
    expect(countUsers()).toBe(before);
    expect(userByUsername(input.username)).toBeUndefined();
  });

  test("a wrong password at sign-in keeps the username and says what went wrong", async ({ page }) => {
    await page.goto("/signin");
    const res = await submitSignIn(page, "femi_oyelaran", `${DEMO_PASSWORD}-wrong`);
    expect(res.status()).toBe(401);
    await expect(formMessage(page)).toHaveText(WRONG);
    await expectFieldError(page.getByLabel("Password", { exact: true }), WRONG);
    await expect(page.getByLabel("Username or email")).toHaveValue("femi_oyelaran");
    await expect(page).toHaveURL("/signin");
    await expectSignedOut(page);
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a bad email answers 422 with the page, the error next to the field and the values kept", async ({ page }) => {
      const input = { ...valid(), email: "not-an-email" };
      const before = countUsers();
      await page.goto("/signup");
      await fillSignUp(page, input);
      const res = await submitSignUp(page);
      expect(res.status()).toBe(422);
      expect(res.headers()["content-type"]).toContain("text/html");
      await page.waitForLoadState("load");

      await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
      await expectFieldError(page.getByLabel("Email", { exact: true }), BAD_EMAIL);
      await expect(formMessage(page)).toBeVisible();
      await expect(page.getByLabel("Username", { exact: true })).toHaveValue(input.username);
      await expect(page.getByLabel("Display name (optional)")).toHaveValue(input.displayName);
      await expect(page.getByLabel("Email", { exact: true })).toHaveValue(input.email);
      // Passwords are never sent back.
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
      expect(countUsers()).toBe(before);
    });

    test("a wrong password answers 401 with the page and the username kept", async ({ page }) => {
      await page.goto("/signin");
      const res = await submitSignIn(page, "femi_oyelaran", `${DEMO_PASSWORD}-wrong-again`);
      expect(res.status()).toBe(401);
      await page.waitForLoadState("load");
      await expect(formMessage(page)).toHaveText(WRONG);
      await expectFieldError(page.getByLabel("Password", { exact: true }), WRONG);
      await expect(page.getByLabel("Username or email")).toHaveValue("femi_oyelaran");
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    });
  });
});
