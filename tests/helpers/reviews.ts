import { expect } from "vitest";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { DomainError, type DomainErrorKind } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createReview } from "@/lib/reviews/create-review";
import { thrown } from "./errors";
import { ctxAs, fixtureWriter } from "./db";
import { one } from "@/db/query";
import { sqlAll, sqlGet } from "@/tests/helpers/sql";
export { rows, snapshot } from "./db";

// Shared fixtures for the review-domain integration tests.

/** A fixed clock: 2025-03-14 12:00 UTC. Verbs read it from their Ctx (`ctxAs(db, actor, now)`), so no test depends on the wall clock. */
export const T0 = new Date("2025-03-14T12:00:00.000Z");
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const at = (ms: number) => new Date(T0.getTime() + ms);

/** A user row inserted directly (no password hashing; a fixture, so synchronous on the write connection): the review verbs only need an id and a role. */
export async function makeUser(db: DB, username: string, role: Actor["role"] = "member"): Promise<Actor> {
  const row = await one(fixtureWriter(db)
    .insert(users)
    .values({ username, usernameKey: username.toLowerCase(), name: username, email: `${username.toLowerCase()}@example.com`, role })
    .returning({ id: users.id, role: users.role }));
  return { id: row.id, role: row.role };
}

/** A valid review form as the editor posts it, about "The Third Man" (1949). */
export function reviewForm(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: "Harry Lime's Vienna",
    body: "Zither music over **rubble**. A slow, crooked city.",
    score: "8",
    tags: "noir, vienna",
    hasSpoilers: undefined,
    intent: "publish",
    reason: undefined,
    filmId: undefined,
    filmTitle: "The Third Man",
    filmYear: "1949",
    ...over,
  };
}

/** Creates a review and returns its id. */
export async function seedReview(db: DB, author: Actor, over: Record<string, unknown> = {}, now = T0): Promise<number> {
  return (await createReview(ctxAs(db, author, now), reviewForm(over))).id;
}


/** One row by id, or undefined. */
export async function rowById(db: DB, table: "posts" | "films" | "users", id: number | string): Promise<Record<string, unknown> | undefined> {
  return (await sqlGet(db, `select * from "${table}" where id = ?`, id)) as Record<string, unknown> | undefined;
}


/** A film's stored counters next to a recount from its published reviews. */
export async function filmCounters(db: DB) {
  return (await sqlAll(db, `select f.id, f.review_count as reviews, f.score_sum as scoreSum, f.score_count as scoreCount,
              (select count(*) from posts p where p.film_id = f.id and p.status = 'published') as recountReviews,
              (select coalesce(sum(p.score), 0) from posts p where p.film_id = f.id and p.status = 'published') as recountSum,
              (select count(p.score) from posts p where p.film_id = f.id and p.status = 'published') as recountScored
       from films f order by f.id`)) as { id: number; reviews: number; scoreSum: number; scoreCount: number; recountReviews: number; recountSum: number; recountScored: number }[];
}

/** The counters of one film as { reviewCount, scoreSum, scoreCount }. */
export async function countersOf(db: DB, filmId: number) {
  const f = await rowById(db, "films", filmId);
  return { reviewCount: f?.review_count, scoreSum: f?.score_sum, scoreCount: f?.score_count };
}

/** Expects `fn` to throw a DomainError of this kind, status and (optionally) field set; returns it. */
export async function expectDomainError(fn: () => unknown, kind: DomainErrorKind, status: number, fields: string[] = []) {
  const err = await thrown(fn);
  expect(err).toBeInstanceOf(DomainError);
  const e = err as DomainError;
  expect({ kind: e.kind, status: e.status, fields: Object.keys(e.fieldErrors) }).toEqual({ kind, status, fields });
  return e;
}

/** Users made one after another, in the order given (each joins after the one before). */
export async function makeUsers(db: DB, ...usernames: string[]): Promise<Actor[]> {
  const out: Actor[] = [];
  for (const name of usernames) out.push(await makeUser(db, name));
  return out;
}
