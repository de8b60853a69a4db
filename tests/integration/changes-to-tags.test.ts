import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { releaseSignInAttempt, reserveSignInAttempt, settleSuccessfulSignIn, throttleKeys } from "@/lib/auth/throttle";
import { revokeSession } from "@/lib/auth/revocation";
import { noChanges, type Changes } from "@/lib/cache/changes";
import type { Ctx } from "@/lib/context";
import { tagsFor } from "@/lib/cache/expire";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { LADDER_SPECS } from "@/lib/badges/catalog";
import { backfillBadges } from "@/lib/maintenance/backfill-badges";
import { grantAnniversaries, sweep } from "@/lib/maintenance/sweep";
import { markAllRead } from "@/lib/notifications/mark-all-read";
import { markRead } from "@/lib/notifications/mark-read";
import { openNotification } from "@/lib/notifications/open-notification";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { recordView } from "@/lib/reviews/record-view";
import { rerenderReviews } from "@/lib/reviews/rerender";
import { uploadAvatar, removeAvatar } from "@/lib/users/avatar-upload";
import { createOAuthUser } from "@/lib/users/create-oauth-user";
import { deleteAccount } from "@/lib/users/delete-account";
import { setRole } from "@/lib/users/set-role";
import { assertCurrentPassword } from "@/lib/users/account";
import { changeEmail } from "@/lib/users/change-email";
import { changePassword } from "@/lib/users/change-password";
import { updateNotificationPrefs } from "@/lib/users/update-notification-prefs";
import { updateProfile } from "@/lib/users/update-profile";
import { signUp } from "@/lib/users/sign-up";
import { forgetBadges, presetReceived } from "../helpers/badges";
import { commentForm, postComment } from "../helpers/comments";
import { REPO_ROOT, ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { PASSWORD, ageAccount, crowd, makeImage, makePasswordUser } from "../helpers/people";
import { DAY, T0, at, makeUser, reviewForm } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import { sqlGet, sqlRun, sqlValue } from "@/tests/helpers/sql";

// The walk: every write verb in lib/, through each outcome that changes something
// different, and the exact cache tags its recorded changes map to (lib/cache/expire.ts). The tags
// are the ones the pages showing what changed carry (cacheTag in app/ and components/).

/** What a case ran: the changes it returned (none: a write no cached page shows) and the tags they should expire. */
type Check = { changes: Changes | undefined; want: string[] };
/** Each outcome runs on a fresh database. */
type Outcomes = Record<string, (db: DB) => Promise<Check>>;

/** A published review by mara ("noir, vienna", The Third Man) and a reader, femi. */
async function scene(db: DB) {
  const [mara, femi] = [await makeUser(db, "mara"), await makeUser(db, "femi")];
  const r = await createReview(ctxAs(db, mara, T0), reviewForm());
  return { mara, femi, review: r.id, listed: [`review:${r.id}`, "feed", `film:${r.filmId}`, `user:${mara.id}`, "tag:noir", "tag:vienna"] };
}

/** Runs `act` as femi holding a notice (mara replied to femi's comment): notices show on no cached page. */
async function onNotice(db: DB, act: (ctx: Ctx, id: number) => Promise<{ changes: Changes }>): Promise<Check> {
  const s = await scene(db);
  const c = await postComment(db, s.femi, s.review);
  await postComment(db, s.mara, s.review, c.id);
  const id = (await sqlValue(db, `select id from notifications where recipient_id = ?`, s.femi.id)) as number;
  return { changes: (await act(ctxAs(db, s.femi, at(DAY)), id)).changes, want: [] };
}

// Badges the outcomes earn along the way: each expires its page, the catalog and the Ranking.
const FIRST_EDIT = ["badge:first-edit", "badges", "ranking"];
const FIRST_COMMENT_AND_REPLY = ["badge:comments-1", "badge:replies-1", "badges", "ranking"];
const VIEWS_RUNG = LADDER_SPECS.views.rungs[0]![0];
const KEYS = throttleKeys("femi", "203.0.113.9");
const none = { changes: undefined, want: [] };

const VERBS: Record<string, Outcomes> = {
  castVote: {
    "a review upvote: its card everywhere, its author's upvotes received, the Ranking": async (db) => {
      const s = await scene(db);
      return { changes: (await vote(db, s.femi, "review", s.review)).changes, want: [...s.listed, "ranking"] };
    },
    "taking it back: the same pages": async (db) => {
      const s = await scene(db);
      await vote(db, s.femi, "review", s.review);
      return { changes: (await vote(db, s.femi, "review", s.review, "none", at(DAY))).changes, want: [...s.listed, "ranking"] };
    },
    "a comment upvote: the review's page, the comment's author": async (db) => {
      const s = await scene(db);
      const c = await postComment(db, s.mara, s.review);
      return { changes: (await vote(db, s.femi, "comment", c.id, "up", at(DAY))).changes, want: [`review:${s.review}`, `user:${s.mara.id}`, "ranking"] };
    },
    "the 10th upvote: the badges it earns, their pages, the catalog and the announcement posted under the review": async (db) => {
      const s = await scene(db);
      const voters = await crowd(db, "v", 10);
      for (const v of voters.slice(0, 9)) await vote(db, v, "review", s.review);
      const r = await vote(db, voters[9]!, "review", s.review, "up", at(DAY));
      const slugs = r.badges.map((b) => b.slug).sort();
      expect(slugs).toEqual(["review-10-upvotes", "upvotes-10"]);
      return { changes: r.changes, want: [...s.listed, "ranking", "badges", ...slugs.map((b) => `badge:${b}`), "comments:new"] };
    },
    "a comment's 10th upvote: its badges, not announced": async (db) => {
      const s = await scene(db);
      const c = await postComment(db, s.mara, s.review);
      const voters = await crowd(db, "v", 10);
      for (const v of voters.slice(0, 9)) await vote(db, v, "comment", c.id);
      const r = await vote(db, voters[9]!, "comment", c.id, "up", at(DAY));
      return { changes: r.changes, want: [`review:${s.review}`, `user:${s.mara.id}`, "ranking", "badges", "badge:comment-10-upvotes", "badge:upvotes-10"] };
    },
    "the state it is already in: nothing": async (db) => {
      const s = await scene(db);
      return { changes: (await vote(db, s.femi, "review", s.review, "none")).changes, want: [] };
    },
  },
  createReview: {
    "publishing: the review's listings, the Ranking, the badges it earns (first review, first scored review)": async (db) => {
      const mara = await makeUser(db, "mara");
      const r = await createReview(ctxAs(db, mara, T0), reviewForm());
      return { changes: r.changes, want: [`review:${r.id}`, "feed", `film:${r.filmId}`, `user:${mara.id}`, "tag:noir", "tag:vienna", "ranking", "badges", "badge:reviews-1", "badge:first-scored-review"] };
    },
    "a draft: only the film it created": async (db) => {
      const mara = await makeUser(db, "mara");
      const r = await createReview(ctxAs(db, mara, T0), reviewForm({ intent: "draft" }));
      return { changes: r.changes, want: [`film:${r.filmId}`] };
    },
  },
  editReview: {
    "a text edit: its listings, the first-edit badge": async (db) => {
      const s = await scene(db);
      const r = await editReview(ctxAs(db, s.mara, at(DAY)), { ...reviewForm({ body: "Zither music over rubble, twice." }), reviewId: s.review });
      return { changes: r.changes, want: [...s.listed, ...FIRST_EDIT] };
    },
    "a draft saved again: the listings it would have, as the routes expired before": async (db) => {
      const mara = await makeUser(db, "mara");
      const d = await createReview(ctxAs(db, mara, T0), reviewForm({ intent: "draft" }));
      const r = await editReview(ctxAs(db, mara, at(DAY)), { ...reviewForm({ intent: "draft", body: "Rubble, zither." }), reviewId: d.id });
      return { changes: r.changes, want: [`review:${d.id}`, "feed", `film:${d.filmId}`, `user:${mara.id}`, "tag:noir", "tag:vienna"] };
    },
    "no change at all: nothing": async (db) => {
      const s = await scene(db);
      const r = await editReview(ctxAs(db, s.mara, at(DAY)), { ...reviewForm(), reviewId: s.review });
      expect(r.changed).toBe(false);
      return { changes: r.changes, want: [] };
    },
    "to another film and other tags: both films, both sets of tags": async (db) => {
      const s = await scene(db);
      const r = await editReview(ctxAs(db, s.mara, at(DAY)), { ...reviewForm({ tags: "#Sewers", filmTitle: "Odd Man Out", filmYear: "1947" }), reviewId: s.review });
      const moved = (await sqlValue(db, `select film_id from posts where id = ?`, s.review)) as number;
      return { changes: r.changes, want: [...s.listed, `film:${moved}`, "tag:sewers", ...FIRST_EDIT] };
    },
    "publishing a draft: its listings, the Ranking, the badges it earns": async (db) => {
      const mara = await makeUser(db, "mara");
      const d = await createReview(ctxAs(db, mara, T0), reviewForm({ intent: "draft" }));
      const r = await editReview(ctxAs(db, mara, at(DAY)), { ...reviewForm(), reviewId: d.id });
      return { changes: r.changes, want: [`review:${d.id}`, "feed", `film:${d.filmId}`, `user:${mara.id}`, "tag:noir", "tag:vienna", "ranking", "badges", "badge:reviews-1", "badge:first-scored-review"] };
    },
  },
  deleteReview: {
    "its listings, its commenters' profiles, the Ranking": async (db) => {
      const s = await scene(db);
      await postComment(db, s.femi, s.review);
      const r = await deleteReview(ctxAs(db, s.mara, at(DAY)), { reviewId: s.review });
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, "ranking"] };
    },
  },
  recordView: {
    "a counted view: nothing re-renders": async (db) => {
      const s = await scene(db);
      const r = await recordView(ctxAs(db, s.femi, at(DAY)), { reviewId: s.review, viewer: { key: `u:${s.femi.id}`, userId: s.femi.id } });
      expect(r?.counted).toBe(true);
      return { changes: r?.changes, want: [] };
    },
    "a bot's view, counted for nobody: nothing": async (db) => {
      const s = await scene(db);
      const r = await recordView(ctxAs(db, null, at(DAY)), { reviewId: s.review, viewer: null });
      expect(r?.counted).toBe(false);
      return { changes: r?.changes, want: [] };
    },
    "the view that reaches a rung: the badge, its holder, the catalog, the Ranking (only upvotes are announced)": async (db) => {
      const s = await scene(db);
      await presetReceived(db, s.mara, "views_received", VIEWS_RUNG - 1);
      const r = await recordView(ctxAs(db, s.femi, at(DAY)), { reviewId: s.review, viewer: { key: `u:${s.femi.id}`, userId: s.femi.id } });
      expect(r?.badges?.map((b) => b.slug)).toEqual([`views-${VIEWS_RUNG}`]);
      return { changes: r?.changes, want: [`user:${s.mara.id}`, `badge:views-${VIEWS_RUNG}`, "badges", "ranking"] };
    },
  },
  createComment: {
    "a comment: the review's card and page, its author and the review's author with their first badges": async (db) => {
      const s = await scene(db);
      const r = await createComment(ctxAs(db, s.femi, at(DAY)), commentForm(s.review));
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, "comments:new", ...FIRST_COMMENT_AND_REPLY] };
    },
    "a third contribution after the first week: the \"New\" marker goes wherever the member shows": async (db) => {
      const s = await scene(db);
      await ageAccount(db, s.femi, 8);
      await sqlRun(fixtureWriter(db), `update users set comment_count = 2 where id = ?`, s.femi.id);
      const r = await createComment(ctxAs(db, s.femi, at(DAY)), commentForm(s.review));
      expect(r.newcomerFlipped).toEqual([s.femi.id]);
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, "comments:new", "members", "ranking", "badge:replies-1", "badges"] };
    },
    "STOP under a badge note: the system's answer in the same thread": async (db) => {
      const s = await scene(db);
      for (const v of await crowd(db, "v", 10)) await vote(db, v, "review", s.review);
      const note = (await sqlGet(db, `select id, author_id as systemId from comments where announces_badge is not null`)) as { id: number; systemId: string };
      const r = await createComment(ctxAs(db, s.mara, at(DAY)), commentForm(s.review, { parentId: String(note.id), body: "STOP" }));
      expect(r.stopped).toBeTruthy();
      return { changes: r.changes, want: [...s.listed, `user:${note.systemId}`, "comments:new", "badge:comments-1", "badges", "ranking"] };
    },
    "a reply: the parent comment's author, whose replies received rise": async (db) => {
      const s = await scene(db);
      const anna = await makeUser(db, "anna");
      const c = await postComment(db, anna, s.review);
      const r = await createComment(ctxAs(db, s.femi, at(DAY)), commentForm(s.review, { parentId: String(c.id) }));
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, `user:${anna.id}`, "comments:new", ...FIRST_COMMENT_AND_REPLY] };
    },
  },
  editComment: {
    "the review's page, the comment's author, the first-edit badge": async (db) => {
      const s = await scene(db);
      const c = await postComment(db, s.femi, s.review);
      const r = await editComment(ctxAs(db, s.femi, at(DAY)), { commentId: c.id, body: "The cuckoo clock, again.", reason: "" });
      return { changes: r.changes, want: [`review:${s.review}`, `user:${s.femi.id}`, "comments:new", ...FIRST_EDIT] };
    },
    "the same text: nothing": async (db) => {
      const s = await scene(db);
      const c = await postComment(db, s.femi, s.review, null, "The cuckoo clock.");
      const r = await editComment(ctxAs(db, s.femi, at(DAY)), { commentId: c.id, body: "The cuckoo clock.", reason: "" });
      expect(r.changed).toBe(false);
      return { changes: r.changes, want: [] };
    },
  },
  deleteComment: {
    "the review's card and page and the comment's author": async (db) => {
      const s = await scene(db);
      const c = await postComment(db, s.femi, s.review);
      const r = await deleteComment(ctxAs(db, s.femi, at(DAY)), { commentId: c.id });
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, "comments:new"] };
    },
    "a reply: the parent comment's author, whose replies received fall": async (db) => {
      const s = await scene(db);
      const anna = await makeUser(db, "anna");
      const c = await postComment(db, anna, s.review);
      const reply = await postComment(db, s.femi, s.review, c.id);
      const r = await deleteComment(ctxAs(db, s.femi, at(DAY)), { commentId: reply.id });
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, `user:${anna.id}`, "comments:new"] };
    },
  },
  signUp: {
    "a new member: the directory": async (db) => ({
      changes: (await signUp(ctxAs(db, null, T0, "203.0.113.9"), { username: "holly", email: "holly@example.com", password: PASSWORD, displayName: "" })).changes,
      want: ["members"],
    }),
  },
  createOAuthUser: { "a new member: the directory": async (db) => ({ changes: (await createOAuthUser(ctxAs(db, null, T0), { name: "Anna" })).changes, want: ["members"] }) },
  updateProfile: {
    "a new name: everywhere it shows, the holders of their badges included": async (db) => {
      const s = await scene(db);
      await postComment(db, s.femi, s.review);
      const r = await updateProfile(ctxAs(db, s.femi, at(DAY)), { name: "Femi A.", bio: "" });
      return { changes: r.changes, want: [`review:${s.review}`, `user:${s.femi.id}`, "members", "ranking", "badge:comments-1"] };
    },
    "a new bio: the profile and the directory": async (db) => {
      const femi = await makeUser(db, "femi");
      return { changes: (await updateProfile(ctxAs(db, femi, T0), { name: "femi", bio: "Noir, mostly." })).changes, want: [`user:${femi.id}`, "members"] };
    },
  },
  changeEmail: {
    "an email shows on no page": async (db) => {
      expect((await changeEmail(ctxAs(db, await makeUser(db, "femi"), T0), { email: "f@example.com" })).changed).toBe(true);
      return none;
    },
  },
  changePassword: {
    "a password shows on no page": async (db) => {
      const r = await changePassword(ctxAs(db, await makeUser(db, "femi"), T0), { newPassword: PASSWORD, confirmPassword: PASSWORD });
      return { changes: r.changes, want: [] };
    },
  },
  assertCurrentPassword: {
    "a counted check: nothing shows it": async (db) => {
      const femi = await makePasswordUser(db, "femi");
      const user = (await db.select().from(users)).find((u) => u.id === femi.id)!;
      await assertCurrentPassword(ctxAs(db, femi, T0), user, PASSWORD);
      return none;
    },
  },
  updateNotificationPrefs: {
    "private switches: nothing": async (db) => {
      const prefs = { notifyReviewReplies: "on", notifyCommentReplies: "", notifyMentions: "on", notifyMilestones: "", notifyBadges: "on", badgeAnnouncements: "" };
      return { changes: (await updateNotificationPrefs(ctxAs(db, await makeUser(db, "femi"), T0), prefs)).changes, want: [] };
    },
  },
  uploadAvatar: {
    "a new face: everywhere the member shows": async (db) => {
      const s = await scene(db);
      const r = await uploadAvatar(ctxAs(db, s.mara, at(DAY)), { bytes: await makeImage("png", 64, 64), type: "image/png" });
      return { changes: r.changes, want: [...s.listed, "members", "ranking", "badge:reviews-1", "badge:first-scored-review"] };
    },
  },
  removeAvatar: {
    "back to the generated one: everywhere the member shows": async (db) => {
      const femi = await makeUser(db, "femi");
      await sqlRun(fixtureWriter(db), `update users set image = 'https://example.com/f.png' where id = ?`, femi.id);
      return { changes: (await removeAvatar(ctxAs(db, femi, T0))).changes, want: [`user:${femi.id}`, "members", "ranking"] };
    },
    "no avatar to remove: nothing": async (db) => ({ changes: (await removeAvatar(ctxAs(db, await makeUser(db, "femi"), T0))).changes, want: [] }),
  },
  deleteAccount: {
    "a voter who commented leaves: their presence, the counts they gave, their badge's holders": async (db) => {
      const s = await scene(db);
      await postComment(db, s.femi, s.review);
      await vote(db, s.femi, "review", s.review, "up", at(DAY));
      const r = await deleteAccount(ctxAs(db, s.femi, at(2 * DAY)), { username: "femi" });
      return { changes: r.changes, want: [...s.listed, `user:${s.femi.id}`, "members", "ranking", "badges", "badge:comments-1"] };
    },
  },
  setRole: {
    "the member's profile and their card among the newest members": async (db) => {
      const femi = await makeUser(db, "femi");
      return { changes: (await setRole(ctxAs(db, null, T0), { username: "femi", role: "moderator" })).changes, want: [`user:${femi.id}`, "members"] };
    },
  },
  markRead: { "a private notice: nothing": (db) => onNotice(db, (ctx, id) => markRead(ctx, { id })) },
  markAllRead: { "private notices: nothing": (db) => onNotice(db, (ctx) => markAllRead(ctx)) },
  openNotification: { "following a notice: nothing": (db) => onNotice(db, (ctx, id) => openNotification(ctx, { id })) },
  revokeSession: { "a sign-out shows on no page": async (db) => (await revokeSession(ctxAs(db, null, T0), { sid: "s1", exp: T0.getTime() / 1000 + 60 }), none) },
  reserveSignInAttempt: { "a counted attempt shows on no page": async (db) => (await reserveSignInAttempt(ctxAs(db, null, T0), KEYS), none) },
  settleSuccessfulSignIn: { "a settled attempt shows on no page": async (db) => (await settleSuccessfulSignIn(ctxAs(db, null, T0), KEYS), none) },
  releaseSignInAttempt: { "a released attempt shows on no page": async (db) => (await releaseSignInAttempt(ctxAs(db, null, T0), KEYS), none) },
  sweep: {
    "a first week ended: everywhere the member shows": async (db) => {
      const femi = await makeUser(db, "femi");
      await ageAccount(db, femi, 8);
      await sqlRun(fixtureWriter(db), `update users set comment_count = 3 where id = ?`, femi.id);
      return { changes: (await sweep(db, T0)).changes, want: [`user:${femi.id}`, "members", "ranking"] };
    },
    "a new month: the Ranking's \"this month\"": async (db) => {
      await sweep(db, T0);
      return { changes: (await sweep(db, at(31 * DAY))).changes, want: ["ranking"] };
    },
    "nothing due, the same month: nothing": async (db) => {
      await ageAccount(db, await makeUser(db, "femi"), 1);
      await sweep(db, T0);
      return { changes: (await sweep(db, at(60_000))).changes, want: [] };
    },
  },
  grantAnniversaries: {
    "a year here: the badge, its holder, the catalog, the Ranking": async (db) => {
      const femi = await makeUser(db, "femi");
      await ageAccount(db, femi, 400);
      return { changes: (await grantAnniversaries(db, T0)).changes, want: [`user:${femi.id}`, "badge:one-year", "badges", "ranking"] };
    },
  },
  backfillBadges: {
    "a script's run: the server expires everything when it starts": async (db) => {
      await scene(db);
      await forgetBadges(db);
      const r = await backfillBadges(db, { now: at(DAY) });
      expect(r.granted).toBeGreaterThan(0);
      return none;
    },
  },
  rerenderReviews: {
    "a script's run: the server expires everything when it starts": async (db) => {
      await scene(db);
      expect((await rerenderReviews(db, { all: true })).updated).toBe(1);
      return none;
    },
  },
};

