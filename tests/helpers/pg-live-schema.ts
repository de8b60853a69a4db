// What a live PostgreSQL database holds (tables, columns, keys, indexes, checks, foreign keys), read
// from its catalogs, and what db/schema-pg says it should hold (getTableConfig), in the same words,
// so that the two can be compared line by line.
import { is, SQL, type Column } from "drizzle-orm";
import { getTableConfig, PgDialect, type PgTable } from "drizzle-orm/pg-core";
import type pg from "pg";

/** Per table, one line per column, key, index, check and foreign key. */
export type SchemaShape = Record<string, string[]>;

const dialect = new PgDialect();
const list = (names: readonly string[]) => `(${names.join(", ")})`;
// pg_get_expr and Drizzle write the same condition differently: `"t"."c" is null` and `c IS NULL`.
const plainSql = (text: string, table: string) =>
  text.replaceAll(`"${table}".`, "").replaceAll('"', "").replaceAll("(", "").replaceAll(")", "").toLowerCase().trim();

const ON_DELETE: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

function columnLine(name: string, type: string, collation: string | null, notNull: boolean, identity: string | null, dflt: string | null) {
  return `column ${name}: ${type}${collation ? ` collate ${collation}` : ""}${notNull ? " not null" : ""}${identity ? ` generated ${identity} as identity` : ""}${dflt !== null ? ` default ${dflt}` : ""}`;
}

function expectedDefault(c: Column): string | null {
  if (c.default === undefined) return null;
  if (is(c.default, SQL)) return dialect.sqlToQuery(c.default).sql;
  if (typeof c.default === "string") return `'${c.default.replaceAll("'", "''")}'::text`;
  return String(c.default);
}

/** What db/schema-pg describes, table by table. */
export function expectedShape(tables: readonly PgTable[]): SchemaShape {
  const shape: SchemaShape = {};
  for (const table of tables) {
    const config = getTableConfig(table);
    const lines: string[] = [];
    for (const c of config.columns) {
      // Drizzle writes `text COLLATE "C"` and `timestamp (3) …`; PostgreSQL's format_type, `timestamp(3) …`.
      const sqlType = c.getSQLType();
      const at = sqlType.indexOf(' COLLATE "');
      const type = (at < 0 ? sqlType : sqlType.slice(0, at)).replace("timestamp (", "timestamp(");
      const collation = at < 0 ? null : sqlType.slice(at + ' COLLATE "'.length, -1);
      const identity = (c as unknown as { generatedIdentity?: { type: "always" | "byDefault" } }).generatedIdentity;
      lines.push(columnLine(c.name, type, collation, c.notNull, identity ? (identity.type === "always" ? "always" : "by default") : null, expectedDefault(c)));
    }
    const pk = config.columns.filter((c) => c.primary).map((c) => c.name);
    lines.push(`primary key ${list(pk.length > 0 ? pk : (config.primaryKeys[0]?.columns.map((c) => c.name) ?? []))}`);
    for (const u of config.uniqueConstraints) lines.push(`unique ${list(u.columns.map((c) => c.name))}`);
    for (const c of config.columns.filter((c) => c.isUnique)) lines.push(`unique ${list([c.name])}`);
    for (const { config: ix } of config.indexes) {
      const columns = ix.columns.map((c) => (is(c, SQL) ? plainSql(dialect.sqlToQuery(c).sql, config.name) : (c as { name: string }).name));
      const where = ix.where ? ` where ${plainSql(dialect.sqlToQuery(ix.where).sql, config.name)}` : "";
      lines.push(`index ${ix.name}: ${ix.unique ? "unique " : ""}${ix.method ?? "btree"} ${list(columns)}${where}`);
    }
    for (const check of config.checks) lines.push(`check ${check.name}`);
    for (const fk of config.foreignKeys) {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable).name;
      const cols = (cs: Column[]) => list(cs.map((c) => c.name));
      lines.push(`foreign key ${fk.getName()}: ${cols(ref.columns)} → ${target}${cols(ref.foreignColumns)} on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`);
    }
    shape[config.name] = lines.sort();
  }
  return shape;
}

type ColumnRow = { table: string; name: string; type: string; collation: string | null; nullable: string; identity: string | null; default: string | null };
type ConstraintRow = { table: string; name: string; kind: string; columns: string[]; target: string | null; target_columns: string[] | null; on_delete: string; on_update: string };
type IndexRow = { table: string; name: string; unique: boolean; method: string; columns: string[]; predicate: string | null };

