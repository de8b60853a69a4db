// The benchmark's databases on PostgreSQL: made (and dropped at the end) in the cluster that
// `--database postgres://…` points at, which needs the right to create databases. The address's
// own database is only used to make the others.
import pg from "pg";
import type { Place } from "./prepare";

const PREFIX = "marquee_bench_";

/** `marquee_bench_<name>` in the cluster of `url`, made afresh on each `make`; `dropAll` at the end. */
export function postgresPlace(url: string): Place & { dropAll: () => Promise<void> } {
  const made = new Set<string>();
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(text);
    } finally {
      await client.end();
    }
  };
  const urlOf = (database: string) => {
    const u = new URL(url);
    u.pathname = `/${database}`;
    return u.toString();
  };
  return {
    dialect: "PostgreSQL",
    async make(name) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
      const database = PREFIX + name;
      await admin(`drop database if exists ${database} with (force)`);
      await admin(`create database ${database}`);
      made.add(database);
      return urlOf(database);
    },
    async dropAll() {
      for (const database of made) await admin(`drop database if exists ${database} with (force)`);
      made.clear();
    },
  };
}
