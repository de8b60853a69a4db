// Compares the SQLite schema (db/schema-sqlite) with the PostgreSQL one (db/schema-pg) table by table,
// through Drizzle's own description of each table (getTableConfig), and lists every difference.
import { is, SQL, type Column } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";

/**
 * The one table of equivalent column types: a SQLite type (with the mode Drizzle reads it in) and
 * the PostgreSQL types that hold the same values and come back as the same JavaScript values.
 * Not listed means not equivalent: bigint in "bigint" mode (a BigInt, not a number), numeric (a
 * string), timestamp without time zone, json (not jsonb) all fail.
 */
export const EQUIVALENT_TYPES: Record<string, readonly string[]> = {
  integer: ["integer", "bigint (number)"],
  "integer (timestamp_ms)": ["timestamp (3) with time zone (date)"],
  "integer (boolean)": ["boolean"],
  // Text compared byte by byte ("C") is what SQLite's text is; other collations would order differently.
  text: ["text", 'text COLLATE "C"', "varchar"],
  "text (json)": ["jsonb"],
  real: ["double precision"],
  "blob (buffer)": ["bytea"],
};

/**
 * SQL written differently in each dialect for the same thing (defaults, checks, partial indexes'
 * conditions): SQLite's text → PostgreSQL's. SQL not listed must read the same in both.
 */
export const EQUIVALENT_SQL: Record<string, string> = {
  "(unixepoch('subsec') * 1000)": "now()",
};

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

type Dialect = "sqlite" | "pg";

/** What the comparison reads of one table, in the same terms for both dialects. */
type Shape = {
  columns: Map<string, { type: string; notNull: boolean; default: string; enumValues: string }>;
  primaryKey: string;
  uniques: Set<string>;
  indexes: Map<string, string>;
  checks: Map<string, string>;
  foreignKeys: Set<string>;
};

const list = (names: readonly string[]) => `(${names.join(", ")})`;

function render(dialect: Dialect, sql: SQL): string {
  const text = (dialect === "sqlite" ? sqliteDialect : pgDialect).sqlToQuery(sql).sql;
  return dialect === "sqlite" ? (EQUIVALENT_SQL[text] ?? text) : text;
}

function columnType(dialect: Dialect, c: Column): string {
  const sqlType = c.getSQLType();
  if (dialect === "sqlite") {
    if (c.columnType === "SQLiteTimestamp") return `${sqlType} (${(c as unknown as { mode: string }).mode})`;
    if (c.columnType === "SQLiteBoolean") return `${sqlType} (boolean)`;
    if (c.columnType === "SQLiteTextJson") return `${sqlType} (json)`;
    if (c.columnType === "SQLiteBigInt") return `${sqlType} (bigint)`;
    if (c.columnType === "SQLiteBlobBuffer") return `${sqlType} (buffer)`;
    return sqlType;
  }
  if (c.columnType === "PgBigInt53") return `${sqlType} (number)`;
  if (c.columnType === "PgBigInt64") return `${sqlType} (bigint)`;
  if (c.columnType === "PgTimestamp") return `${sqlType} (date)`;
  if (c.columnType === "PgTimestampString") return `${sqlType} (string)`;
  return sqlType;
}

/** How a column gets a value nobody gave it. An id SQLite numbers (AUTOINCREMENT) is one PostgreSQL numbers (identity). */
function columnDefault(dialect: Dialect, c: Column): string {
  const parts: string[] = [];
  const identity = (c as unknown as { generatedIdentity?: { type: "always" | "byDefault" } }).generatedIdentity;
  if (dialect === "sqlite" && (c as unknown as { autoIncrement?: boolean }).autoIncrement) parts.push("numbered, explicit ids allowed");
  if (dialect === "pg" && identity) parts.push(identity.type === "byDefault" ? "numbered, explicit ids allowed" : "numbered, explicit ids refused");
  if (c.default !== undefined) parts.push(is(c.default, SQL) ? `sql ${render(dialect, c.default)}` : `value ${JSON.stringify(c.default)}`);
  if (c.defaultFn) parts.push(`function ${c.defaultFn.toString()}`);
  if (c.onUpdateFn) parts.push(`on update ${c.onUpdateFn.toString()}`);
  return parts.join("; ") || "none";
}

function indexedColumn(dialect: Dialect, c: unknown): string {
  return is(c, SQL) ? render(dialect, c) : (c as { name: string }).name;
}