/** What the database's `public` schema holds, from information_schema and the catalogs, table by table. */
export async function liveShape(client: pg.Pool | pg.Client): Promise<SchemaShape> {
  const tables = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const columns = await client.query<ColumnRow>(`
    select c.table_name as table, c.column_name as name, format_type(a.atttypid, a.atttypmod) as type,
           c.collation_name as collation, c.is_nullable as nullable,
           case when c.is_identity = 'YES' then lower(c.identity_generation) end as identity, c.column_default as default
    from information_schema.columns c
    join pg_attribute a on a.attrelid = format('%I.%I', c.table_schema, c.table_name)::regclass and a.attname = c.column_name
    where c.table_schema = 'public'`);
  const constraints = await client.query<ConstraintRow>(`
    select t.relname::text as table, con.conname::text as name, con.contype::text as kind,
           array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
                 join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
           f.relname::text as target,
           array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
                 join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as target_columns,
           con.confdeltype::text as on_delete, con.confupdtype::text as on_update
    from pg_constraint con
    join pg_class t on t.oid = con.conrelid
    join pg_namespace n on n.oid = t.relnamespace
    left join pg_class f on f.oid = con.confrelid
    where n.nspname = 'public'`);
  // Indexes a constraint owns (primary keys, unique constraints) are listed as those constraints.
  const indexes = await client.query<IndexRow>(`
    select t.relname::text as table, i.relname::text as name, x.indisunique as unique, am.amname::text as method,
           array(select pg_get_indexdef(x.indexrelid, k, true) from generate_series(1, x.indnkeyatts) k order by k) as columns,
           pg_get_expr(x.indpred, x.indrelid, true) as predicate
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    join pg_am am on am.oid = i.relam
    where n.nspname = 'public'
      and not exists (select 1 from pg_constraint c where c.conrelid = x.indrelid and c.conindid = x.indexrelid and c.contype in ('p', 'u', 'x'))`);

  const shape: SchemaShape = Object.fromEntries(tables.rows.map((t) => [t.name, [] as string[]]));
  const add = (table: string, line: string) => (shape[table] ??= []).push(line);
  for (const c of columns.rows) add(c.table, columnLine(c.name, c.type, c.collation, c.nullable === "NO", c.identity, c.default));
  for (const c of constraints.rows) {
    if (c.kind === "p") add(c.table, `primary key ${list(c.columns)}`);
    else if (c.kind === "u") add(c.table, `unique ${list(c.columns)}`);
    else if (c.kind === "c") add(c.table, `check ${c.name}`);
    else if (c.kind === "f") {
      const del = ON_DELETE[c.on_delete] ?? c.on_delete;
      const upd = ON_DELETE[c.on_update] ?? c.on_update;
      add(c.table, `foreign key ${c.name}: ${list(c.columns)} → ${c.target}${list(c.target_columns ?? [])} on delete ${del} on update ${upd}`);
    } else add(c.table, `constraint ${c.name} of kind ${c.kind}`);
  }
  for (const ix of indexes.rows) {
    const where = ix.predicate ? ` where ${plainSql(ix.predicate, ix.table)}` : "";
    add(ix.table, `index ${ix.name}: ${ix.unique ? "unique " : ""}${ix.method} ${list(ix.columns.map((c) => plainSql(c, ix.table)))}${where}`);
  }
  for (const lines of Object.values(shape)) lines.sort();
  return shape;
}

/** Every line in one shape and not the other, naming the table and the side it is on. Empty when equal. */
export function shapeDifferences(expected: SchemaShape, live: SchemaShape): string[] {
  const out: string[] = [];
  for (const table of Object.keys(expected)) if (!(table in live)) out.push(`table ${table}: only in the schema`);
  for (const table of Object.keys(live)) if (!(table in expected)) out.push(`table ${table}: only in the database`);
  for (const [table, lines] of Object.entries(expected)) {
    const other = live[table];
    if (!other) continue;
    for (const line of lines) if (!other.includes(line)) out.push(`${table}: ${line}: only in the schema`);
    for (const line of other) if (!lines.includes(line)) out.push(`${table}: ${line}: only in the database`);
  }
  return out;
}
