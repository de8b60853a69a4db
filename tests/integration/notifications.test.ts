import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { MAX_MENTIONS } from "@/lib/markdown/mentions";
import { excerptOfHtml } from "@/lib/markdown/render";
import { MILESTONES, isMilestone, notify, notifyMentions, type Notice } from "@/lib/notifications/notify";
import { makeCtx } from "@/lib/context";
import { markAllRead } from "@/lib/notifications/mark-all-read";
import { markRead } from "@/lib/notifications/mark-read";
import { openNotification } from "@/lib/notifications/open-notification";
import { countUnread, listNotifications } from "@/lib/notifications/queries";
import type { Actor } from "@/lib/permissions";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { knownMentions } from "@/lib/users/mentions";
import { write } from "@/lib/write";
import { ctxAs, fixtureWriter, perTestDb } from "../helpers/db";
import { commentForm, commentRow, later, postComment } from "../helpers/comments";
import { DAY, HOUR, MINUTE, T0, at, makeUser, reviewForm, rowById, seedReview } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import { crowd, noticeList, presetUpvotes, rows, setSwitches, snapshot } from "../helpers/people";
import { sqlRun } from "@/tests/helpers/sql";

/** mara wrote a published review; femi and ines read it. */
async function setup(db: DB) {
  const mara = await makeUser(db, "mara");
  const femi = await makeUser(db, "femi");
  const ines = await makeUser(db, "ines");
  const reviewId = await seedReview(db, mara);
  return { mara, femi, ines, reviewId };
}

/** notify() in a write of its own, at `now`: whether it wrote the notice. */
const notifyNow = async (db: DB, n: Notice, now = T0) => (await write(makeCtx(db, { now }), async (w) => ({ sent: await notify(w, n) }))).sent;
/** notifyMentions() in a write of its own, at `now`: how many it told. */
const mentionNow = async (db: DB, names: string[], at: Parameters<typeof notifyMentions>[2], now = T0) =>
  (await write(makeCtx(db, { now }), async (w) => ({ sent: await notifyMentions(w, names, at) }))).sent;

/** A badge notice as noticeList shows it: no actor, no amount, the badge's slug as target. */
const badge = (recipient: string, slug: string, review: number | null, comment: number | null = null) => [recipient, "badge", null, review, comment, slug, null];
/** What publishing setup's review (scored, at T0) earned mara: "First review" and "Out of ten". */
const published = (reviewId: number) => [badge("mara", "reviews-1", reviewId), badge("mara", "first-scored-review", reviewId)];

describe("isMilestone", () => {
  it("is true at 1, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000, then every 10,000", async () => {
    expect(MILESTONES).toEqual([1, 10, 50, 100, 200, 500, 1000, 2000, 5000, 10000]);
    for (const n of [...MILESTONES, 20_000, 30_000, 1_000_000]) expect(isMilestone(n), String(n)).toBe(true);
    for (const n of [0, 2, 9, 11, 49, 51, 99, 101, 999, 1001, 9999, 10_001, 15_000, 25_000, -1]) expect(isMilestone(n), String(n)).toBe(false);
  });
});

