// `npm run db:copy -- --to postgres://…` (or `--from … --to …`, either way round): copies the whole
// site into an empty database of the other dialect (db/copy.ts), showing progress, then checks the
// copy: every table's rows counted on both sides, and a recount on the copy that must find nothing
// to correct, and a sample of pages that must render the same bytes from both (db-copy-pages.ts;
// --no-pages skips it). The source defaults to this site's database (DATABASE_URL, else DATABASE_PATH).
// Stop the server first: a copy taken while members write misses what they write meanwhile.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { copyDatabase, CopyError, type CopyProgress } from "@/db/copy";
import { isPostgresUrl } from "@/db/dialect";
import { comparePages } from "./db-copy-pages";
import { getEnv } from "@/lib/env";

const USAGE = "usage: npm run db:copy -- [--from <sqlite file | postgres://…>] --to <postgres://… | sqlite file> [--batch 5000] [--no-pages]";

const nf = (n: number) => n.toLocaleString("en-US");
const redact = (endpoint: string) => (isPostgresUrl(endpoint) ? endpoint.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@") : path.resolve(endpoint));

function progressLine(p: CopyProgress) {
  const width = 30;
  const share = p.total ? p.done / p.total : 1;
  const bar = "#".repeat(Math.round(share * width)).padEnd(width, ".");
  process.stderr.write(`\r  ${p.table.padEnd(20)} [${bar}] ${nf(p.done)} / ${nf(p.total)}`);
  if (p.done === p.total) process.stderr.write("\n");
}

/** The recount on the copy, in a process of the copy's dialect: the counters must already be exact. */
function recountCopy(to: string): { exact: boolean; said: string } {
  const env = { ...process.env, DATABASE_URL: isPostgresUrl(to) ? to : "", DATABASE_PATH: isPostgresUrl(to) ? (process.env.DATABASE_PATH ?? "") : path.resolve(to) };
  const res = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "recount.ts")], { env, encoding: "utf8" });
  const said = `${res.stdout}${res.stderr}`.trim();
  return { exact: res.status === 0 && said.includes("every counter was already exact"), said };
}

async function main() {
  const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, batch: { type: "string" }, "no-pages": { type: "boolean" } } });
  if (!values.to) {
    console.error(USAGE);
    process.exit(2);
  }
  const from = values.from ?? getEnv().database;
  const batch = values.batch ? Number(values.batch) : undefined;
  if (batch !== undefined && !(Number.isInteger(batch) && batch > 0)) {
    console.error(`--batch must be a positive whole number.\n${USAGE}`);
    process.exit(2);
  }
  console.log(`Copying ${redact(from)} → ${redact(values.to)} (one transaction: if it stops, the copy is left empty; run it again).`);
  const report = await copyDatabase(from, values.to, { batch, onProgress: progressLine });
  console.log(`Copied ${nf(report.rows)} rows in ${(report.ms / 1000).toFixed(1)} s; every table holds as many rows on both sides.`);
  const recount = recountCopy(values.to);
  if (!recount.exact) {
    console.error(`The recount on the copy did not come out exact:\n${recount.said}`);
    process.exit(1);
  }
  console.log("A recount on the copy found nothing to correct.");
  if (values["no-pages"]) return;
  console.log("Serving both databases to compare a sample of pages…");
  const pages = await comparePages(from, values.to);
  if (pages.differ.length) {
    console.error(`${pages.differ.length} of ${pages.urls.length} pages differ between the source and the copy:`);
    for (const d of pages.differ) console.error(`  ${d.url}: ${d.detail}`);
    process.exit(1);
  }
  console.log(`${pages.urls.length} pages (${nf(pages.bytes)} bytes) render the same bytes from both: ${pages.urls.join(" ")}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof CopyError ? err.message : err);
  process.exit(1);
});
