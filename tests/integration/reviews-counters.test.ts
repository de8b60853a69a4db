import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { DomainError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createReview } from "@/lib/reviews/create-review";
import { deleteReview } from "@/lib/reviews/delete-review";
import { editReview } from "@/lib/reviews/edit-review";
import { createTestDb, ctxAs } from "../helpers/db";
import { MINUTE, T0, filmCounters, makeUser, reviewForm } from "../helpers/reviews";
import { sqlAll, sqlGet } from "@/tests/helpers/sql";

// The counter invariant: whatever sequence of writes, every film's counters equal a recount of
// its published reviews, and every review's revision_count equals its revision rows.

// Three films, each sometimes typed differently, so resolution by (folded title, year) is exercised too.
const FILMS = [
  ["The Third Man", "the third man", 1949],
  ["Amélie", "AMELIE", 2001],
  ["Solaris", "solaris!", 1972],
] as const;

const score = fc.option(fc.integer({ min: 1, max: 10 }), { nil: null });
const fields = fc.record({
  film: fc.integer({ min: 0, max: 2 }),
  variant: fc.boolean(),
  score,
  publish: fc.boolean(),
  spoilers: fc.boolean(),
  body: fc.constantFrom("Short.", "Short!", "A different body entirely, rewritten from scratch after a second viewing."),
});
const op = fc.oneof(
  fc.record({ kind: fc.constant("create" as const), actor: fc.integer({ min: 0, max: 1 }), f: fields }),
  fc.record({ kind: fc.constant("edit" as const), actor: fc.integer({ min: 0, max: 2 }), pick: fc.nat(), f: fields }),
  fc.record({ kind: fc.constant("delete" as const), actor: fc.integer({ min: 0, max: 2 }), pick: fc.nat() }),
);
const step = fc.record({ op, minutes: fc.integer({ min: 0, max: 8 }) });

type Fields = { film: number; variant: boolean; score: number | null; publish: boolean; spoilers: boolean; body: string };

function form(f: Fields, title: string) {
  const [name, variant, year] = FILMS[f.film]!;
  return reviewForm({
    title,
    body: f.body,
    score: f.score === null ? "" : String(f.score),
    hasSpoilers: f.spoilers ? "on" : undefined,
    intent: f.publish ? "publish" : "draft",
    filmTitle: f.variant ? variant : name,
    filmYear: String(year),
  });
}

async function expectInvariants(db: DB) {
  for (const f of await filmCounters(db)) {
    expect({ id: f.id, reviews: f.reviews, scoreSum: f.scoreSum, scoreCount: f.scoreCount }).toEqual({
      id: f.id,
      reviews: f.recountReviews,
      scoreSum: f.recountSum,
      scoreCount: f.recountScored,
    });
  }
  const revisionDrift = await sqlAll(db, `select p.id from posts p where p.revision_count <> (select count(*) from post_revisions r where r.post_id = p.id)`);
  expect(revisionDrift).toEqual([]);
  expect(((await sqlGet(db, "select count(*) as n from films")) as { n: number }).n).toBeLessThanOrEqual(FILMS.length);
}

describe("film counters under random create / edit / delete sequences", () => {
  it("always equal a recount of published reviews", async () => {
    // How often each write went through, so a generator that stopped exercising edits shows up.
    const done = { create: 0, edit: 0, delete: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const t = await createTestDb();
        try {
          // Two authors and a moderator (who may edit and delete anyone's review).
          const actors: Actor[] = [await makeUser(t.db, "mara"), await makeUser(t.db, "femi"), await makeUser(t.db, "modest", "moderator")];
          const reviews: number[] = [];
          let clock = T0.getTime();
          for (const [i, { op, minutes }] of steps.entries()) {
            clock += minutes * MINUTE;
            const now = new Date(clock);
            const actor = actors[op.actor]!;
            try {
              if (op.kind === "create") reviews.push((await createReview(ctxAs(t.db, actor, now), form(op.f, `Review ${i}`))).id);
              else if (reviews.length === 0) continue;
              else if (op.kind === "edit") await editReview(ctxAs(t.db, actor, now), { ...form(op.f, `Review ${i}`), reviewId: reviews[op.pick % reviews.length]! });
              else await deleteReview(ctxAs(t.db, actor, now), { reviewId: reviews[op.pick % reviews.length]! });
              done[op.kind] += 1;
            } catch (err) {
              done.refused += 1;
              // Only the designed refusals: a member touching another's review, or a deleted one.
              if (!(err instanceof DomainError) || !["Forbidden", "Gone"].includes(err.kind)) throw err;
            }
            await expectInvariants(t.db);
          }
        } finally {
          await t.close();
        }
      }),
      { numRuns: 30 },
    );
    expect(Object.values(done).every((n) => n > 0)).toBe(true);
  });
});