describe("notify and notifyMentions", () => {
  const t = perTestDb();

  it("writes one notice and says so", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    const before = await rows(t.db, "notifications");
    expect(await noticeList(t.db)).toEqual(published(reviewId));
    expect(await notifyNow(t.db, { recipientId: mara.id, kind: "review_reply", actorId: femi.id, reviewId }, at(MINUTE))).toBe(true);
    expect(await rows(t.db, "notifications")).toEqual([
      ...before,
      { id: 3, recipient_id: mara.id, kind: "review_reply", actor_id: femi.id, post_id: reviewId, comment_id: null, target: null, amount: null, created_at: at(MINUTE).getTime(), read_at: null },
    ]);
  });

  it("writes nothing about one's own action, for no recipient, or for a kind the recipient switched off", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    await setSwitches(t.db, femi, { mentions: false });
    const before = await snapshot(t.db);
    expect(await notifyNow(t.db, { recipientId: mara.id, kind: "mention", actorId: mara.id, reviewId })).toBe(false);
    expect(await notifyNow(t.db, { recipientId: null, kind: "review_reply", actorId: femi.id, reviewId })).toBe(false);
    expect(await notifyNow(t.db, { recipientId: femi.id, kind: "mention", actorId: mara.id, reviewId })).toBe(false);
    expect(await notifyNow(t.db, { recipientId: "00000000-0000-4000-8000-000000000000", kind: "mention", actorId: mara.id, reviewId })).toBe(false);
    expect(await snapshot(t.db)).toEqual(before);
    // Another kind still reaches femi.
    expect(await notifyNow(t.db, { recipientId: femi.id, kind: "comment_reply", actorId: mara.id, reviewId })).toBe(true);
  });

  it("honours each switch for its own kind only", async () => {
    const { mara, reviewId } = await setup(t.db);
    const kinds = [
      ["review_replies", "review_reply"],
      ["comment_replies", "comment_reply"],
      ["mentions", "mention"],
      ["milestones", "milestone"],
      ["badges", "badge"],
    ] as const;
    for (const [i, [off, kind]] of kinds.entries()) {
      const person = await makeUser(t.db, `switch${i}`);
      await setSwitches(t.db, person, { [off]: false });
      for (const [, k] of kinds) {
        const sent = await notifyNow(t.db, { recipientId: person.id, kind: k, actorId: mara.id, reviewId, target: k === "milestone" || k === "badge" ? `x${i}` : null, amount: k === "milestone" ? 1 : null });
        expect(sent, `${off} off, ${k}`).toBe(k !== kind);
      }
    }
    expect((await noticeList(t.db)).filter((n) => n[0] !== "mara")).toHaveLength(kinds.length * (kinds.length - 1));
    expect((await noticeList(t.db)).filter((n) => n[0] === "mara")).toEqual(published(reviewId));
  });

  it("gives a milestone or badge once per target and amount, whatever the retries", async () => {
    const { mara, reviewId } = await setup(t.db);
    const milestone: Notice = { recipientId: mara.id, kind: "milestone", reviewId, target: `r${reviewId}`, amount: 10 };
    expect(await notifyNow(t.db, milestone, at(MINUTE))).toBe(true);
    expect(await notifyNow(t.db, milestone, at(HOUR))).toBe(false);
    expect(await notifyNow(t.db, { ...milestone, amount: 50 })).toBe(true);
    expect(await notifyNow(t.db, { ...milestone, target: "c1" })).toBe(true);
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      ["mara", "milestone", null, reviewId, null, `r${reviewId}`, 10],
      ["mara", "milestone", null, reviewId, null, `r${reviewId}`, 50],
      ["mara", "milestone", null, reviewId, null, "c1", 10],
    ]);
    expect((await rows(t.db, "notifications"))[2]).toMatchObject({ created_at: at(MINUTE).getTime() });
  });

  it("gives a badge once per badge, whatever the retries", async () => {
    // notify() says milestones and badges are given once; a badge has a target but no amount.
    const { mara, reviewId } = await setup(t.db);
    const notice: Notice = { recipientId: mara.id, kind: "badge", target: "comments-1" };
    expect(await notifyNow(t.db, notice, at(MINUTE))).toBe(true);
    expect(await notifyNow(t.db, notice, at(HOUR))).toBe(false);
    // Nor again for a badge setup's review already earned her, whatever it points at.
    expect(await notifyNow(t.db, { ...notice, target: "reviews-1" }, at(HOUR))).toBe(false);
    expect(await noticeList(t.db)).toEqual([...published(reviewId), badge("mara", "comments-1", null)]);
  });

  it("tells the members mentioned, except the author, the skipped and unknown names, and counts them", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const sent = await mentionNow(t.db, ["femi", "ines", "mara", "nobody"], { actorId: mara.id, reviewId, skip: [ines.id] }, at(MINUTE));
    expect(sent).toBe(1);
    expect(await noticeList(t.db)).toEqual([...published(reviewId), ["femi", "mention", "mara", reviewId, null, null, null]]);
    expect(await mentionNow(t.db, [], { actorId: femi.id, reviewId }, T0)).toBe(0);
  });
});

describe("knownMentions", () => {
  const t = perTestDb();

  it("maps each mentioned member's lower-cased name to their username, leaving out unknown names", async () => {
    await makeUser(t.db, "Mara_K");
    await makeUser(t.db, "femi");
    const found = await knownMentions(t.db, "@mara_k, @FEMI and @nobody; `@femi` again; a@femi.com");
    expect([...found.entries()]).toEqual(expect.arrayContaining([["mara_k", "Mara_K"], ["femi", "femi"]]));
    expect(found.size).toBe(2);
    expect((await knownMentions(t.db, "nobody at all")).size).toBe(0);
  });

  it(`looks up at most MAX_MENTIONS (${MAX_MENTIONS}) names, the first ones`, async () => {
    const people = await crowd(t.db, "viewer", MAX_MENTIONS + 5);
    const found = await knownMentions(t.db, people.map((_, i) => `@viewer${i + 1}`).join(" "));
    expect([...found.keys()].sort()).toEqual(Array.from({ length: MAX_MENTIONS }, (_, i) => `viewer${i + 1}`).sort());
  });
});

