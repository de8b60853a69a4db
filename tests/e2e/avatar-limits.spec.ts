import sharp from "sharp";
import { expect, test, type Page, type Response } from "@playwright/test";
import { createMembers, E2E_ORIGIN, expectFieldError, signInWithCookie, withDb, type MemberE2E } from "./helpers";

// The limits on avatar uploads, through /settings: an image over 4,096 × 4,096 px in all is refused
// beside the field before it is decoded, and a member's uploads past AVATAR_UPLOADS_PER_HOUR are
// refused with 429 and Retry-After, the avatar and its stored bytes left as they were. Each journey
// makes its own member.

const UPLOADS_PER_HOUR = 10; // lib/env.ts's default; playwright.config.ts leaves it as is
const AS_FORM = { origin: E2E_ORIGIN, accept: "application/json" };

const isAvatarPost = (r: Response) => new URL(r.url()).pathname === "/api/settings/avatar" && r.request().method() === "POST";
const avatarField = (page: Page) => page.getByTestId("avatar-form").getByLabel("Upload a new picture");
const imageOf = (id: string) => withDb((db) => (db.prepare("select image from users where id = ?").get(id) as { image: string | null }).image);
/** The member's stored avatars (avatar_files), by name. */
const storedAvatars = (id: string) =>
  withDb((db) => db.prepare("select name, content_type, length(bytes) as size from avatar_files where user_id = ? order by name").all(id) as { name: string; content_type: string; size: number }[]);

/** One colour, so even a large picture is a small file. */
const picture = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 60 } } }).jpeg().toBuffer();

async function uploadInPage(page: Page, buffer: Buffer) {
  await avatarField(page).setInputFiles({ name: "me.jpg", mimeType: "image/jpeg", buffer });
  const answer = page.waitForResponse(isAvatarPost);
  await page.getByRole("button", { name: "Upload avatar" }).click();
  return answer;
}

test("an image over 4,096 × 4,096 px in all is refused beside the field (422), the avatar as it was", async ({ page, context }) => {
  const [member] = createMembers("avpx") as [MemberE2E];
  await signInWithCookie(context, member.id);
  await page.goto("/settings");

  const huge = await picture(5000, 4000); // within 8,000 px a side, 20 megapixels in all
  const res = await uploadInPage(page, huge);
  expect(res.status()).toBe(422);
  const message = "That image has 20,000,000 pixels (5000 × 4000); an avatar can have at most 16,777,216 (4,096 × 4,096). Make it smaller and try again.";
  await expect(page.getByTestId("error-avatar")).toHaveText(message);
  await expectFieldError(avatarField(page), message);
  expect(imageOf(member.id)).toBeNull();
  expect(storedAvatars(member.id)).toEqual([]);
  // Refused from its header: nothing counted against the hourly limit.
  expect(withDb((db) => db.prepare("select count(*) as n from rate_windows where key = ?").get(`avatar-upload:${member.id}`) as { n: number }).n).toBe(0);
});

test(`past ${UPLOADS_PER_HOUR} uploads an hour: 429 with Retry-After and the message beside the field; the avatar and its stored bytes untouched`, async ({ page, context }) => {
  const [member] = createMembers("avrate") as [MemberE2E];
  await signInWithCookie(context, member.id);
  const small = await picture(64, 64);
  for (let i = 0; i < UPLOADS_PER_HOUR; i++) {
    const res = await page.request.post("/api/settings/avatar", { headers: AS_FORM, multipart: { avatar: { name: `me-${i}.jpg`, mimeType: "image/jpeg", buffer: small } } });
    expect(res.status(), `upload ${i + 1}`).toBe(200);
  }
  const image = imageOf(member.id)!;
  expect(image).toMatch(/^\/avatars\/[\w-]{16}\.webp$/);
  // Each upload replaced the one before: one stored avatar, the last.
  const stored = storedAvatars(member.id);
  expect(stored).toEqual([{ name: image.slice("/avatars/".length), content_type: "image/webp", size: expect.any(Number) }]);
  expect(stored[0]!.size).toBeGreaterThan(0);

  await page.goto("/settings");
  const res = await uploadInPage(page, small);
  expect(res.status()).toBe(429);
  const wait = Number(res.headers()["retry-after"]);
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(3600);
  const message = new RegExp(`^You can upload ${UPLOADS_PER_HOUR} avatars an hour\\. Try again in \\d+ (?:minutes|seconds?)\\.$`);
  await expect(page.getByTestId("error-avatar")).toHaveText(message);
  expect(imageOf(member.id)).toBe(image);
  expect(storedAvatars(member.id)).toEqual(stored);
  const served = await page.request.get(image);
  expect(served.status()).toBe(200);
});
