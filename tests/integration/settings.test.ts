import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import type { DB } from "@/db";
import { verifyPassword } from "@/lib/auth/password";
import { tagsFor } from "@/lib/cache/expire";
import { deleteAccount } from "@/lib/users/delete-account";
import { BIO_MAX } from "@/lib/users/schemas";
import { changeEmail } from "@/lib/users/change-email";
import { changePassword } from "@/lib/users/change-password";
import { confirmsUsername } from "@/lib/users/account";
import { getSettings } from "@/lib/users/queries";
import { updateNotificationPrefs } from "@/lib/users/update-notification-prefs";
import { updateProfile } from "@/lib/users/update-profile";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { thrown } from "../helpers/errors";
import { postComment } from "../helpers/comments";
import { expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import { PASSWORD, makePasswordUser, noticeList, rows, snapshot, userRow } from "../helpers/people";
import { sqlRun, sqlValue } from "@/tests/helpers/sql";

const NEW_PASSWORD = "harry-lime-in-the-sewers";
const ghostId = "00000000-0000-4000-8000-000000000000";

/** Everything but the rate windows, which a checked password attempt moves on purpose. */
async function withoutWindows(db: DB) {
  const { rate_windows: _windows, ...rest } = await snapshot(db);
  return rest;
}
const attempts = async (db: DB, userId: string) =>
  ((await sqlValue(db, `select count from rate_windows where key = ?`, `password-check:${userId}`)) as number | undefined) ?? 0;

/** A verb's result without what it changed (asserted on its own where it matters). */
async function plain<T extends { changes: unknown }>(p: Promise<T>): Promise<Omit<T, "changes">> {
  const { changes: _changes, ...rest } = await p;
  return rest;
}

async function expectZodError(fn: () => unknown, path: string) {
  const err = await thrown(fn);
  expect(err).toBeInstanceOf(ZodError);
  expect((err as ZodError).issues.map((i) => i.path.join("."))).toContain(path);
  return err as ZodError;
}

describe("updateProfile", () => {
  const t = perTestDb();

  it("sets the display name and bio, normalized, and says which changed", async () => {
    const mara = await makeUser(t.db, "mara");
    const { changes, ...result } = await updateProfile(ctxAs(t.db, mara.id), { name: "  Mara \t  Kowalczyk ", bio: "\r\n  Noir, mostly.\r\nSome Ｆｅｌｌｉｎｉ.  \n" });
    expect(result).toEqual({ nameChanged: true, bioChanged: true });
    // A new name: every page that shows it (here her profile, the members directory, the Ranking).
    expect(tagsFor(changes).sort()).toEqual([`user:${mara.id}`, "members", "ranking"].sort());
    expect(await userRow(t.db, mara.id)).toMatchObject({ name: "Mara Kowalczyk", bio: "Noir, mostly.\nSome Fellini." });
    const same = await snapshot(t.db);
    const unchanged = await updateProfile(ctxAs(t.db, mara.id), { name: "Mara Kowalczyk", bio: "Noir, mostly.\nSome Fellini." });
    expect(await plain(Promise.resolve(unchanged))).toEqual({ nameChanged: false, bioChanged: false });
    expect(tagsFor(unchanged.changes)).toEqual([]);
    expect(await snapshot(t.db)).toEqual(same);
    const bioOnly = await updateProfile(ctxAs(t.db, mara.id), { name: "Mara Kowalczyk" });
    expect(await plain(Promise.resolve(bioOnly))).toEqual({ nameChanged: false, bioChanged: true });
    // A new bio: her profile and the members directory.
    expect(tagsFor(bioOnly.changes).sort()).toEqual([`user:${mara.id}`, "members"].sort());
    expect(await userRow(t.db, mara.id)).toMatchObject({ bio: "" });
  });

  it(`takes a bio of ${BIO_MAX} characters (after trimming) and refuses ${BIO_MAX + 1}, changing nothing`, async () => {
    const mara = await makeUser(t.db, "mara");
    const full = "x".repeat(BIO_MAX);
    await updateProfile(ctxAs(t.db, mara.id), { name: "Mara", bio: `  ${full}  ` });
    expect((await userRow(t.db, mara.id))!.bio).toBe(full);
    const before = await snapshot(t.db);
    const err = await expectZodError(() => updateProfile(ctxAs(t.db, mara.id), { name: "Other", bio: `${full}y` }), "bio");
    expect(err.issues[0]!.message).toBe(`A bio has at most ${BIO_MAX} characters.`);
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses an empty or too long display name, and an account that is gone, changing nothing", async () => {
    const mara = await makeUser(t.db, "mara");
    const before = await snapshot(t.db);
    await expectZodError(() => updateProfile(ctxAs(t.db, mara.id), { name: "   ", bio: "" }), "name");
    await expectZodError(() => updateProfile(ctxAs(t.db, mara.id), { name: "n".repeat(51), bio: "" }), "name");
    await expectDomainError(() => updateProfile(ctxAs(t.db, ghostId), { name: "Ghost", bio: "" }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
    await updateProfile(ctxAs(t.db, mara.id), { name: "n".repeat(50) });
    expect((await userRow(t.db, mara.id))!.name).toBe("n".repeat(50));
  });
});

describe("changeEmail", () => {
  const t = perTestDb();

  it("changes the address (lower-cased, unverified again) given the current password", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    await sqlRun(fixtureWriter(t.db), `update users set email_verified = ? where id = ?`, new Date(1), mara.id);
    expect(await changeEmail(ctxAs(t.db, mara.id), { email: "  Mara.New@Example.COM ", currentPassword: PASSWORD })).toEqual({ changed: true });
    expect(await userRow(t.db, mara.id)).toMatchObject({ email: "mara.new@example.com", email_verified: null });
  });

  it("does nothing for the address it already has, in any case", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const before = await snapshot(t.db);
    expect(await changeEmail(ctxAs(t.db, mara.id), { email: "MARA@example.com", currentPassword: "" })).toEqual({ changed: false });
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("refuses an address another account uses (409) only given the right password, which it does not count, changing nothing", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    await makeUser(t.db, "femi");
    const before = await withoutWindows(t.db);
    expect(await rows(t.db, "rate_windows")).toEqual([]);
    const err = await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "FEMI@example.com", currentPassword: PASSWORD }), "Conflict", 409, ["email"]);
    expect(err.message).toBe("Another account already uses this email address.");
    expect(await withoutWindows(t.db)).toEqual(before);
    // The right password took its slot and gave it back.
    expect(await rows(t.db, "rate_windows")).toEqual([{ key: `password-check:${mara.id}`, count: 0, window_started_at: expect.any(Number) }]);
    // Without the right password the address is not checked at all: the answer is about the password.
    const missing = await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "femi@example.com" }), "Invalid", 422, ["currentPassword"]);
    expect(missing.message).toBe("Enter your current password.");
    expect(await attempts(t.db, mara.id)).toBe(0);
    const wrong = await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "femi@example.com", currentPassword: "not-my-password" }), "Invalid", 422, ["currentPassword"]);
    expect(wrong.message).toBe("That is not your current password.");
    expect(await attempts(t.db, mara.id)).toBe(1);
    expect(await withoutWindows(t.db)).toEqual(before);
  });

  it("refuses a wrong or missing current password (422 on currentPassword), counting only the wrong one and changing nothing else", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const all = await snapshot(t.db);
    const before = await withoutWindows(t.db);
    // A missing password takes no slot: not even a window is opened.
    const missing = await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "new@example.com" }), "Invalid", 422, ["currentPassword"]);
    expect(missing.message).toBe("Enter your current password.");
    await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "new@example.com", currentPassword: "" }), "Invalid", 422, ["currentPassword"]);
    expect(await snapshot(t.db)).toEqual(all);
    const wrong = await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "new@example.com", currentPassword: "not-my-password" }), "Invalid", 422, ["currentPassword"]);
    expect(wrong.message).toBe("That is not your current password.");
    expect(await withoutWindows(t.db)).toEqual(before);
    expect(await attempts(t.db, mara.id)).toBe(1);
  });

  it("refuses an address that is not one, before anything is counted", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const before = await snapshot(t.db);
    await expectZodError(() => changeEmail(ctxAs(t.db, mara.id), { email: "not-an-address", currentPassword: PASSWORD }), "email");
    await expectZodError(() => changeEmail(ctxAs(t.db, mara.id), { email: "", currentPassword: PASSWORD }), "email");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("needs no password from an account that has none (made through a provider)", async () => {
    const femi = await makeUser(t.db, "femi");
    expect(await changeEmail(ctxAs(t.db, femi.id), { email: "femi@elsewhere.example" })).toEqual({ changed: true });
    expect(await userRow(t.db, femi.id)).toMatchObject({ email: "femi@elsewhere.example" });
    expect(await rows(t.db, "rate_windows")).toEqual([]);
  });
});