describe("notices from comments", () => {
  const t = perTestDb();

  it("tells the review's author of a top-level comment, and the parent's author (only) of a reply", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const top = await postComment(t.db, femi, reviewId);
    const reply = await postComment(t.db, ines, reviewId, top.id);
    const deeper = await postComment(t.db, mara, reviewId, reply.id);
    // Each first comment earns its author "First comment", and each first reply received its
    // recipient "First reply": those badge notices come before the reply notice.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("femi", "comments-1", reviewId, top.id),
      badge("mara", "replies-1", reviewId, top.id),
      ["mara", "review_reply", "femi", reviewId, top.id, null, null],
      badge("ines", "comments-1", reviewId, reply.id),
      badge("femi", "replies-1", reviewId, reply.id),
      ["femi", "comment_reply", "ines", reviewId, reply.id, null, null],
      badge("mara", "comments-1", reviewId, deeper.id),
      badge("ines", "replies-1", reviewId, deeper.id),
      ["ines", "comment_reply", "mara", reviewId, deeper.id, null, null],
    ]);
    expect((await rows(t.db, "notifications"))[7]).toMatchObject({ kind: "comment_reply", created_at: (await commentRow(t.db, reply.id))!.created_at, read_at: null });
  });

  it("tells no one of their own comment on their own review, or their reply to their own comment", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    const own = await postComment(t.db, mara, reviewId);
    await postComment(t.db, mara, reviewId, own.id);
    const femis = await postComment(t.db, femi, reviewId);
    await postComment(t.db, femi, reviewId, femis.id, "Replying to myself, @femi.");
    // Their first comments earn them a badge, but answering oneself is no reply received.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("mara", "comments-1", reviewId, own.id),
      badge("femi", "comments-1", reviewId, femis.id),
      badge("mara", "replies-1", reviewId, femis.id),
      ["mara", "review_reply", "femi", reviewId, femis.id, null, null],
    ]);
  });

  it("tells each mentioned member once, never the author, and not again someone the reply already told", async () => {
    const { femi, ines, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    const c = await postComment(t.db, femi, reviewId, null, "@mara @Ines @femi @nobody and @ines again, `@otto` in code");
    // (Badge notices aside: this is about who hears of the comment itself.)
    const aboutComments = async () => (await noticeList(t.db)).filter((n) => n[1] !== "badge");
    expect(await aboutComments()).toEqual([
      ["mara", "review_reply", "femi", reviewId, c.id, null, null],
      ["ines", "mention", "femi", reviewId, c.id, null, null],
    ]);
    // The stored comment links the mentions of members, and only those.
    const html = (await commentRow(t.db, c.id))!.body_html as string;
    expect(html.match(/<a href="[^"]*" class="mention">@\w+<\/a>/g)).toEqual([
      '<a href="/u/mara" class="mention">@mara</a>',
      '<a href="/u/ines" class="mention">@Ines</a>',
      '<a href="/u/femi" class="mention">@femi</a>',
      '<a href="/u/ines" class="mention">@ines</a>',
    ]);
    // A reply mentioning the parent's author and the review's author: one notice each.
    const r = await postComment(t.db, ines, reviewId, c.id, "@femi yes, and @mara said so too");
    expect((await aboutComments()).slice(2)).toEqual([
      ["femi", "comment_reply", "ines", reviewId, r.id, null, null],
      ["mara", "mention", "ines", reviewId, r.id, null, null],
    ]);
  });

  it("skips each kind for a recipient who switched it off, and then tells a mentioned one by the mention", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    await setSwitches(t.db, mara, { review_replies: false });
    await setSwitches(t.db, femi, { comment_replies: false });
    await setSwitches(t.db, ines, { mentions: false });
    const top = await postComment(t.db, femi, reviewId, null, "Nothing for mara, nothing for @ines.");
    const reply = await postComment(t.db, ines, reviewId, top.id, "Nothing for femi.");
    // Only badge notices (badges are switched on for everyone here).
    const badges = [
      ...published(reviewId),
      badge("femi", "comments-1", reviewId, top.id),
      badge("mara", "replies-1", reviewId, top.id),
      badge("ines", "comments-1", reviewId, reply.id),
      badge("femi", "replies-1", reviewId, reply.id),
    ];
    expect(await noticeList(t.db)).toEqual(badges);
    // mara, without review-reply notices but with mentions on, hears of a comment that names her.
    const named = await postComment(t.db, femi, reviewId, null, "Is @mara reading?");
    expect(await noticeList(t.db)).toEqual([...badges, ["mara", "mention", "femi", reviewId, named.id, null, null]]);
  });

  it(`tells at most MAX_MENTIONS (${MAX_MENTIONS}) people about one comment, linking those only`, async () => {
    const { femi, reviewId } = await setup(t.db);
    await crowd(t.db, "viewer", MAX_MENTIONS + 5);
    const body = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `@viewer${i + 1}`).join(" ");
    const c = await postComment(t.db, femi, reviewId, null, body);
    const mentions = (await noticeList(t.db)).filter((n) => n[1] === "mention");
    expect(mentions.map((n) => n[0]).sort()).toEqual(Array.from({ length: MAX_MENTIONS }, (_, i) => `viewer${i + 1}`).sort());
    expect(((await commentRow(t.db, c.id))!.body_html as string).match(/class="mention"/g)).toHaveLength(MAX_MENTIONS);
  });

  it("on an edit, tells only the members the edit newly mentions", async () => {
    const { femi, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    const c = await postComment(t.db, femi, reviewId, null, "First thoughts, cc @ines.");
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("femi", "comments-1", reviewId, c.id),
      badge("mara", "replies-1", reviewId, c.id),
      ["mara", "review_reply", "femi", reviewId, c.id, null, null],
      ["ines", "mention", "femi", reviewId, c.id, null, null],
    ]);
    // A grace edit (same editor, a minute on) and a later one both count. mara, the review's
    // author, was already told of this comment by her reply notice: naming her adds nothing.
    // femi's first edit of what he published earns him "Second thoughts", once.
    await editComment(ctxAs(t.db, femi, later(t.db, MINUTE)), { commentId: c.id, body: "First thoughts, cc @ines @otto." });
    await editComment(ctxAs(t.db, femi, later(t.db, HOUR)), { commentId: c.id, body: "First thoughts, cc @INES @otto, and @mara @nobody." });
    expect((await noticeList(t.db)).slice(6)).toEqual([["otto", "mention", "femi", reviewId, c.id, null, null], badge("femi", "first-edit", reviewId, c.id)]);
    // An edit that changes the words around the same names tells no one.
    const before = await noticeList(t.db);
    await editComment(ctxAs(t.db, femi, later(t.db, DAY)), { commentId: c.id, body: "Second thoughts, cc @ines @otto @mara." });
    expect(await noticeList(t.db)).toEqual(before);
  });

  it("never tells a member twice about one comment, however its mentions are edited out and back in", async () => {
    const { femi, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    const c = await postComment(t.db, femi, reviewId, null, "Over to you, @otto.");
    await editComment(ctxAs(t.db, femi, later(t.db, HOUR)), { commentId: c.id, body: "Over to you." });
    await editComment(ctxAs(t.db, femi, later(t.db, 2 * HOUR)), { commentId: c.id, body: "Over to you, @otto." });
    await editComment(ctxAs(t.db, femi, later(t.db, 3 * HOUR)), { commentId: c.id, body: "Over to you." });
    await editComment(ctxAs(t.db, femi, later(t.db, 4 * HOUR)), { commentId: c.id, body: "Over to you, @otto!" });
    expect((await noticeList(t.db)).filter((n) => n[0] === "otto")).toEqual([["otto", "mention", "femi", reviewId, c.id, null, null]]);
  });

  it("on an edit, counts as told only those with a notice about this very comment", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    await setSwitches(t.db, mara, { review_replies: false });
    const first = await postComment(t.db, femi, reviewId, null, "cc @otto");
    const second = await postComment(t.db, femi, reviewId, null, "More thoughts.");
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("femi", "comments-1", reviewId, first.id),
      badge("mara", "replies-1", reviewId, first.id),
      ["otto", "mention", "femi", reviewId, first.id, null, null],
    ]);
    // mara (review replies off) has no notice about this comment, and otto's is about the other
    // one: both are told. (A badge notice, femi's "Second thoughts", is not one about the comment.)
    await editComment(ctxAs(t.db, femi, later(t.db, HOUR)), { commentId: second.id, body: "More thoughts, @mara and @otto." });
    expect((await noticeList(t.db)).slice(5)).toEqual([
      ["mara", "mention", "femi", reviewId, second.id, null, null],
      ["otto", "mention", "femi", reviewId, second.id, null, null],
      badge("femi", "first-edit", reviewId, second.id),
    ]);
  });

  it("takes back the reply and mention notices of a deleted comment, and nothing else", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const kept = await postComment(t.db, ines, reviewId);
    const doomed = await postComment(t.db, femi, reviewId, kept.id, "@mara look");
    const replyToGone = await postComment(t.db, ines, reviewId, doomed.id);
    await vote(t.db, mara, "comment", doomed.id, "up", later(t.db));
    const badges = {
      kept: [badge("ines", "comments-1", reviewId, kept.id), badge("mara", "replies-1", reviewId, kept.id)],
      doomed: [badge("femi", "comments-1", reviewId, doomed.id), badge("ines", "replies-1", reviewId, doomed.id)],
      reply: [badge("femi", "replies-1", reviewId, replyToGone.id)],
    };
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      ...badges.kept,
      ["mara", "review_reply", "ines", reviewId, kept.id, null, null],
      ...badges.doomed,
      ["ines", "comment_reply", "femi", reviewId, doomed.id, null, null],
      ["mara", "mention", "femi", reviewId, doomed.id, null, null],
      ...badges.reply,
      ["femi", "comment_reply", "ines", reviewId, replyToGone.id, null, null],
      ["femi", "milestone", null, reviewId, doomed.id, `c${doomed.id}`, 1],
    ]);
    await deleteComment(ctxAs(t.db, femi, later(t.db, HOUR)), { commentId: doomed.id });
    // Badges once earned stay, with their notices, even those the deleted comment earned.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      ...badges.kept,
      ["mara", "review_reply", "ines", reviewId, kept.id, null, null],
      ...badges.doomed,
      ...badges.reply,
      ["femi", "comment_reply", "ines", reviewId, replyToGone.id, null, null],
      ["femi", "milestone", null, reviewId, doomed.id, `c${doomed.id}`, 1],
    ]);
  });

  it("writes no notice when the comment is refused", async () => {
    const { femi, reviewId } = await setup(t.db);
    const draft = await seedReview(t.db, femi, { title: "Unfinished", intent: "draft" });
    const before = await snapshot(t.db);
    await expect(createComment(ctxAs(t.db, femi.id, at(MINUTE)), commentForm(draft, { body: "@mara hello" }))).rejects.toThrow();
    await expect(createComment(ctxAs(t.db, femi.id, at(MINUTE)), commentForm(reviewId, { parentId: "999", body: "@mara hello" }))).rejects.toThrow();
    expect(await snapshot(t.db)).toEqual(before);
  });
});

