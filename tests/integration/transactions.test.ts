import { beforeEach, describe, expect, it } from "vitest";
import { writeTx, type Tx } from "@/db";
import { fixtureWriter, perTestDb, snapshot, writeLockFreeElsewhere } from "../helpers/db";
import { sqlColumn, sqlRun, sqlValue } from "@/tests/helpers/sql";

/** A promise and the function that settles it: a transaction held open until the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Lets every pending callback and microtask run: what was able to start has started. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
};

const put = async (tx: Tx, k: string, v = 1) => await sqlRun(tx, "insert into probe (k, v) values (?, ?)", k, v);

describe("write transactions", () => {
  const t = perTestDb();
  const keys = async () => await sqlColumn(t.db, "select k from probe order by k");

  beforeEach(async () => {
    await sqlRun(fixtureWriter(t.db), "create table probe (k text primary key, v integer not null)");
  });

  it("take the write lock at BEGIN, before their first statement (SQLite's BEGIN IMMEDIATE, PostgreSQL's advisory lock)", async () => {
    expect(await writeLockFreeElsewhere(t.file)).toBe(true);
    const g = gate();
    const running = writeTx(t.db, async () => {
      await g.opened;
    });
    await settle();
    // Another process's connection, told not to wait: the write lock is already held.
    await expect.poll(() => writeLockFreeElsewhere(t.file)).toBe(false);
    g.open();
    await running;
    expect(await writeLockFreeElsewhere(t.file)).toBe(true);
  });

  it("run one at a time: a second write starts only after the first commits, and none of its statements runs inside the first", async () => {
    const log: string[] = [];
    const g = gate();
    const first = writeTx(t.db, async (tx) => {
      log.push("first:begin");
      await put(tx, "a1");
      await g.opened;
      await put(tx, "a2");
      log.push("first:end");
      throw new Error("first changes its mind");
    });
    const second = writeTx(t.db, async (tx) => {
      log.push("second:begin");
      await put(tx, "b1");
    });
    // The first holds its transaction open (PostgreSQL answers its BEGIN over the network)…
    await expect.poll(() => log.slice()).toEqual(["first:begin"]);
    // …and the second has not begun meanwhile.
    await settle();
    expect(log).toEqual(["first:begin"]);
    g.open();
    await expect(first).rejects.toThrow("first changes its mind");
    await second;
    expect(log).toEqual(["first:begin", "first:end", "second:begin"]);
    // Had "b1" been written inside the first transaction, its rollback would have taken it too.
    expect(await keys()).toEqual(["b1"]);
  });

  it("serialise read-modify-write across awaits: 50 concurrent increments lose none", async () => {
    await sqlRun(fixtureWriter(t.db), "insert into probe (k, v) values ('n', 0)");
    await Promise.all(
      Array.from({ length: 50 }, () =>
        writeTx(t.db, async (tx) => {
          const n = (await sqlValue(tx, "select v from probe where k = 'n'")) as number;
          await settle();
          await sqlRun(tx, "update probe set v = ? where k = 'n'", n + 1);
        }),
      ),
    );
    expect(await sqlValue(t.db, "select v from probe where k = 'n'")).toBe(50);
  });

  it("never show a reader uncommitted rows, and never make a reader wait for a slow write", async () => {
    const g = gate();
    const inserted = gate();
    const slow = writeTx(t.db, async (tx) => {
      await put(tx, "pending");
      inserted.open();
      await g.opened;
    });
    await inserted.opened;
    // The read answers while the write is still open, and without its row.
    expect(await keys()).toEqual([]);
    expect(await Promise.resolve(await sqlValue(t.db, "select count(*) from probe"))).toBe(0);
    g.open();
    await slow;
    expect(await keys()).toEqual(["pending"]);
  });

  it("roll back everything on a throw and free the lock for the next write", async () => {
    await sqlRun(fixtureWriter(t.db), "insert into probe (k, v) values ('kept', 1)");
    const before = await snapshot(t.db);
    await expect(
      writeTx(t.db, async (tx) => {
        await put(tx, "x");
        await sqlRun(tx, "update probe set v = 2 where k = 'kept'");
        await settle();
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(await snapshot(t.db)).toEqual(before);
    await writeTx(t.db, async (tx) => void await put(tx, "after"));
    expect(await keys()).toEqual(["after", "kept"]);
  });

  it("refuse a transaction opened inside another (it would wait for itself)", async () => {
    await expect(writeTx(t.db, async () => writeTx(t.db, async () => "inner"))).rejects.toThrow(/writeTx inside writeTx/);
    expect(await writeLockFreeElsewhere(t.file)).toBe(true);
    expect(await writeTx(t.db, async () => "free")).toBe("free");
  });

  it("leave the read connection unable to write, so nothing writes around the lock", async () => {
    await expect(sqlRun(t.db, "insert into probe (k, v) values ('sneaky', 1)")).rejects.toThrow(/readonly|read-only/);
    expect(await keys()).toEqual([]);
  });
});
