import { describe, expect, it } from "vitest";
import { tagsFor } from "@/lib/cache/expire";
import { sweep } from "@/lib/maintenance/sweep";
import { perTestDb } from "../helpers/db";
import { ageAccount } from "../helpers/people";
import { DAY, T0, makeUser, seedReview } from "../helpers/reviews";
import { badgeNotices, heldBadges, rows } from "../helpers/badges";

// The periodic sweep: one write for what time alone changes, and what it changed for the cache.

describe("the sweep", () => {
  const t = perTestDb();

  it("ends first weeks, grants a year at the pictures dated now, and says which pages change", async () => {
    const old = await makeUser(t.db, "old");
    const regular = await makeUser(t.db, "regular");
    await ageAccount(t.db, old, 365);
    // Three published reviews, then the week runs out: the "New" marker goes at the next sweep.
    for (const n of [1, 2, 3]) await seedReview(t.db, regular, { title: `Regular's review ${n}`, score: "" }, T0);
    await ageAccount(t.db, regular, 6);
    expect((await rows(t.db, "users", `where id = '${regular.id}'`))[0]).toMatchObject({ is_new: 1 });

    const now = new Date(T0.getTime() + DAY);
    const done = await sweep(t.db, now);
    expect(done).toMatchObject({ ended: 1, anniversaries: 1 });
    expect((await rows(t.db, "users", `where id = '${regular.id}'`))[0]).toMatchObject({ is_new: 0 });
    expect(await heldBadges(t.db, old)).toEqual({ "one-year": now.getTime() });
    expect(await badgeNotices(t.db, old)).toEqual(["one-year"]);
    expect(tagsFor(done.changes)).toEqual(
      expect.arrayContaining(["badge:one-year", "badges", "ranking", `user:${old.id}`, `user:${regular.id}`, "members"]),
    );

    // Nothing more is due: nothing changes.
    const again = await sweep(t.db, now);
    expect(again).toMatchObject({ ended: 0, anniversaries: 0 });
    expect(tagsFor(again.changes)).toEqual([]);
  });

  it("expires the Ranking when a new month begins, and only then", async () => {
    expect(tagsFor((await sweep(t.db, new Date("2025-03-31T23:55:00Z"))).changes)).toEqual([]);
    expect(tagsFor((await sweep(t.db, new Date("2025-04-01T00:00:00Z"))).changes)).toEqual(["ranking"]);
    expect(tagsFor((await sweep(t.db, new Date("2025-04-01T00:05:00Z"))).changes)).toEqual([]);
  });
});