describe("notices from reviews", () => {
  const t = perTestDb();
  const edit = (actor: Actor, id: number, over: Record<string, unknown>, now: Date) => editReview(ctxAs(t.db, actor, now), { ...reviewForm(over), reviewId: id });

  it("tells the members a published review mentions, not its author", async () => {
    const { mara, reviewId } = await setup(t.db);
    const id = await seedReview(t.db, mara, { title: "Second", body: "With thanks to @femi, @INES, @mara and @nobody." }, at(HOUR));
    // A second scored review earns mara nothing new.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      ["femi", "mention", "mara", id, null, null, null],
      ["ines", "mention", "mara", id, null, null, null],
    ]);
    expect((await rows(t.db, "notifications"))[2]).toMatchObject({ created_at: at(HOUR).getTime() });
    expect((await rowById(t.db, "posts", id))!.body_html).toContain('<a href="/u/femi" class="mention">@femi</a>');
    expect(reviewId).not.toBe(id);
  });

  it("tells no one while a review is a draft, everyone named when it is published, and then only names an edit adds", async () => {
    const { mara, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    const id = await seedReview(t.db, mara, { title: "Draft", body: "For @femi.", intent: "draft" });
    await edit(mara, id, { title: "Draft", body: "For @femi and @ines.", intent: "draft" }, at(HOUR));
    // Only what publishing setup's review earned mara; editing a draft earns nothing.
    expect(await noticeList(t.db)).toEqual(published(reviewId));
    await edit(mara, id, { title: "Draft", body: "For @femi and @ines.", intent: "publish" }, at(2 * HOUR));
    expect((await noticeList(t.db)).slice(2)).toEqual([
      ["femi", "mention", "mara", id, null, null, null],
      ["ines", "mention", "mara", id, null, null, null],
    ]);
    // Her first edit of a published review earns her "Second thoughts", once.
    await edit(mara, id, { title: "Draft", body: "For @femi, @ines and @otto." }, at(DAY));
    await edit(mara, id, { title: "Draft", body: "For @femi, @ines and @otto, again." }, at(2 * DAY));
    expect((await noticeList(t.db)).slice(4)).toEqual([["otto", "mention", "mara", id, null, null, null], badge("mara", "first-edit", id)]);
    // A moderator's edit that adds a name is the moderator's doing (and earns the moderator no badge).
    const mod = await makeUser(t.db, "modest", "moderator");
    await edit(mod, id, { title: "Draft", body: "For @femi, @ines and @otto, again. And @mara." }, at(3 * DAY));
    expect((await noticeList(t.db)).slice(6)).toEqual([["mara", "mention", "modest", id, null, null, null]]);
  });

  it("never tells a member twice about one review, however its mentions are edited out and back in", async () => {
    const { mara } = await setup(t.db);
    await makeUser(t.db, "otto");
    const id = await seedReview(t.db, mara, { title: "Mentions", body: "Thanks, @otto." });
    await edit(mara, id, { title: "Mentions", body: "Thanks." }, at(HOUR));
    await edit(mara, id, { title: "Mentions", body: "Thanks, @otto." }, at(2 * HOUR));
    expect((await noticeList(t.db)).filter((n) => n[0] === "otto")).toEqual([["otto", "mention", "mara", id, null, null, null]]);
  });

  it("on an edit, tells of the review those told only of a comment on it or of its upvotes, once", async () => {
    const { femi, reviewId } = await setup(t.db);
    await makeUser(t.db, "otto");
    const c = await postComment(t.db, femi, reviewId, null, "@otto look");
    await vote(t.db, femi, "review", reviewId, "up", later(t.db));
    // The badge notices (about the review, like the milestone) are not ones about the review either.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("femi", "comments-1", reviewId, c.id),
      badge("mara", "replies-1", reviewId, c.id),
      ["mara", "review_reply", "femi", reviewId, c.id, null, null],
      ["otto", "mention", "femi", reviewId, c.id, null, null],
      ["mara", "milestone", null, reviewId, null, `r${reviewId}`, 1],
    ]);
    // A moderator names both in the review: a notice about a comment on it or a milestone is not one about the review.
    const mod = await makeUser(t.db, "modest", "moderator");
    await edit(mod, reviewId, { body: "Zither music. Thanks @mara and @otto." }, later(t.db, HOUR));
    expect((await noticeList(t.db)).slice(7)).toEqual([
      ["mara", "mention", "modest", reviewId, null, null, null],
      ["otto", "mention", "modest", reviewId, null, null, null],
    ]);
    // Taken out and put back: no one is told again.
    await edit(mod, reviewId, { body: "Zither music." }, later(t.db, 2 * HOUR));
    await edit(mod, reviewId, { body: "Zither music. Thanks @mara and @otto." }, later(t.db, 3 * HOUR));
    expect(await noticeList(t.db)).toHaveLength(9);
  });

  it("takes back every notice about a deleted review: its mentions, the replies on it and milestones, not others'", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const other = await seedReview(t.db, femi, { title: "Femi's", body: "Hi @mara" });
    const c = await postComment(t.db, femi, reviewId, null, "@ines see this");
    const answer = await postComment(t.db, ines, reviewId, c.id);
    const elsewhere = await postComment(t.db, ines, other);
    await vote(t.db, femi, "review", reviewId, "up", later(t.db));
    await vote(t.db, ines, "comment", c.id, "up", later(t.db));
    const onOther = (await noticeList(t.db)).filter((n) => n[3] === other);
    expect(onOther).toEqual([
      ["mara", "mention", "femi", other, null, null, null],
      badge("femi", "reviews-1", other),
      badge("femi", "first-scored-review", other),
      ["femi", "review_reply", "ines", other, elsewhere.id, null, null],
    ]);
    expect((await noticeList(t.db)).filter((n) => n[3] === reviewId).map((n) => `${n[0]} ${n[1]}${n[1] === "badge" ? ` ${n[5]}` : ""}`)).toEqual([
      "mara badge reviews-1",
      "mara badge first-scored-review",
      "femi badge comments-1",
      "mara badge replies-1",
      "mara review_reply",
      "ines mention",
      "ines badge comments-1",
      "femi badge replies-1",
      "femi comment_reply",
      "mara milestone",
      "femi milestone",
    ]);
    const held = await rows(t.db, "user_badges");
    const before = await noticeList(t.db);
    await deleteReview(ctxAs(t.db, mara, later(t.db, HOUR)), { reviewId });
    // Every notice about the other review stays; of those about the deleted one, the replies,
    // mentions and milestones go. Badges stay earned, and so do their notices, even those the
    // deleted review (or a comment on it) earned: they lead to the board, not to the review.
    expect(await noticeList(t.db)).toEqual(before.filter((n) => n[3] !== reviewId || n[1] === "badge"));
    expect((await noticeList(t.db)).filter((n) => n[3] === other)).toEqual(onOther);
    expect((await noticeList(t.db)).filter((n) => n[3] === reviewId)).toEqual([
      badge("mara", "reviews-1", reviewId),
      badge("mara", "first-scored-review", reviewId),
      badge("femi", "comments-1", reviewId, c.id),
      badge("mara", "replies-1", reviewId, c.id),
      badge("ines", "comments-1", reviewId, answer.id),
      badge("femi", "replies-1", reviewId, answer.id),
    ]);
    expect(await rows(t.db, "user_badges")).toEqual(held);
  });
});