function shapeOf(dialect: Dialect, table: SQLiteTable | PgTable) {
  const config = dialect === "sqlite" ? sqliteConfig(table as SQLiteTable) : pgConfig(table as PgTable);
  const columns: Shape["columns"] = new Map();
  for (const c of config.columns as Column[]) {
    columns.set(c.name, {
      type: columnType(dialect, c),
      notNull: c.notNull,
      default: columnDefault(dialect, c),
      enumValues: c.enumValues ? list(c.enumValues) : "none",
    });
  }
  const pkColumns = (config.columns as Column[]).filter((c) => c.primary).map((c) => c.name);
  const primaryKey = list(pkColumns.length > 0 ? pkColumns : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []));
  if (config.primaryKeys.length + (pkColumns.length > 0 ? 1 : 0) > 1) throw new Error(`${config.name}: more than one primary key`);
  const uniques = new Set([
    ...config.uniqueConstraints.map((u) => list(u.columns.map((c) => c.name))),
    ...(config.columns as Column[]).filter((c) => c.isUnique).map((c) => list([c.name])),
  ]);
  const indexes: Shape["indexes"] = new Map();
  for (const { config: ix } of config.indexes) {
    const on = list(ix.columns.map((c) => indexedColumn(dialect, c)));
    const where = ix.where ? ` where ${render(dialect, ix.where)}` : "";
    // Indexes are matched by name: an unnamed one gets a name made from its columns.
    indexes.set(ix.name ?? `(unnamed) ${on}`, `${ix.unique ? "unique " : ""}on ${on}${where}`);
  }
  const checks = new Map(config.checks.map((c) => [c.name, render(dialect, c.value)]));
  const foreignKeys = new Set(
    config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      const target = dialect === "sqlite" ? sqliteConfig(ref.foreignTable as SQLiteTable).name : pgConfig(ref.foreignTable as PgTable).name;
      const cols = (cs: Column[]) => list(cs.map((c) => c.name));
      return `${cols(ref.columns)} → ${target}${cols(ref.foreignColumns)} on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
    }),
  );
  return { name: config.name, shape: { columns, primaryKey, uniques, indexes, checks, foreignKeys } satisfies Shape };
}

function byName(dialect: Dialect, tables: readonly (SQLiteTable | PgTable)[]) {
  return new Map(tables.map((t) => shapeOf(dialect, t)).map(({ name, shape }) => [name, shape]));
}

/** What is in one side only, or differs, between two keyed collections: "<what> <key>: …". */
function compareKeyed(out: string[], where: string, what: string, a: Map<string, string> | Set<string>, b: Map<string, string> | Set<string>) {
  const get = (m: Map<string, string> | Set<string>, k: string) => (m instanceof Map ? m.get(k) : k);
  for (const k of a.keys()) {
    if (!b.has(k)) out.push(`${where}: ${what} ${k} only on SQLite`);
    else if (get(a, k) !== get(b, k)) out.push(`${where}: ${what} ${k} is ${get(a, k)} on SQLite, ${get(b, k)} on PostgreSQL`);
  }
  for (const k of b.keys()) if (!a.has(k)) out.push(`${where}: ${what} ${k} only on PostgreSQL`);
}

/**
 * Every difference between the two schemas, one line each, naming the table, the column or
 * constraint, and what differs. Empty when they describe the same database.
 */
export function schemaDifferences(sqliteTables: readonly SQLiteTable[], pgTables: readonly PgTable[]): string[] {
  const out: string[] = [];
  const a = byName("sqlite", sqliteTables);
  const b = byName("pg", pgTables);
  for (const name of a.keys()) if (!b.has(name)) out.push(`table ${name}: only on SQLite`);
  for (const name of b.keys()) if (!a.has(name)) out.push(`table ${name}: only on PostgreSQL`);
  for (const [name, s] of a) {
    const p = b.get(name);
    if (!p) continue;
    for (const [col, sc] of s.columns) {
      const pc = p.columns.get(col);
      const at = `${name}.${col}`;
      if (!pc) {
        out.push(`${at}: column only on SQLite`);
        continue;
      }
      const allowed = EQUIVALENT_TYPES[sc.type] ?? [];
      if (!allowed.includes(pc.type)) {
        out.push(`${at}: type ${sc.type} on SQLite, ${pc.type} on PostgreSQL (equivalents: ${allowed.join(", ") || "none listed"})`);
      }
      if (sc.notNull !== pc.notNull) out.push(`${at}: ${sc.notNull ? "NOT NULL" : "nullable"} on SQLite, ${pc.notNull ? "NOT NULL" : "nullable"} on PostgreSQL`);
      if (sc.default !== pc.default) out.push(`${at}: default ${sc.default} on SQLite, ${pc.default} on PostgreSQL`);
      if (sc.enumValues !== pc.enumValues) out.push(`${at}: values ${sc.enumValues} on SQLite, ${pc.enumValues} on PostgreSQL`);
    }
    for (const col of p.columns.keys()) if (!s.columns.has(col)) out.push(`${name}.${col}: column only on PostgreSQL`);
    if (s.primaryKey !== p.primaryKey) out.push(`${name}: primary key ${s.primaryKey} on SQLite, ${p.primaryKey} on PostgreSQL`);
    compareKeyed(out, name, "unique constraint on", s.uniques, p.uniques);
    compareKeyed(out, name, "index", s.indexes, p.indexes);
    compareKeyed(out, name, "check", s.checks, p.checks);
    compareKeyed(out, name, "foreign key", s.foreignKeys, p.foreignKeys);
  }
  return out;
}
