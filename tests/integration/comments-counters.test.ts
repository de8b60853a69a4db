import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { segment } from "@/lib/comments/path";
import { listThread } from "@/lib/comments/queries";
import { buildThread, type CommentNode } from "@/lib/comments/tree";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createTestDb, ctxAs } from "../helpers/db";
import { T0, makeUser, seedReview } from "../helpers/reviews";
import { commentForm, counterDrift, makeRegular } from "../helpers/comments";
import { sqlAll, sqlGet } from "@/tests/helpers/sql";

// The counter invariant: whatever sequence of comments, replies, edits and deletes by several
// people, a review's comment_count equals its live comments and a comment's reply_count its live
// direct replies, after every step. A small model of which comments live checks the rows too.

// Few bodies, so identical text (the duplicate refusal) and unchanged edits both come up.
const body = fc.constantFrom("Agreed.", "The zither!", "Welles is in it for ten minutes.", "Agreed. ".repeat(20) + "Mostly.");
const actor = fc.integer({ min: 0, max: 3 });
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant("create" as const), actor, review: fc.integer({ min: 0, max: 1 }), body }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("reply" as const), actor, pick: fc.nat(), body }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant("edit" as const), actor, pick: fc.nat(), body }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant("delete" as const), actor, pick: fc.nat() }), weight: 2 },
);
// Mostly a few seconds apart (flood control and the grace window), sometimes minutes.
const step = fc.record({ op, seconds: fc.oneof(fc.integer({ min: 0, max: 45 }), fc.integer({ min: 0, max: 400 })) });

type Model = Map<number, { reviewId: number; parentId: number | null; live: boolean }>;

async function expectInvariants(db: DB, model: Model, reviews: number[]) {
  expect(await counterDrift(db)).toEqual({ reviews: [], comments: [] });
  for (const reviewId of reviews) {
    const live = [...model].filter(([, c]) => c.reviewId === reviewId && c.live).map(([id]) => id);
    const stored = (await sqlGet(db, `select comment_count as n from posts where id = ?`, reviewId)) as { n: number };
    expect(stored.n).toBe(live.length);
    // Shown with no depth cut: every live comment, and a deleted one only above a live one.
    const shown: CommentNode[] = [];
    const walk = (nodes: CommentNode[]) => nodes.forEach((n) => (shown.push(n), walk(n.children)));
    walk(buildThread(await listThread(db, reviewId), "best", Infinity));
    expect(shown.filter((n) => !n.deleted).map((n) => n.id).sort((a, b) => a - b)).toEqual(live.sort((a, b) => a - b));
    const hasLive = (n: CommentNode): boolean => n.children.some((c) => !c.deleted || hasLive(c));
    expect(shown.filter((n) => n.deleted && !hasLive(n)).map((n) => n.id)).toEqual([]);
  }
  const rows = (await sqlAll(db, `select c.id, c.post_id, c.parent_id, c.deleted_at is null as live, c.depth, c.path, c.revision_count,
              p.depth as parent_depth, p.path as parent_path,
              (select count(*) from comment_revisions r where r.comment_id = c.id) as revisions
       from comments c left join comments p on p.id = c.parent_id order by c.id`)) as { id: number; post_id: number; parent_id: number | null; live: number; depth: number; path: string; revision_count: number; parent_depth: number | null; parent_path: string | null; revisions: number }[];
  expect(rows.map((r) => [r.id, r.post_id, r.parent_id, r.live === 1])).toEqual([...model].map(([id, c]) => [id, c.reviewId, c.parentId, c.live]));
  for (const r of rows) {
    expect({ depth: r.depth, path: r.path, revisions: r.revisions }).toEqual({
      depth: (r.parent_depth ?? 0) + 1,
      path: (r.parent_path ?? "") + segment(r.id),
      revisions: r.revision_count,
    });
  }
}

describe("comment counters under random comment / reply / edit / delete sequences", () => {
  // Fifty fresh databases and a recount after every step: seconds of work, more on a loaded machine.
  it("always equal a recount from rows", { timeout: 180_000 }, async () => {
    // How often each write went through (or was refused), so a generator that stopped exercising one shows up.
    const done = { create: 0, reply: 0, edit: 0, newRevision: 0, delete: 0, Forbidden: 0, Gone: 0, RateLimited: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 40 }), async (steps) => {
        const t = await createTestDb();
        try {
          // The reviews' author (a regular), a newcomer, another member and a moderator.
          const host = await makeRegular(t.db, "mara");
          const actors: Actor[] = [host, await makeUser(t.db, "femi"), await makeRegular(t.db, "ines"), await makeUser(t.db, "modest", "moderator")];
          const reviews = [await seedReview(t.db, host, { title: "The Third Man" }), await seedReview(t.db, host, { title: "Solaris" })];
          const model: Model = new Map();
          const ids = () => [...model.keys()];
          let clock = T0.getTime();
          for (const { op, seconds } of steps) {
            clock += seconds * 1000;
            const now = new Date(clock);
            const who = actors[op.actor]!;
            try {
              if (op.kind === "create") {
                const reviewId = reviews[op.review]!;
                const { comment } = await createComment(ctxAs(t.db, who, now), commentForm(reviewId, { body: op.body }));
                model.set(comment.id, { reviewId, parentId: null, live: true });
              } else if (model.size === 0) {
                continue;
              } else {
                const id = ids()[op.pick % model.size]!;
                const target = model.get(id)!;
                if (op.kind === "reply") {
                  const { comment } = await createComment(ctxAs(t.db, who, now), commentForm(target.reviewId, { parentId: String(id), body: op.body }));
                  model.set(comment.id, { reviewId: target.reviewId, parentId: id, live: true });
                } else if (op.kind === "edit") {
                  const before = (await sqlGet(t.db, `select revision_count as n from comments where id = ?`, id)) as { n: number };
                  await editComment(ctxAs(t.db, who, now), { commentId: id, body: op.body });
                  const after = (await sqlGet(t.db, `select revision_count as n from comments where id = ?`, id)) as { n: number };
                  if (after.n > before.n) done.newRevision += 1;
                } else {
                  await deleteComment(ctxAs(t.db, who, now), { commentId: id });
                  target.live = false;
                }
              }
              done[op.kind] += 1;
            } catch (err) {
              // Only the designed refusals: someone else's comment, a deleted one, flood control.
              if (!(err instanceof DomainError) || !(err.kind === "Forbidden" || err.kind === "Gone" || err.kind === "RateLimited")) throw err;
              done[err.kind] += 1;
            }
            await expectInvariants(t.db, model, reviews);
          }
        } finally {
          await t.close();
        }
      }),
      { numRuns: 50 },
    );
    expect(Object.entries(done).filter(([, n]) => n === 0)).toEqual([]);
  });
});