describe("milestone notices from votes", () => {
  const t = perTestDb();

  it("tells a review's author of its first upvote once: not the second, nor again after undo and re-vote", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const before = await rows(t.db, "notifications"); // what publishing the review earned mara
    await vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    expect(await rows(t.db, "notifications")).toEqual([
      ...before,
      { id: 3, recipient_id: mara.id, kind: "milestone", actor_id: null, post_id: reviewId, comment_id: null, target: `r${reviewId}`, amount: 1, created_at: at(HOUR).getTime(), read_at: null },
    ]);
    await vote(t.db, ines, "review", reviewId, "up", at(HOUR));
    await vote(t.db, femi, "review", reviewId, "none", at(2 * HOUR));
    await vote(t.db, ines, "review", reviewId, "none", at(2 * HOUR));
    expect(await vote(t.db, ines, "review", reviewId, "up", at(3 * HOUR))).toMatchObject({ count: 1, changed: true });
    await vote(t.db, femi, "review", reviewId, "none", at(3 * HOUR)); // a no-op
    await vote(t.db, femi, "review", reviewId, "up", at(3 * HOUR));
    expect(await noticeList(t.db)).toEqual([...published(reviewId), ["mara", "milestone", null, reviewId, null, `r${reviewId}`, 1]]);
  });

  it("tells a comment's author at 1 and 10, with the comment as target", async () => {
    const { femi, reviewId } = await setup(t.db);
    const c = await postComment(t.db, femi, reviewId);
    const voters = await crowd(t.db, "voter", 10);
    for (const [i, v] of voters.entries()) await vote(t.db, v, "comment", c.id, "up", at(DAY + i * MINUTE));
    const milestones = (await noticeList(t.db)).filter((n) => n[1] === "milestone");
    expect(milestones).toEqual([
      ["femi", "milestone", null, reviewId, c.id, `c${c.id}`, 1],
      ["femi", "milestone", null, reviewId, c.id, `c${c.id}`, 10],
    ]);
  });

  it("tells at each higher milestone reached by an upvote, never on the way down", async () => {
    const { femi, ines, reviewId } = await setup(t.db);
    for (const m of [50, 100, 1000, 20_000]) {
      await presetUpvotes(t.db, "review", reviewId, m - 1);
      await vote(t.db, femi, "review", reviewId, "up", at(HOUR));
      await vote(t.db, femi, "review", reviewId, "none", at(HOUR));
    }
    // Taking an upvote back to land on a milestone is not reaching it.
    await presetUpvotes(t.db, "review", reviewId, 9);
    await vote(t.db, ines, "review", reviewId, "up", at(2 * HOUR)); // 10
    await presetUpvotes(t.db, "review", reviewId, 11);
    await vote(t.db, ines, "review", reviewId, "none", at(3 * HOUR)); // back to 10
    // And counts in between are not milestones.
    await presetUpvotes(t.db, "review", reviewId, 10);
    await vote(t.db, ines, "review", reviewId, "up", at(4 * HOUR)); // 11
    const milestone = (amount: number) => ["mara", "milestone", null, reviewId, null, `r${reviewId}`, amount];
    // presetUpvotes moves mara's upvotes received too, so the upvotes that land on a rung of that
    // ladder (50, 100, 1000, then 10 with the review's own tenth) earn badges, told just before the
    // milestone; 20,000 is past the ladder's top.
    expect(await noticeList(t.db)).toEqual([
      ...published(reviewId),
      badge("mara", "upvotes-50", reviewId),
      milestone(50),
      badge("mara", "upvotes-100", reviewId),
      milestone(100),
      badge("mara", "upvotes-1000", reviewId),
      milestone(1000),
      milestone(20_000),
      badge("mara", "upvotes-10", reviewId),
      badge("mara", "review-10-upvotes", reviewId),
      milestone(10),
    ]);
  });

  it("tells no one when the author switched milestones off, or the author's account is gone", async () => {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    await setSwitches(t.db, mara, { milestones: false });
    await vote(t.db, femi, "review", reviewId, "up", at(HOUR));
    const orphan = await seedReview(t.db, ines, { title: "Orphaned" });
    await sqlRun(fixtureWriter(t.db), `update posts set author_id = null where id = ?`, orphan);
    expect(await vote(t.db, femi, "review", orphan, "up", at(HOUR))).toMatchObject({ count: 1, changed: true, badges: [] });
    // Only what publishing the two reviews earned their authors.
    expect(await noticeList(t.db)).toEqual([...published(reviewId), badge("ines", "reviews-1", orphan), badge("ines", "first-scored-review", orphan)]);
  });
});

