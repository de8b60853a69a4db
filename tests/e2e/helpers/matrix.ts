import { createHash } from "node:crypto";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E_DATABASE_URL, E2E_ORIGIN, SESSION_COOKIE, withDb, type MemberE2E } from "../helpers";
import { CLOCK_TABLES } from "../../helpers/fuzz/snapshot";

// The permission matrix's machinery (RELIABILITY.md P2 and P3): one request per cell from a
// context of its own, the whole database fingerprinted before and after it, and each part of the
// matrix printed as a table. A refusal must leave every table as it was (row count and a hash of
// the rows); an allowed action must make its change, which the cell's `writes` checks.

export const BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36";
export const MISSING = 99_999_999;
// A 1×1 PNG: the smallest avatar upload the server accepts.
export const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
export const SUBREQUEST_HEADERS = ["middleware:middleware:middleware:middleware:middleware", "proxy:proxy:proxy:proxy:proxy"];

export const ACTORS = ["anonymous", "member", "author", "other member", "moderator", "admin", "suspended"] as const;
export type ActorName = (typeof ACTORS)[number];
export type Who = MemberE2E & { cookie: string };
export type Item = { id: number; slug: string };
export type Json = Record<string, unknown>;

// ── The database, before and after ──────────────────────────────────────────────────────────────

export type Fingerprint = Record<string, { rows: number; hash: string }>;

/** Every table (but what the server writes on a clock): its row count and a hash of its rows (in any order). */
export function fingerprint(): Fingerprint {
  return withDb((db) => {
    if (E2E_DATABASE_URL) {
      // On PostgreSQL, one statement for every table (each statement is a psql process here).
      const names = (db.prepare("select tablename from pg_tables where schemaname = 'public' order by tablename").pluck().all() as string[]).filter((n) => !CLOCK_TABLES.includes(n));
      const each = names.map((name) => `select '${name}' as name, count(*)::int as rows, coalesce(md5(string_agg(t::text, E'\\n' order by t::text)), '') as hash from "${name}" t`);
      const rows = db.prepare(each.join(" union all ")).all() as { name: string; rows: number; hash: string }[];
      return Object.fromEntries(rows.map((r) => [r.name, { rows: r.rows, hash: r.hash.slice(0, 16) }]));
    }
    const tables = (db.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).filter((t) => !CLOCK_TABLES.includes(t.name));
    const out: Fingerprint = {};
    for (const { name } of tables) {
      const rows = db.prepare(`select * from "${name}"`).raw().all();
      const lines = rows.map((r) => JSON.stringify(r)).sort();
      out[name] = { rows: rows.length, hash: createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 16) };
    }
    return out;
  });
}

export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.hash !== after[t]?.hash);
}

// ── Requests ─────────────────────────────────────────────────────────────────────────────────────

export type Answer = { status: number; location: string | null; json: Json | null; cookies: string[] };
export type Send = {
  method?: "GET" | "POST";
  who?: Who | null;
  /** The Origin header: this site unless told; "none" sends no Origin at all. */
  origin?: string;
  /** A plain form post (an HTML answer) instead of the client island's JSON. */
  html?: boolean;
  form?: Record<string, string>;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  data?: Json;
  headers?: Record<string, string>;
};

/** One request from a context of its own, so no cookie set by an earlier answer rides along. */
export async function call(path: string, opts: Send = {}): Promise<Answer> {
  const ctx = await playwrightRequest.newContext({ baseURL: E2E_ORIGIN });
  try {
    const headers: Record<string, string> = { accept: opts.html ? "text/html" : "application/json", ...opts.headers };
    if (opts.origin !== "none") headers.origin = opts.origin ?? E2E_ORIGIN;
    if (opts.who) headers.cookie = opts.who.cookie;
    const method = opts.method ?? "POST";
    // A button-only form (a delete) posts an empty form.
    const form = opts.form ?? (method === "POST" && !opts.multipart && !opts.data ? {} : undefined);
    const res = await ctx.fetch(path, { method, headers, form, multipart: opts.multipart, data: opts.data, maxRedirects: 0 });
    const text = await res.text();
    let json: Json | null = null;
    try {
      json = JSON.parse(text) as Json;
    } catch {
      json = null;
    }
    const cookies = res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
    return { status: res.status(), location: res.headers()["location"] ?? null, json, cookies };
  } finally {
    await ctx.dispose();
  }
}