describe("changePassword", () => {
  const t = perTestDb();
  const form = (currentPassword: string, newPassword = NEW_PASSWORD, confirmPassword = newPassword) => ({ currentPassword, newPassword, confirmPassword });

  it("sets a new password given the current one and ends every session (session_version + 1)", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const oldHash = (await userRow(t.db, mara.id))!.password_hash as string;
    expect(await plain(changePassword(ctxAs(t.db, mara.id), form(PASSWORD)))).toEqual({ sessionVersion: 1 });
    const row = (await userRow(t.db, mara.id))!;
    expect(row.session_version).toBe(1);
    expect(row.password_hash).not.toBe(oldHash);
    expect(await verifyPassword(NEW_PASSWORD, row.password_hash as string)).toBe(true);
    expect(await verifyPassword(PASSWORD, row.password_hash as string)).toBe(false);
    expect(await plain(changePassword(ctxAs(t.db, mara.id), form(NEW_PASSWORD, PASSWORD)))).toEqual({ sessionVersion: 2 });
  });

  it("refuses a wrong current password, changing neither the hash nor the session version", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const before = await withoutWindows(t.db);
    const wrong = await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), form("guess-guess-guess")), "Invalid", 422, ["currentPassword"]);
    expect(wrong.message).toBe("That is not your current password.");
    // A missing one is refused too, without counting.
    const missing = await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), form("")), "Invalid", 422, ["currentPassword"]);
    expect(missing.message).toBe("Enter your current password.");
    expect(await withoutWindows(t.db)).toEqual(before);
    expect(await attempts(t.db, mara.id)).toBe(1);
  });

  it("gives a right current password's attempt back: only wrong ones add up", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), form("guess-guess-guess")), "Invalid", 422, ["currentPassword"]);
    expect(await attempts(t.db, mara.id)).toBe(1);
    expect(await plain(changePassword(ctxAs(t.db, mara.id), form(PASSWORD)))).toEqual({ sessionVersion: 1 });
    expect(await attempts(t.db, mara.id)).toBe(1);
    expect(await plain(changePassword(ctxAs(t.db, mara.id), form(NEW_PASSWORD, PASSWORD)))).toEqual({ sessionVersion: 2 });
    await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), form(NEW_PASSWORD)), "Invalid", 422, ["currentPassword"]);
    expect(await attempts(t.db, mara.id)).toBe(2);
  });

  it("refuses a weak or mistyped new password before the current one is even checked", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const before = await snapshot(t.db);
    await expectZodError(() => changePassword(ctxAs(t.db, mara.id), form(PASSWORD, "short")), "newPassword");
    await expectZodError(() => changePassword(ctxAs(t.db, mara.id), form(PASSWORD, "password123")), "newPassword");
    const mismatch = await expectZodError(() => changePassword(ctxAs(t.db, mara.id), form(PASSWORD, NEW_PASSWORD, `${NEW_PASSWORD}!`)), "confirmPassword");
    expect(mismatch.issues[0]!.message).toBe("The two new passwords differ.");
    expect(await snapshot(t.db)).toEqual(before);
  });

  it("lets an account without a password set its first one with no current password", async () => {
    const femi = await makeUser(t.db, "femi");
    expect(await plain(changePassword(ctxAs(t.db, femi.id), form("")))).toEqual({ sessionVersion: 1 });
    expect(await verifyPassword(NEW_PASSWORD, (await userRow(t.db, femi.id))!.password_hash as string)).toBe(true);
    // From then on the current password is needed.
    await expectDomainError(() => changePassword(ctxAs(t.db, femi.id), form("", PASSWORD)), "Invalid", 422, ["currentPassword"]);
  });

  it("refuses (409) when the account changed while the new password was being hashed", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    // The account is read first, then the current password checked (a rate slot held meanwhile) and
    // the new one hashed; a sign-out-everywhere lands while the slot is held.
    const pending = changePassword(ctxAs(t.db, mara.id), form(PASSWORD));
    while ((await attempts(t.db, mara.id)) === 0) await new Promise((r) => setImmediate(r));
    await sqlRun(fixtureWriter(t.db), `update users set session_version = session_version + 1 where id = ?`, mara.id);
    const hash = (await userRow(t.db, mara.id))!.password_hash;
    await expectDomainError(() => pending, "Conflict", 409);
    expect(await userRow(t.db, mara.id)).toMatchObject({ session_version: 1, password_hash: hash });
  });

  it("refuses an account that is gone (404)", async () => {
    await expectDomainError(() => changePassword(ctxAs(t.db, ghostId), form("")), "NotFound", 404);
  });
});

