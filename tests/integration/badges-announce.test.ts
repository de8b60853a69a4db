import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { SYSTEM_USERNAME } from "@/lib/badges/announce";
import { SYSTEM_USERNAME as SYSTEM_USERNAME_OWN, isSystemName } from "@/lib/badges/system";
import { createComment } from "@/lib/comments/create-comment";
import type { Actor } from "@/lib/permissions";
import { recountAll } from "@/lib/maintenance/recount";
import { getSettings } from "@/lib/users/queries";
import { updateNotificationPrefs } from "@/lib/users/update-notification-prefs";
import { ctxAs, perTestDb } from "../helpers/db";
import { commentForm, postComment } from "../helpers/comments";
import { noticeList, setSwitches } from "../helpers/people";
import { HOUR, MINUTE, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import { announcements, badgeNotices, heldBadges, members, presetReceived, rows, snapshot, systemRow } from "../helpers/badges";

const STOP_REPLY =
  "Done: no more badge notes under your reviews. Your badges still arrive in your notifications, and you can switch these notes back on in your settings.";

/** The announcement of mara's "10 upvotes" alone (one vote, one badge), line by line as the brief describes it. */
const TEN_UPVOTES = [
  "Congratulations @mara! Your review's upvotes earned you a new badge: **10 upvotes** (bronze).",
  "",
  "You received more than 10 upvotes.",
  "Your next target is to reach 50 upvotes.",
  "",
  "Your badges are on [your board](/u/mara/badges); see where you stand in the [Ranking](/ranking).",
  "Reply STOP to this note and there will be no more of them under your reviews.",
].join("\n");

/**
 * The one announcement of what mara's tenth upvote on her review earned: "10 upvotes" and "Crowd
 * pleaser" together, as a list (the ladder's rung first, as the vote earns them).
 */
const TEN_AND_CROWD = [
  "Congratulations @mara! Your review's upvotes earned you 2 new badges:",
  "",
  "- **10 upvotes** (bronze): You received more than 10 upvotes. Your next target is to reach 50 upvotes.",
  "- **Crowd pleaser** (silver): One of your reviews received 10 upvotes.",
  "",
  "Your badges are on [your board](/u/mara/badges); see where you stand in the [Ranking](/ranking).",
  "Reply STOP to this note and there will be no more of them under your reviews.",
].join("\n");

/** mara's published review, ten upvotes on it from ten fans (the tenth earns two badges: one announcement), and spare fans. */
async function announced(db: DB, spare = 0) {
  const mara = await makeUser(db, "mara");
  const femi = await makeUser(db, "femi");
  const reviewId = await seedReview(db, mara, { title: "Harry Lime's Vienna", score: "" });
  const fans = await members(db, "fan", 10 + spare);
  for (const [i, fan] of fans.slice(0, 10).entries()) await vote(db, fan, "review", reviewId, "up", at(i * MINUTE));
  const notes = await announcements(db, reviewId);
  expect(notes).toHaveLength(1);
  return { mara, femi, reviewId, fans, note: notes[0]!, spare: fans.slice(10) };
}

/** Takes mara from wherever she is to 50 upvotes received with two more real votes on her review. */
async function crossFifty(db: DB, mara: Actor, reviewId: number, voters: Actor[], when = at(5 * HOUR)) {
  await presetReceived(db, mara, "upvotes_received", 48);
  await vote(db, voters[0]!, "review", reviewId, "up", when);
  return vote(db, voters[1]!, "review", reviewId, "up", when);
}

/** A reply as the reply box posts it. */
const reply = (db: DB, author: Actor, reviewId: number, parentId: number | null, body: string, when = at(2 * HOUR)) =>
  createComment(ctxAs(db, author.id, when), commentForm(reviewId, { parentId: parentId === null ? "" : String(parentId), body }));

const announcesOn = async (db: DB, actor: Actor) => (await rows(db, "users", `where id = '${actor.id}'`))[0]!.badge_announcements;

describe("badge announcements under reviews", () => {
  const t = perTestDb();

  it("posts the badges a review's upvote earned as one comment under it, by the system account, with the links and the STOP line", async () => {
    const { mara, reviewId, note } = await announced(t.db);
    const system = (await systemRow(t.db))!;
    // Created when first needed, dated then (not 1970).
    expect(system).toMatchObject({
      username: SYSTEM_USERNAME, username_key: "marquee", name: "Marquee badges", is_system: 1, is_new: 0, password_hash: null, email: null, badge_announcements: 0,
      created_at: at(9 * MINUTE).getTime(),
    });
    expect(SYSTEM_USERNAME).toBe("marquee");
    expect(SYSTEM_USERNAME_OWN).toBe(SYSTEM_USERNAME);
    expect([isSystemName("marquee"), isSystemName("Marquee"), isSystemName("mara"), isSystemName(null), isSystemName(undefined)]).toEqual([true, true, false, false, false]);

    // One note for the one vote that earned two badges; it carries the first badge's slug.
    const comments = await rows(t.db, "comments");
    expect(comments.map((c) => [c.id, c.author_id, c.post_id, c.parent_id, c.depth, c.announces_badge, c.created_at])).toEqual([
      [note.id, system.id, reviewId, null, 1, "upvotes-10", at(9 * MINUTE).getTime()],
    ]);
    expect(comments[0]!.body_md).toBe(TEN_AND_CROWD);
    const html = String(comments[0]!.body_html);
    expect(html).toContain('href="/u/mara/badges"');
    expect(html).toContain('href="/ranking"');
    expect(html.match(/<li>/g)).toHaveLength(2);
    expect(html).toContain("<li><strong>10 upvotes</strong> (bronze): You received more than 10 upvotes. Your next target is to reach 50 upvotes.</li>");
    expect(html).toContain("<li><strong>Crowd pleaser</strong> (silver): One of your reviews received 10 upvotes.</li>");
    expect(html).toContain("Reply STOP to this note and there will be no more of them under your reviews.");
    // Counted under the review like any comment, with a first revision.
    expect((await rows(t.db, "posts", `where id = ${reviewId}`))[0]).toMatchObject({ comment_count: 1 });
    expect((await rows(t.db, "comment_revisions")).map((r) => [r.comment_id, r.number, r.editor_id])).toEqual([[note.id, 1, system.id]]);
    // mara hears of the badges in her notifications; the announcements add no reply notice.
    expect((await noticeList(t.db)).filter(([who]) => who === "mara").map(([, kind, , , , target]) => [kind, target])).toEqual([
      ["badge", "reviews-1"],
      ["milestone", `r${reviewId}`],
      ["badge", "upvotes-10"],
      ["badge", "review-10-upvotes"],
      ["milestone", `r${reviewId}`],
    ]);
    expect(await heldBadges(t.db, mara)).toHaveProperty("upvotes-10");
  });

  it("names a lone badge in the opening line, with the reached and next-target sentences on lines of their own", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" });
    const [fan] = await members(t.db, "fan", 1);
    // Nine upvotes received elsewhere: this first upvote on the review earns "10 upvotes" and nothing else.
    await presetReceived(t.db, mara, "upvotes_received", 9);
    expect((await vote(t.db, fan!, "review", reviewId, "up", at(HOUR))).badges.map((b) => b.slug)).toEqual(["upvotes-10"]);
    const notes = await announcements(t.db, reviewId);
    expect(notes.map((n) => [n.announces_badge, n.parent_id])).toEqual([["upvotes-10", null]]);
    expect(notes[0]!.body_md).toBe(TEN_UPVOTES);
    const html = String((await rows(t.db, "comments"))[0]!.body_html);
    expect(html).toContain("<strong>10 upvotes</strong> (bronze).");
    expect(html).not.toContain("<li>");
    expect(await systemRow(t.db)).toMatchObject({ created_at: at(HOUR).getTime() });
  });

  it("names the last rung as completing the ladder", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" });
    const fans = await members(t.db, "fan", 2);
    await presetReceived(t.db, mara, "upvotes_received", 4998);
    await vote(t.db, fans[0]!, "review", reviewId, "up", at(HOUR));
    expect(await announcements(t.db, reviewId)).toEqual([]);
    await vote(t.db, fans[1]!, "review", reviewId, "up", at(HOUR));
    const [note] = await announcements(t.db, reviewId);
    expect(note!.announces_badge).toBe("upvotes-5000");
    expect(note!.body_md.split("\n").slice(0, 4)).toEqual([
      "Congratulations @mara! Your review's upvotes earned you a new badge: **5,000 upvotes** (gold).",
      "",
      "You received more than 5,000 upvotes.",
      "That was the last rung: the upvotes received ladder is complete.",
    ]);
  });

  it("announces only badges a review's upvotes earned: not a comment's upvotes, not publishing, not replies", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "8", hasSpoilers: "on" });
    const comment = await postComment(t.db, mara, reviewId);
    for (const [i, fan] of (await members(t.db, "fan", 10)).entries()) await vote(t.db, fan, "comment", comment.id, "up", at(i * MINUTE));
    await postComment(t.db, femi, reviewId, comment.id);
    expect(Object.keys(await heldBadges(t.db, mara)).sort()).toEqual([
      "comment-10-upvotes", "comments-1", "first-scored-review", "first-spoiler-review", "replies-1", "reviews-1", "upvotes-10",
    ]);
    expect(await announcements(t.db, reviewId)).toEqual([]);
    expect(await systemRow(t.db)).toBeUndefined();
  });

  it.each(["STOP", "stop", "Stop!", "  sToP.  "])("honours %j from the review's author under an announcement: a system reply, and no more announcements", async (word) => {
    const { mara, reviewId, note, spare } = await announced(t.db, 2);
    const system = (await systemRow(t.db))!;
    const stop = await reply(t.db, mara, reviewId, note.id, word);
    expect(stop.stopped).toBe(true);
    expect(await announcesOn(t.db, mara)).toBe(0);
    const after = await rows(t.db, "comments", `where id > ${stop.comment.id}`);
    expect(after.map((c) => [c.author_id, c.parent_id, c.depth, c.body_md, c.announces_badge])).toEqual([[system.id, stop.comment.id, 3, STOP_REPLY, null]]);
    expect((await rows(t.db, "comments", `where id = ${note.id}`))[0]).toMatchObject({ reply_count: 1 });
    // The system account keeps the moment it was created.
    expect(await systemRow(t.db)).toMatchObject({ created_at: at(9 * MINUTE).getTime() });
    expect((await rows(t.db, "comments", `where id = ${stop.comment.id}`))[0]).toMatchObject({ reply_count: 1, author_id: mara.id });

    // Her next badge from this review's upvotes comes as a notice only.
    const before = (await rows(t.db, "comments")).length;
    expect((await crossFifty(t.db, mara, reviewId, spare)).badges.map((b) => b.slug)).toEqual(["upvotes-50"]);
    expect(await rows(t.db, "comments")).toHaveLength(before);
    expect(await badgeNotices(t.db, mara)).toContain("upvotes-50");
    expect((await getSettings(t.db, mara.id))!.prefs.badgeAnnouncements).toBe(false);
  });

  it("treats STOP from anyone but the review's author as an ordinary comment", async () => {
    const { mara, femi, reviewId, note, spare } = await announced(t.db, 2);
    const stop = await reply(t.db, femi, reviewId, note.id, "STOP");
    expect(stop.stopped).toBe(false);
    expect(await announcesOn(t.db, mara)).toBe(1);
    expect(await announcesOn(t.db, femi)).toBe(1);
    expect(await rows(t.db, "comments", `where id > ${stop.comment.id}`)).toEqual([]);
    await crossFifty(t.db, mara, reviewId, spare);
    expect((await announcements(t.db, reviewId)).map((a) => a.announces_badge)).toEqual(["upvotes-10", "upvotes-50"]);
  });

  it("ignores the author's STOP anywhere but directly under an announcement, and any other words under one", async () => {
    const { mara, femi, reviewId, note, spare } = await announced(t.db, 2);
    const femis = await postComment(t.db, femi, reviewId);
    const femisReply = await postComment(t.db, femi, reviewId, note.id);
    const before = (await rows(t.db, "comments")).length;
    const stopped = [
      await reply(t.db, mara, reviewId, null, "STOP", at(2 * HOUR)),
      await reply(t.db, mara, reviewId, femis.id, "STOP", at(3 * HOUR)),
      await reply(t.db, mara, reviewId, femisReply.id, "STOP", at(4 * HOUR)),
      await reply(t.db, mara, reviewId, note.id, "Please stop", at(5 * HOUR)),
      await reply(t.db, mara, reviewId, note.id, "STOP STOP", at(6 * HOUR)),
    ].map((r) => r.stopped);
    expect(stopped).toEqual([false, false, false, false, false]);
    // Five comments of hers and not one system reply; announcements still on.
    expect(await rows(t.db, "comments")).toHaveLength(before + 5);
    expect((await rows(t.db, "comments", `where id > ${femisReply.id}`)).every((c) => c.author_id === mara.id)).toBe(true);
    expect(await announcesOn(t.db, mara)).toBe(1);
    await crossFifty(t.db, mara, reviewId, spare, at(7 * HOUR));
    expect((await announcements(t.db, reviewId)).map((a) => a.announces_badge)).toEqual(["upvotes-10", "upvotes-50"]);
  });

  it("ignores a STOP under the system's reply to a STOP (not an announcement), and the author's own STOP again changes nothing twice", async () => {
    const { mara, reviewId, note } = await announced(t.db);
    const stop = await reply(t.db, mara, reviewId, note.id, "STOP");
    const done = (await rows(t.db, "comments", `where parent_id = ${stop.comment.id}`))[0]!;
    const before = await snapshot(t.db);
    const again = await reply(t.db, mara, reviewId, done.id as number, "STOP", at(3 * HOUR));
    expect(again.stopped).toBe(false);
    expect(await rows(t.db, "comments", `where id > ${again.comment.id}`)).toEqual([]);
    expect(await rows(t.db, "comments")).toHaveLength(before.comments!.length + 1);
    expect(await announcesOn(t.db, mara)).toBe(0);
  });

  it("posts no announcements when the author switched them off in settings, and posts them again once switched back on", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" });
    const prefs = { notifyReviewReplies: true, notifyCommentReplies: true, notifyMentions: true, notifyMilestones: true, notifyBadges: true };
    expect((await updateNotificationPrefs(ctxAs(t.db, mara), { ...prefs, badgeAnnouncements: "" })).prefs).toMatchObject({ badgeAnnouncements: false });
    expect(await announcesOn(t.db, mara)).toBe(0);
    const fans = await members(t.db, "fan", 12);
    for (const [i, fan] of fans.slice(0, 10).entries()) await vote(t.db, fan, "review", reviewId, "up", at(i * MINUTE));
    expect(await heldBadges(t.db, mara)).toHaveProperty("upvotes-10");
    expect(await badgeNotices(t.db, mara)).toEqual(["reviews-1", "upvotes-10", "review-10-upvotes"]);
    expect(await rows(t.db, "comments")).toEqual([]);

    expect((await updateNotificationPrefs(ctxAs(t.db, mara), { ...prefs, badgeAnnouncements: "on" })).prefs).toMatchObject({ badgeAnnouncements: true });
    await crossFifty(t.db, mara, reviewId, fans.slice(10));
    expect((await announcements(t.db, reviewId)).map((a) => a.announces_badge)).toEqual(["upvotes-50"]);
  });

  it("still announces when badge notices are switched off (the two switches are separate)", async () => {
    const mara = await makeUser(t.db, "mara");
    await setSwitches(t.db, mara, { badges: false });
    const reviewId = await seedReview(t.db, mara, { title: "Harry Lime's Vienna", score: "" });
    for (const [i, fan] of (await members(t.db, "fan", 10)).entries()) await vote(t.db, fan, "review", reviewId, "up", at(i * MINUTE));
    expect(await badgeNotices(t.db, mara)).toEqual([]);
    const notes = await announcements(t.db, reviewId);
    expect(notes.map((a) => a.announces_badge)).toEqual(["upvotes-10"]);
    expect(notes[0]!.body_md).toBe(TEN_AND_CROWD);
  });

  it("refuses members' upvotes on its notes (403), changing nothing, so the system account earns no badges", async () => {
    const { mara, reviewId, note, fans } = await announced(t.db);
    const system = (await systemRow(t.db))!;
    const stop = await reply(t.db, mara, reviewId, note.id, "STOP");
    const done = (await rows(t.db, "comments", `where parent_id = ${stop.comment.id}`))[0]!;
    const before = await snapshot(t.db);
    // Neither the announcement nor the reply to a STOP takes an upvote, from a fan or from the review's author.
    for (const [voter, id] of [[fans[0]!, note.id], [mara, note.id], [fans[1]!, done.id as number]] as const) {
      const err = await expectDomainError(() => vote(t.db, voter, "comment", id, "up", at(3 * HOUR)), "Forbidden", 403);
      expect(err.message).toBe("Badge notes from Marquee take no upvotes.");
    }
    expect(await snapshot(t.db)).toEqual(before);
    expect((await rows(t.db, "users", `where id = '${system.id}'`))[0]).toMatchObject({ upvotes_received: 0, badge_points: 0 });
    expect(await rows(t.db, "comment_votes")).toEqual([]);
    expect(await rows(t.db, "user_badges", `where user_id = '${system.id}'`)).toEqual([]);
    expect(await rows(t.db, "notifications", `where recipient_id = '${system.id}'`)).toEqual([]);
    // A member's comment in the same thread still takes upvotes.
    expect(await vote(t.db, fans[0]!, "comment", stop.comment.id, "up", at(3 * HOUR))).toMatchObject({ voted: true, changed: true, count: 1 });
  });

  it("leaves every counter as recountAll finds it after announcements and a STOP", async () => {
    const { mara, reviewId, note } = await announced(t.db);
    await reply(t.db, mara, reviewId, note.id, "STOP");
    // The announcements are not replies to mara, nor contributions of the system account.
    expect((await rows(t.db, "users", `where id = '${mara.id}'`))[0]).toMatchObject({ replies_received: 0 });
    expect(await recountAll(t.db, at(3 * HOUR))).toEqual({
      reviewComments: 0, reviewUpvotes: 0, commentReplies: 0, commentUpvotes: 0, upvotesReceived: 0, contributions: 0, newcomers: 0,
      reachedAt: 0, badgePoints: 0, badgeHolders: 0, repliesReceived: 0, viewsReceived: 0, monthly: 0, films: 0, hotScores: 0,
    });
  });
});