/** A session cookie with a value (not the empty one that clears it). */
export const issuesSession = (a: Answer) => a.cookies.some((c) => new RegExp(`^${SESSION_COOKIE.replace(".", "\\.")}=[^;]+`).test(c));
export const redirectOf = (a: Answer) => String(a.json?.redirect ?? a.location ?? "");
export const slugOf = (a: Answer) => redirectOf(a).split("/")[2]?.split("?")[0] ?? "";

// ── Cells and the printed table ──────────────────────────────────────────────────────────────────

export type Cell = {
  route: string;
  actor: string;
  status: number;
  send: () => Promise<Answer>;
  /** Where a redirect must lead (a string is matched exactly). */
  location?: string | RegExp;
  /** An allowed write: checks the rows it made. Without it, every table must be unchanged. */
  writes?: (a: Answer, before: unknown) => void;
  before?: () => unknown;
  /** Tables a refusal touches by design: a sign-in attempt is counted before the password is checked (P4). */
  mayTouch?: string[];
};
export type Line = Cell | { route: string; actor: string; na: string };

export async function runMatrix(title: string, lines: Line[]) {
  const printed: string[][] = [];
  try {
    for (const line of lines) {
      if ("na" in line) {
        printed.push([line.route, line.actor, "—", "—", line.na, ""]);
        continue;
      }
      const cell = line;
      const label = `${cell.route} as ${cell.actor}`;
      const errorsBefore = test.info().errors.length;
      const prepared = cell.before?.();
      const before = fingerprint();
      const answer = await cell.send();
      const changed = changedTables(before, fingerprint());
      expect.soft(answer.status, `${label}: status`).toBe(cell.status);
      if (typeof cell.location === "string") expect.soft(answer.location, `${label}: redirect`).toBe(cell.location);
      else if (cell.location) expect.soft(answer.location ?? "", `${label}: redirect`).toMatch(cell.location);
      if (cell.writes) cell.writes(answer, prepared);
      else expect.soft(changed.filter((t) => !cell.mayTouch?.includes(t)), `${label}: tables changed`).toEqual([]);
      const ok = test.info().errors.length === errorsBefore;
      const rows = cell.writes ? `wrote: ${changed.join(", ") || "nothing"}` : changed.length ? `changed: ${changed.join(", ")}` : "unchanged";
      printed.push([cell.route, cell.actor, String(cell.status), String(answer.status), rows, ok ? "ok" : "FAIL"]);
    }
  } finally {
    printTable(title, printed);
  }
}

export function printTable(title: string, lines: string[][]) {
  const head = ["route", "actor", "want", "got", "rows", "verdict"];
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (l: string[]) => `| ${l.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  console.log([``, `${title}`, fmt(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(fmt)].join("\n"));
}

/** One line per actor: a cell, or why the actor does not apply. */
export function perActor(route: string, cells: Record<ActorName, Omit<Cell, "route" | "actor"> | string>): Line[] {
  return ACTORS.map((actor) => {
    const c = cells[actor];
    return typeof c === "string" ? { route, actor, na: c } : { route, actor, ...c };
  });
}

// ── Shared checks ────────────────────────────────────────────────────────────────────────────────

export type Extra = Partial<Pick<Cell, "location" | "before" | "mayTouch">>;
/** Refused: every table stays as it was. */
export const refused = (status: number, send: () => Promise<Answer>, extra: Extra = {}) => ({ status, send, ...extra });
/** Served, and writes nothing (a preview, a sign-out, an author reading their own review). */
export const noWrite = refused;
/** Served, and `writes` checks the rows it made. */
export const allowed = (status: number, send: () => Promise<Answer>, writes: NonNullable<Cell["writes"]>, extra: Extra = {}) => ({ status, send, writes, ...extra });