describe("current-password attempts", () => {
  const t = perTestDb();

  it("allows 10 an hour per account, across settings and account deletion; the 11th is refused (429) and changes nothing", async () => {
    const mara = await makePasswordUser(t.db, "mara");
    const femi = await makePasswordUser(t.db, "femi");
    for (let i = 0; i < 4; i++) await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "x@example.com", currentPassword: `wrong-${i}` }), "Invalid", 422, ["currentPassword"]);
    for (let i = 0; i < 4; i++) await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), { currentPassword: `wrong-${i}`, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), "Invalid", 422, ["currentPassword"]);
    // Right passwords in between are not counted.
    expect(await changeEmail(ctxAs(t.db, mara.id), { email: "mara.b@example.com", currentPassword: PASSWORD })).toEqual({ changed: true });
    expect(await plain(changePassword(ctxAs(t.db, mara.id), { currentPassword: PASSWORD, newPassword: PASSWORD, confirmPassword: PASSWORD }))).toEqual({ sessionVersion: 1 });
    for (let i = 0; i < 2; i++) await expectDomainError(() => deleteAccount(ctxAs(t.db, mara.id), { username: "mara", currentPassword: `wrong-${i}` }), "Invalid", 422, ["currentPassword"]);
    expect(await attempts(t.db, mara.id)).toBe(10);

    const before = await snapshot(t.db);
    // Even the right password waits now: the limit is on guesses, whichever turns out right.
    const err = await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), "RateLimited", 429);
    expect(err.message).toMatch(/^Too many attempts at your current password\. Try again in (60 minutes|1 hour)\.$/);
    expect(err.retryAfterSeconds).toBeGreaterThan(3500);
    await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "x@example.com", currentPassword: PASSWORD }), "RateLimited", 429);
    await expectDomainError(() => deleteAccount(ctxAs(t.db, mara.id), { username: "mara", currentPassword: PASSWORD }), "RateLimited", 429);
    // The password comes before the address: a full window answers 429 even for a taken one.
    await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "femi@example.com", currentPassword: PASSWORD }), "RateLimited", 429);
    // A missing password takes no slot, so it is refused as missing, not as one too many.
    const missing = await expectDomainError(() => changePassword(ctxAs(t.db, mara.id), { currentPassword: "", newPassword: NEW_PASSWORD, confirmPassword: NEW_PASSWORD }), "Invalid", 422, ["currentPassword"]);
    expect(missing.message).toBe("Enter your current password.");
    expect(await snapshot(t.db)).toEqual(before);

    // Another account is not held up.
    expect(await changeEmail(ctxAs(t.db, femi.id), { email: "femi2@example.com", currentPassword: PASSWORD })).toEqual({ changed: true });

    // An hour after the window opened, mara may try again; a right password leaves a fresh window at 0.
    const started = await sqlValue<number>(t.db, `select window_started_at from rate_windows where key = ?`, `password-check:${mara.id}`);
    await sqlRun(fixtureWriter(t.db), `update rate_windows set window_started_at = ? where key = ?`, new Date(started - 3_600_000), `password-check:${mara.id}`);
    expect(await changeEmail(ctxAs(t.db, mara.id), { email: "mara2@example.com", currentPassword: PASSWORD })).toEqual({ changed: true });
    expect(await attempts(t.db, mara.id)).toBe(0);
    await expectDomainError(() => changeEmail(ctxAs(t.db, mara.id), { email: "mara3@example.com", currentPassword: "wrong-again" }), "Invalid", 422, ["currentPassword"]);
    expect(await attempts(t.db, mara.id)).toBe(1);
  });
});