describe("every write verb's changes map to the tags of the pages showing them", () => {
  const t = perTestDb();
  for (const [verb, outcomes] of Object.entries(VERBS)) {
    describe(verb, () => {
      for (const [outcome, run] of Object.entries(outcomes)) {
        it(outcome, async () => {
          const { changes, want } = await run(t.db);
          expect(tagsFor(changes ?? noChanges()).sort()).toEqual([...want].sort());
        });
      }
    });
  }
});

/** Exported functions in lib/ (outside lib/seed/) whose body opens a write, by a plain source scan. */
function writeVerbs(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== path.join(REPO_ROOT, "lib", "seed")) walk(p);
      } else if (e.name.endsWith(".ts")) {
        // Each exported function runs to the next top-level declaration.
        const parts = fs.readFileSync(p, "utf8").split(/\n(?=\S)/);
        for (const part of parts) {
          const m = /^export (?:async function (\w+)|const (\w+) = async)/.exec(part);
          const name = m?.[1] ?? m?.[2];
          if (name && /(?<![\w.])write\(/.test(part)) found.push(name);
        }
      }
    }
  };
  walk(path.join(REPO_ROOT, "lib"));
  return found.sort();
}

describe("the walk covers every write verb", () => {
  it("lists each exported function in lib/ that opens a write", () => {
    const verbs = writeVerbs();
    expect(verbs.length).toBeGreaterThan(20);
    expect(verbs.filter((v) => !(v in VERBS))).toEqual([]);
    // And the table names nothing that is not one (a renamed verb leaves no stale entry), but the
    // one verb that writes through another (openNotification: markRead).
    expect(Object.keys(VERBS).filter((v) => !verbs.includes(v))).toEqual(["openNotification"]);
  });
});

