import { afterEach, describe, expect, it } from "vitest";
import { openTagReader, type TagReader } from "@/db/tag-reader";
import { tagsFor } from "@/lib/cache/expire";
import { expireEverywhere } from "@/lib/cache/shared-tags";
import { sweep, SWEEP_EVERY_MS } from "@/lib/maintenance/sweep";
import { ON_PG, perTestDb } from "../helpers/db";
import { T0, at, expectDomainError, makeUser, seedReview } from "../helpers/reviews";
import { vote } from "../helpers/votes";
import { sqlAll, sqlValue } from "@/tests/helpers/sql";

// What every process learns a write expired (lib/cache/shared-tags.ts, db/tag-reader.ts): the
// write's tags, committed with it under one number, read by another connection as a server does.

describe("shared cache tags", () => {
  const t = perTestDb();
  let reader: TagReader | undefined;
  afterEach(async () => {
    await reader?.close();
    reader = undefined;
  });
  const tagRows = async () => (await sqlAll<{ tag: string; seq: number }>(t.db, "select tag, seq from cache_tags order by tag")).map((r) => ({ tag: r.tag, seq: Number(r.seq) }));

  it("records a write's tags under one number above every earlier one, and another connection reads exactly them", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const reviewId = await seedReview(t.db, mara);
    reader = openTagReader(t.file);
    const before = await reader.top();
    expect(before).toBeGreaterThan(0); // the sign-ups and the review were writes too
    expect(await reader.since(before)).toEqual({ tags: [], seq: before });

    const done = await vote(t.db, femi, "review", reviewId, "up", at(60_000));
    const expected = tagsFor(done.changes).sort();
    expect(expected).toContain(`review:${reviewId}`);
    const found = await reader.since(before);
    expect(found.tags.sort()).toEqual(expected);
    expect(found.seq).toBe(before + 1);
    expect(await reader.top()).toBe(before + 1);
    // Each tag keeps only its latest number.
    expect((await tagRows()).filter((r) => expected.includes(r.tag)).every((r) => r.seq === before + 1)).toBe(true);
  });

  it("records nothing for a refused write", async () => {
    const mara = await makeUser(t.db, "mara");
    const reviewId = await seedReview(t.db, mara);
    const rowsBefore = await tagRows();
    // Upvoting one's own review is refused.
    await expectDomainError(() => vote(t.db, mara, "review", reviewId, "up", at(60_000)), "Forbidden", 403);
    expect(await tagRows()).toEqual(rowsBefore);
  });

  it("tells whether anything was committed: SQLite's data_version moves only on another connection's commit; PostgreSQL is asked each time", async () => {
    const mara = await makeUser(t.db, "mara");
    const femi = await makeUser(t.db, "femi");
    const reviewId = await seedReview(t.db, mara);
    reader = openTagReader(t.file);
    const v = reader.dataVersion();
    expect(reader.dataVersion()).toBe(v);
    await vote(t.db, femi, "review", reviewId);
    if (ON_PG) expect(reader.dataVersion()).toBeNull();
    else expect(reader.dataVersion()).not.toBe(v);
    expect(await reader.top()).toBe(Number(await sqlValue(t.db, "select coalesce(max(seq), 0) from cache_tags")));
  });

  it("expireEverywhere records the tag every cached component carries", async () => {
    reader = openTagReader(t.file);
    const before = await reader.top();
    await expireEverywhere(t.db);
    expect(await reader.since(before)).toEqual({ tags: ["all"], seq: before + 1 });
  });

  it("runs the sweep once across processes: a second sweep within the interval does nothing, even at once", async () => {
    await makeUser(t.db, "mara");
    const runs = await Promise.all([sweep(t.db, T0), sweep(t.db, T0)]);
    expect(runs.map((r) => r.ran).sort()).toEqual([false, true]);
    expect(await sqlAll(t.db, "select name from jobs")).toEqual([{ name: "sweep" }]);
    expect(Number(await sqlValue(t.db, ON_PG ? "select cast(floor(extract(epoch from last_run_at) * 1000) as bigint) from jobs" : "select last_run_at from jobs"))).toBe(T0.getTime());
    expect((await sweep(t.db, at(SWEEP_EVERY_MS / 2))).ran).toBe(false);
    expect((await sweep(t.db, at(SWEEP_EVERY_MS))).ran).toBe(true);
  });
});