describe("notification preferences", () => {
  const t = perTestDb();
  const ALL_OFF = { notifyReviewReplies: false, notifyCommentReplies: false, notifyMentions: false, notifyMilestones: false, notifyBadges: false, badgeAnnouncements: false };

  it("stores the switches as the settings form posts them (a box sends 'on' when ticked, nothing when not)", async () => {
    const mara = await makeUser(t.db, "mara");
    expect((await getSettings(t.db, mara.id))!.prefs).toEqual({
      notifyReviewReplies: true,
      notifyCommentReplies: true,
      notifyMentions: true,
      notifyMilestones: true,
      notifyBadges: true,
      badgeAnnouncements: true,
    });
    const { prefs, changes } = await updateNotificationPrefs(ctxAs(t.db, mara.id), { notifyReviewReplies: "on", notifyMilestones: "on" });
    // Notice switches show on no page.
    expect(tagsFor(changes)).toEqual([]);
    expect(prefs).toEqual({ ...ALL_OFF, notifyReviewReplies: true, notifyMilestones: true });
    expect(await userRow(t.db, mara.id)).toMatchObject({
      notify_review_replies: 1,
      notify_comment_replies: 0,
      notify_mentions: 0,
      notify_milestones: 1,
      notify_badges: 0,
      badge_announcements: 0,
    });
    expect((await getSettings(t.db, mara.id))!.prefs).toEqual(prefs);
    expect(
      (
        await updateNotificationPrefs(ctxAs(t.db, mara.id), {
        notifyReviewReplies: "1",
        notifyCommentReplies: "true",
        notifyMentions: true,
        notifyMilestones: "off",
        notifyBadges: "0",
        badgeAnnouncements: "on",
        })
      ).prefs,
    ).toEqual({
      notifyReviewReplies: true,
      notifyCommentReplies: true,
      notifyMentions: true,
      notifyMilestones: false,
      notifyBadges: false,
      badgeAnnouncements: true,
    });
    expect(await userRow(t.db, mara.id)).toMatchObject({ notify_badges: 0, badge_announcements: 1 });
    expect((await updateNotificationPrefs(ctxAs(t.db, mara.id), {})).prefs).toEqual(ALL_OFF);
    expect((await getSettings(t.db, mara.id))!.prefs).toEqual(ALL_OFF);
  });

  it("is what the verbs then honour", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const review = await seedReview(t.db, mara);
    // Publishing earned mara two badges while her badge notices were still on.
    const published = [
      ["mara", "badge", null, review, null, "reviews-1", null],
      ["mara", "badge", null, review, null, "first-scored-review", null],
    ];
    expect(await noticeList(t.db)).toEqual(published);
    await updateNotificationPrefs(ctxAs(t.db, mara.id), { notifyMentions: "on" });
    const first = await postComment(t.db, femi, review);
    // No reply notice for mara, and her "First reply" badge comes without a notice; femi, with
    // every switch on, hears of his "First comment".
    const femisBadge = ["femi", "badge", null, review, first.id, "comments-1", null];
    expect(await noticeList(t.db)).toEqual([...published, femisBadge]);
    expect((await rows(t.db, "user_badges", `where user_id = '${mara.id}'`)).map((b) => b.badge_slug).sort()).toEqual(["first-scored-review", "replies-1", "reviews-1"]);
    const named = await postComment(t.db, femi, review, null, "Right, @mara?");
    expect(await noticeList(t.db)).toEqual([...published, femisBadge, ["mara", "mention", "femi", review, named.id, null, null]]);
  });

  it("refuses an account that is gone (404), changing nothing", async () => {
    await makeUser(t.db, "mara");
    const before = await snapshot(t.db);
    await expectDomainError(() => updateNotificationPrefs(ctxAs(t.db, ghostId), { notifyMentions: "on" }), "NotFound", 404);
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("getSettings", () => {
  const t = perTestDb();

  it("gives what the settings page shows, and null for an account that is gone", async () => {
    const mara = await makePasswordUser(t.db, "Mara_K");
    const femi = await makeUser(t.db, "femi");
    await updateProfile(ctxAs(t.db, mara.id), { name: "Mara K", bio: "Noir." });
    expect(await getSettings(t.db, mara.id)).toEqual({
      id: mara.id,
      username: "Mara_K",
      name: "Mara K",
      bio: "Noir.",
      email: "mara_k@example.com",
      image: null,
      hasPassword: true,
      prefs: { notifyReviewReplies: true, notifyCommentReplies: true, notifyMentions: true, notifyMilestones: true, notifyBadges: true, badgeAnnouncements: true },
    });
    expect(await getSettings(t.db, femi.id)).toMatchObject({ hasPassword: false });
    expect(await getSettings(t.db, ghostId)).toBeNull();
  });

  it("confirmsUsername accepts the username in any case or Unicode form, nothing else", async () => {
    const user = { username: "Mara_K" };
    for (const typed of ["Mara_K", "mara_k", " MARA_K ", "Ｍａｒａ＿Ｋ"]) expect(confirmsUsername(user, typed), typed).toBe(true);
    for (const typed of ["Mara", "mara_k2", "", undefined, null, 42]) expect(confirmsUsername(user, typed), String(typed)).toBe(false);
  });
});