describe("reading notices", () => {
  const t = perTestDb();

  /**
   * One notice of each kind for mara, oldest first, beside the badge notices the verbs give her
   * (for her first review, scored, her first reply received and her first comment), and one for a
   * badge the catalog no longer has.
   */
  async function inbox() {
    const { mara, femi, ines, reviewId } = await setup(t.db);
    const reply = await postComment(t.db, femi, reviewId, null, "Great **review**, but >!the sewer!< scene?"); // review_reply
    const mine = await postComment(t.db, mara, reviewId, reply.id);
    const answer = await postComment(t.db, ines, reviewId, mine.id, "Agreed with @femi."); // comment_reply to mara, mention to femi
    const inComment = await postComment(t.db, femi, reviewId, null, "cc @mara"); // review_reply (no mention: already told)
    const femisReview = await seedReview(t.db, femi, { title: "Femi on Solaris", filmTitle: "Solaris", filmYear: "1972", body: "As @mara said." }, at(HOUR)); // mention
    await vote(t.db, femi, "review", reviewId, "up", later(t.db)); // milestone 1
    await presetUpvotes(t.db, "comment", mine.id, 999);
    await vote(t.db, femi, "comment", mine.id, "up", later(t.db)); // milestone 1000
    await notifyNow(t.db, { recipientId: mara.id, kind: "badge", target: "First Review" }, later(t.db, HOUR)); // a retired badge
    return { mara, femi, ines, reviewId, reply, mine, answer, inComment, femisReview };
  }

  it("lists a member's notices newest first, each in words with where it leads and a spoiler-free excerpt", async () => {
    const { mara, femi, ines, reply, mine, answer, inComment } = await inbox();
    const { items, next } = await listNotifications(t.db, mara.id);
    expect(next).toBeNull();
    const femiActor = { username: "femi", name: "femi", image: null };
    const review = "Harry Lime's Vienna";
    const board = "/u/mara/badges";
    expect(items.map(({ id, createdAt, ...rest }) => (expect(typeof id).toBe("number"), expect(createdAt).toBeInstanceOf(Date), rest))).toEqual([
      { kind: "badge", read: false, actor: null, before: "You earned a badge that is no longer given.", subject: "", after: "", href: board, excerpt: null },
      { kind: "milestone", read: false, actor: null, before: "Your comment on ", subject: review, after: " reached 1,000 upvotes.", href: `/comments/${mine.id}`, excerpt: null },
      { kind: "milestone", read: false, actor: null, before: "Your review ", subject: review, after: " reached its first upvote.", href: "/reviews/harry-lime-s-vienna#vote", excerpt: null },
      { kind: "mention", read: false, actor: femiActor, before: "mentioned you in their review ", subject: "Femi on Solaris", after: "", href: "/reviews/femi-on-solaris", excerpt: null },
      { kind: "review_reply", read: false, actor: femiActor, before: "replied to your review ", subject: review, after: "", href: `/comments/${inComment.id}`, excerpt: "cc @mara" },
      { kind: "comment_reply", read: false, actor: { username: "ines", name: "ines", image: null }, before: "replied to your comment on ", subject: review, after: "", href: `/comments/${answer.id}`, excerpt: "Agreed with @femi." },
      // A badge notice names the badge, what was reached and the next target, and leads to her board;
      // even one earned by a comment shows no excerpt of it (only replies and mentions do).
      {
        kind: "badge",
        read: false,
        actor: null,
        before: "New badge: ",
        subject: "First comment",
        after: ". You wrote your first comment. Your next target is to write 10 comments.",
        href: board,
        excerpt: null,
      },
      { kind: "review_reply", read: false, actor: femiActor, before: "replied to your review ", subject: review, after: "", href: `/comments/${reply.id}`, excerpt: "Great review, but [spoiler] scene?" },
      {
        kind: "badge",
        read: false,
        actor: null,
        before: "New badge: ",
        subject: "First reply",
        after: ". Someone replied to you for the first time. Your next target is to receive 10 replies.",
        href: board,
        excerpt: null,
      },
      // A one-off badge has no next target.
      { kind: "badge", read: false, actor: null, before: "New badge: ", subject: "Out of ten", after: ". You published your first scored review.", href: board, excerpt: null },
      {
        kind: "badge",
        read: false,
        actor: null,
        before: "New badge: ",
        subject: "First review",
        after: ". You published your first review. Your next target is to publish 5 reviews.",
        href: board,
        excerpt: null,
      },
    ]);
    // Those badge notices do point at the comment that earned them: the excerpt is left out on purpose.
    const fromComments = (await noticeList(t.db)).filter(([who, kind, , , comment]) => who !== "femi" && kind === "badge" && comment !== null);
    expect(fromComments.map(([who, , , , comment, slug]) => [who, slug, comment])).toEqual([
      ["mara", "replies-1", reply.id],
      ["mara", "comments-1", mine.id],
      ["ines", "comments-1", answer.id],
    ]);
    // A mention in a comment reads differently from one in a review.
    const femis = (await listNotifications(t.db, femi.id)).items;
    expect(femis.find((n) => n.kind === "mention")).toMatchObject({ before: "mentioned you in a comment on ", subject: review, href: `/comments/${answer.id}`, excerpt: "Agreed with @femi." });
    // ines has only the badge her first comment earned her.
    expect(await listNotifications(t.db, ines.id)).toEqual({
      items: [
        {
          id: expect.any(Number),
          createdAt: expect.any(Date),
          kind: "badge",
          read: false,
          actor: null,
          before: "New badge: ",
          subject: "First comment",
          after: ". You wrote your first comment. Your next target is to write 10 comments.",
          href: "/u/ines/badges",
          excerpt: null,
        },
      ],
      next: null,
    });
  });

  it("cuts a long excerpt at 160 characters, as excerptOfHtml does", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    const c = await postComment(t.db, femi, reviewId, null, "Long ".repeat(100));
    const [notice] = (await listNotifications(t.db, mara.id)).items;
    expect(notice!.excerpt).toBe(excerptOfHtml((await commentRow(t.db, c.id))!.body_html as string, 160));
    expect(notice!.excerpt!.length).toBeLessThanOrEqual(161);
    expect(notice!.excerpt!.endsWith("…")).toBe(true);
  });

  it("pages by id: `before` gives the notices older than the one given, `next` the id to continue from", async () => {
    const { mara, reviewId } = await setup(t.db);
    const people = await crowd(t.db, "reader", 7);
    for (const p of people) await postComment(t.db, p, reviewId);
    const all = (await listNotifications(t.db, mara.id)).items.map((n) => n.id);
    // Seven replies, her "First reply" badge (the first of them) and the two for publishing.
    expect(all).toHaveLength(10);
    expect((await listNotifications(t.db, mara.id)).items.map((n) => n.kind)).toEqual([...Array(7).fill("review_reply"), "badge", "badge", "badge"]);
    expect(all).toEqual([...all].sort((a, b) => b - a));
    const first = await listNotifications(t.db, mara.id, undefined, 3);
    expect(first.items.map((n) => n.id)).toEqual(all.slice(0, 3));
    expect(first.next).toBe(all[2]);
    const second = await listNotifications(t.db, mara.id, first.next!, 3);
    expect(second.items.map((n) => n.id)).toEqual(all.slice(3, 6));
    expect(second.next).toBe(all[5]);
    const third = await listNotifications(t.db, mara.id, second.next!, 3);
    expect(third.items.map((n) => n.id)).toEqual(all.slice(6, 9));
    const fourth = await listNotifications(t.db, mara.id, third.next!, 3);
    expect(fourth).toEqual({ items: [expect.objectContaining({ id: all[9] })], next: null });
    // Exactly a page left: no next page.
    expect((await listNotifications(t.db, mara.id, all[6], 3)).next).toBeNull();
  });

  it("counts unread notices, and marks them read one by one or all at once, for their recipient only", async () => {
    const { mara, femi, ines } = await inbox();
    const ids = (await listNotifications(t.db, mara.id)).items.map((n) => n.id);
    expect(ids).toHaveLength(11); // inbox()'s seven, and the four badges the verbs gave her
    expect(await countUnread(t.db, mara.id)).toBe(11);
    const femiUnread = await countUnread(t.db, femi.id);
    expect(femiUnread).toBeGreaterThan(0);

    expect((await markRead(ctxAs(t.db, femi, at(DAY)), { id: ids[0]! })).marked).toBe(false); // not femi's
    expect((await markRead(ctxAs(t.db, mara, at(DAY)), { id: 9999 })).marked).toBe(false);
    expect(await countUnread(t.db, mara.id)).toBe(11);
    expect((await markRead(ctxAs(t.db, mara, at(DAY)), { id: ids[0]! })).marked).toBe(true);
    expect((await markRead(ctxAs(t.db, mara, at(2 * DAY)), { id: ids[0]! })).marked).toBe(true); // still hers; the first read time stays
    expect((await rows(t.db, "notifications", `where id = ${ids[0]}`))[0]).toMatchObject({ read_at: at(DAY).getTime() });
    expect(await countUnread(t.db, mara.id)).toBe(10);
    expect((await listNotifications(t.db, mara.id)).items.map((n) => n.read)).toEqual([true, ...Array(10).fill(false)]);

    expect((await markAllRead(ctxAs(t.db, mara, at(3 * DAY)))).marked).toBe(10);
    expect(await countUnread(t.db, mara.id)).toBe(0);
    expect((await markAllRead(ctxAs(t.db, mara, at(4 * DAY)))).marked).toBe(0);
    const times = (await rows(t.db, "notifications", `where recipient_id = '${mara.id}'`)).map((r) => [r.id, r.read_at]);
    expect(times).toEqual(ids.map((id) => [id, id === ids[0] ? at(DAY).getTime() : at(3 * DAY).getTime()]).reverse());
    // Nobody else's notices moved.
    expect(await countUnread(t.db, femi.id)).toBe(femiUnread);
    expect(await countUnread(t.db, ines.id)).toBe(1); // her "First comment" badge
  });

  it("opens a notice: where it leads, marked read once; another member's notice opens nothing", async () => {
    const { mara, femi, reply } = await inbox();
    const items = (await listNotifications(t.db, mara.id)).items;
    const oldestReply = items.findLast((n) => n.kind === "review_reply")!;
    const oldest = items.at(-1)!; // her "First review" badge
    expect(oldest).toMatchObject({ kind: "badge", subject: "First review" });
    const before = await snapshot(t.db);
    expect((await openNotification(ctxAs(t.db, femi, at(DAY)), { id: oldestReply.id })).href).toBeNull();
    expect((await openNotification(ctxAs(t.db, mara, at(DAY)), { id: 9999 })).href).toBeNull();
    expect(await snapshot(t.db)).toEqual(before);
    expect((await openNotification(ctxAs(t.db, mara, at(DAY)), { id: oldestReply.id })).href).toBe(`/comments/${reply.id}`);
    expect((await openNotification(ctxAs(t.db, mara, at(2 * DAY)), { id: oldestReply.id })).href).toBe(`/comments/${reply.id}`);
    expect((await rows(t.db, "notifications", `where id = ${oldestReply.id}`))[0]).toMatchObject({ read_at: at(DAY).getTime() });
    expect(await countUnread(t.db, mara.id)).toBe(10);
    // A badge notice opens the member's own badge board.
    expect((await openNotification(ctxAs(t.db, mara, at(DAY)), { id: oldest.id })).href).toBe("/u/mara/badges");
    expect(await countUnread(t.db, mara.id)).toBe(9);
  });

  it("shows a notice whose actor's account is gone without an actor", async () => {
    const { mara, femi, reviewId } = await setup(t.db);
    await postComment(t.db, femi, reviewId);
    await sqlRun(fixtureWriter(t.db), `delete from users where id = ?`, femi.id);
    const [notice] = (await listNotifications(t.db, mara.id)).items;
    expect(notice).toMatchObject({ kind: "review_reply", actor: null, before: "replied to your review " });
  });
});
