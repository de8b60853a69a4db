// The benchmark's databases on PostgreSQL: made (and dropped at the end) in the cluster that
// `--database postgres://…` points at, which needs the right to create databases. The address's
// own database is only used to make the others.
import pg from "pg";
import type { Place } from "./prepare";

const PREFIX = "marquee_bench_";

/**
 * `marquee_bench_<name>` in the cluster of `url`, made afresh on each `make` (empty) or `copy` (from
 * another of them, as a template); `dropAll` at the end.
 */
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
  const fresh = async (name: string, template?: string) => {
    if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
    const database = PREFIX + name;
    await admin(`drop database if exists ${database} with (force)`);
    made.add(database);
    if (!template) await admin(`create database ${database}`);
    // A template must have no session: one just closed by its pool may linger for a moment.
    else
      for (let i = 0; ; i++) {
        try {
          await admin(`create database ${database} template ${template}`);
          break;
        } catch (err) {
          if (i === 50 || !/being accessed by other users/.test(String(err))) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    return urlOf(database);
  };
  return {
    dialect: "PostgreSQL",
    make: (name) => fresh(name),
    async copy(from, name) {
      const template = new URL(from).pathname.slice(1);
      if (!made.has(template)) throw new Error(`not a benchmark database: ${from}`);
      return fresh(name, template);
    },
    async dropAll() {
      for (const database of made) await admin(`drop database if exists ${database} with (force)`);
      made.clear();
    },
  };
}

/** The cluster's version, as `show server_version` names it. */
export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return ((await client.query("show server_version")).rows[0] as { server_version: string }).server_version;
  } finally {
    await client.end();
  }
}
