// P7 on PostgreSQL (run by `npm run test:pg`): writer processes run the real verbs against a
// PostgreSQL server with its durability settings on (fsync, synchronous commit), and every write
// they acknowledged is there afterwards, with counters equal to a recount: through kill -9s of a
// writer, and through a kill -9 of the database server itself in the middle of their writing.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "@/db";
import { recountAll } from "@/lib/maintenance/recount";
import { buildWriter, durabilityHarness, missingAcks, tally } from "../helpers/durability-fixtures";
import { prng, type Ack } from "../helpers/durability-shared";
import { setTestEnv } from "../helpers/env";
import { PG_MIGRATIONS, startPostgres, type ThrowawayPostgres } from "../helpers/postgres";
import { allCounterDrift, RECOUNT_NOTHING } from "../helpers/votes";

const SEED = 0x5eed_f11f;
const KILLS = 8;
const MINUTE = 60_000;

let dir: string;
let cluster: ThrowawayPostgres;
const h = durabilityHarness({ migrations: PG_MIGRATIONS, create: (name) => cluster.createDatabase(name) });
const { freshDb, writer, withDb } = h;

beforeAll(async () => {
  setTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "marquee-durability-pg-"));
  const [script, started] = await Promise.all([buildWriter(dir), startPostgres({ durable: true })]);
  h.use(script);
  cluster = started;
}, 2 * MINUTE);

afterAll(async () => {
  await h.killAll();
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}, MINUTE);

async function expectCountersExact(db: DB) {
  expect(await allCounterDrift(db, new Date())).toEqual([]);
  expect(await recountAll(db)).toEqual(RECOUNT_NOTHING);
}

describe("durability on PostgreSQL (P7)", () => {
  it(`keeps every acknowledged write through ${KILLS} kill -9s of a writer process`, async () => {
    const { file: url, members } = await freshDb("kill", 6);
    const random = prng(SEED);
    const acks: Ack[] = [];
    const perRound: number[] = [];
    for (let round = 1; round <= KILLS; round++) {
      const w = writer({ file: url, tag: `k${round}`, seed: SEED + round, members });
      await w.firstAck();
      await sleep(30 + Math.floor(random() * 371));
      const { signal } = await w.kill();
      expect(signal, `round ${round}: the writer ended by itself\n${w.stderr()}`).toBe("SIGKILL");
      expect(w.errors, `round ${round}`).toEqual([]);
      acks.push(...w.acks);
      perRound.push(w.acks.length);
      await withDb(url, async (db) => expect(await missingAcks(db, acks), `round ${round}`).toEqual([]));
    }
    expect(Math.min(...perRound)).toBeGreaterThan(0);
    await withDb(url, async (db) => {
      await expectCountersExact(db);
      // The check itself notices a row that is not there.
      const first = <K extends Ack["kind"]>(kind: K) => acks.find((a): a is Extract<Ack, { kind: K }> => a.kind === kind)!;
      expect(await missingAcks(db, [{ ...first("review"), id: 1e9 }, { ...first("vote"), id: 1e9 }])).toHaveLength(2);
    });
    console.log(`kill -9 loop on PostgreSQL: kills ${KILLS}, acked ${acks.length} ${JSON.stringify(tally(acks))}, acks per life ${perRound.join(" ")}`);
  }, 4 * MINUTE);

  it("keeps every acknowledged write through a kill -9 of the database server under two writers", async () => {
    const { file: url, members } = await freshDb("crash", 6);
    const ws = [0, 1].map((i) => writer({ file: url, tag: `c${i + 1}`, seed: SEED * 3 + i, members }));
    await Promise.all(ws.map((w) => w.acked(40)));
    // The power goes: the server dies with both writers mid-transaction.
    await cluster.crash();
    const acks = ws.flatMap((w) => w.acks.slice());
    await Promise.all(ws.map((w) => w.kill()));
    await cluster.restart();
    await withDb(url, async (db) => {
      expect(await missingAcks(db, acks)).toEqual([]);
      await expectCountersExact(db);
    });
    console.log(`server kill -9 on PostgreSQL: acked before the crash ${acks.length} ${JSON.stringify(tally(acks))}`);
  }, 4 * MINUTE);
});
