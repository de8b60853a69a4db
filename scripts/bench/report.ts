import type { WriteProfile } from "./profile";
// The benchmark's Markdown: the pages under load, the 200-comment review against its targets, and
// what a reader downloads. One column group per database measured (demo, and large unless skipped).
import path from "node:path";
import { CAP_TARGET_MS, type CapResult } from "./caps";
import type { PageWeight } from "./reader-js";
import type { Regeneration } from "./regeneration";
import type { LoadResult, PostLoad } from "./server";
import type { FreshCheck } from "./uncached";

/** Which rows of the pages table are the 200-comment review in its three ways of being served. */
type RowKey = "a" | "bPage" | "bJson" | "bView" | "c";

export type PageSpec = {
  name: string;
  url: string;
  signedIn?: boolean;
  /** A shared page served from the cache: large must stay within 1.5× of demo on it. */
  cached?: boolean;
  /** With `view`: each simulated view requests `url`, then this JSON route. */
  view?: string;
  /** Rendered on every request, past every cache (draft mode). */
  uncached?: boolean;
  key?: RowKey;
};

export type Measured = {
  label: string;
  specs: PageSpec[];
  pages: LoadResult[];
  votes: PostLoad;
  comments: PostLoad;
  coldMs: number;
  weight: PageWeight;
  fresh: FreshCheck;
  regeneration: Regeneration;
  drift: number | null;
  profiles: WriteProfile[];
};

export const TARGETS = {
  cachedCpuMs: 3,
  uncachedThroughput: 8,
  signedInViewCpuMs: 6,
  htmlKb: 250,
  readerJsKb: 120,
  largeOverDemo: 1.5,
  regenerationMs: 150,
  upvotesPerSecond: 500,
  upvoteP99Ms: 300,
  commentsPerSecond: 400,
};

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const mark = (ok: boolean) => (ok ? "✓" : "✗");
const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;

const byKey = (m: Measured, key: RowKey) => {
  const i = m.specs.findIndex((s) => s.key === key);
  if (i === -1) throw new Error(`no ${key} row measured`);
  return m.pages[i]!;
};

/** large/demo CPU per request on every cached page, worst first. */
function cachedRatios(demo: Measured, large: Measured) {
  return demo.specs
    .flatMap((s, i) => (s.cached ? [{ name: s.name, ratio: large.pages[i]!.cpuMsPerReq / demo.pages[i]!.cpuMsPerReq }] : []))
    .sort((a, b) => b.ratio - a.ratio);
}

/** Every page and write under load, one column group per database, then large/demo. */
export function pagesTable(runs: Measured[]): string[] {
  const groups = runs.map((r) => [`${r.label} req/s`, `${r.label} p50 / p99 ms`, `${r.label} errors`, `${r.label} CPU ms/req`, `${r.label} RSS MB`]);
  const pair = runs.length === 2;
  const head = [
    "page",
    ...groups.flat(),
    ...(pair ? ["ratio large/demo"] : []),
    `body kB ${runs.map((r) => r.label).join(" / ")}`,
  ];
  const lines = [row(head), row(head.map((_, i) => (i === 0 ? "---" : "---:")))];
  runs[0]!.pages.forEach((first, i) => {
    const xs = runs.map((r) => r.pages[i]!);
    lines.push(
      row([
        first.name,
        ...xs.flatMap((x) => [x.rps.toFixed(0), `${ms(x.p50)} / ${ms(x.p99)}`, x.errors + x.non2xx, x.cpuMsPerReq.toFixed(2), x.rssMb.toFixed(0)]),
        ...(pair ? [(xs[1]!.cpuMsPerReq / xs[0]!.cpuMsPerReq).toFixed(2)] : []),
        xs.map((x) => kb(x.bytes)).join(" / "),
      ]),
    );
  });
  const write = (name: string, pick: (m: Measured) => PostLoad) => {
    const xs = runs.map(pick);
    lines.push(
      row([
        name,
        ...xs.flatMap((x) => [x.rps.toFixed(0), `${x.p50} / ${x.p99}`, x.errors + x.non2xx, "–", "–"]),
        ...(pair ? [`${(xs[0]!.rps / xs[1]!.rps).toFixed(2)} (req/s demo/large)`] : []),
        "–",
      ]),
    );
  };
  write("upvote (POST /api/votes, 50 connections, up and undo)", (m) => m.votes);
  write("comment (POST /api/comments, 10 connections)", (m) => m.comments);
  return lines;
}

/** The 200-comment review against its targets: cached (a), signed in (b), uncached (c), after a write, and its weight. */
export function targetsTable(runs: Measured[]): string[] {
  const lines = [row(["measure", "target", ...runs.map((r) => r.label)]), row(["---", "---", ...runs.map(() => "---:")])];
  const add = (measure: string, target: string, cell: (m: Measured) => string) => lines.push(row([measure, target, ...runs.map(cell)]));
  const load = (x: LoadResult) => `${x.rps.toFixed(0)} · ${ms(x.p50)} / ${ms(x.p99)}`;
  add("(a) cached, signed out: server CPU ms per request", `≤ ${TARGETS.cachedCpuMs}`, (m) => `${byKey(m, "a").cpuMsPerReq.toFixed(2)} ${mark(byKey(m, "a").cpuMsPerReq <= TARGETS.cachedCpuMs)}`);
  add("(a) req/s · p50 / p99 ms", "–", (m) => load(byKey(m, "a")));
  add("(b) signed in: server CPU ms per view, measured in views; page + JSON, each measured alone", `≤ ${TARGETS.signedInViewCpuMs} per view`, (m) => {
    const [page, json, view] = [byKey(m, "bPage"), byKey(m, "bJson"), byKey(m, "bView")];
    return `${view.cpuMsPerReq.toFixed(2)} ${mark(view.cpuMsPerReq <= TARGETS.signedInViewCpuMs)}; ${page.cpuMsPerReq.toFixed(2)} + ${json.cpuMsPerReq.toFixed(2)} = ${(page.cpuMsPerReq + json.cpuMsPerReq).toFixed(2)}`;
  });
  add("(b) views/s · p50 / p99 ms per view (page and JSON, one after the other)", "–", (m) => load(byKey(m, "bView")));
  add("(c) uncached: server CPU ms per request (requests answered)", "–", (m) => `${byKey(m, "c").cpuMsPerReq.toFixed(2)} (${byKey(m, "c").requests})`);
  add("(c) req/s · p50 / p99 ms", "–", (m) => load(byKey(m, "c")));
  add("(c) every request rendered afresh from the database (check below)", "proven", (m) => (m.fresh.ok ? "✓ proven" : "✗ NOT proven"));
  add("throughput (c)/(a)", `≤ ${(1 / TARGETS.uncachedThroughput).toFixed(3)}: (a) ≥ ${TARGETS.uncachedThroughput}× (c)`, (m) => {
    const [a, c] = [byKey(m, "a"), byKey(m, "c")];
    if (!c.requests) return "– (no uncached request finished in the run: give it more --seconds)";
    const r = c.rps / a.rps;
    return `${r.toFixed(3)}: (a) = ${(1 / r).toFixed(1)}× (c) ${mark(m.fresh.ok && 1 / r >= TARGETS.uncachedThroughput)}`;
  });
  add("server CPU per request (c)/(a)", "–", (m) => (byKey(m, "c").requests ? `${(byKey(m, "c").cpuMsPerReq / byKey(m, "a").cpuMsPerReq).toFixed(1)}×` : "–"));
  add(`after an upvote, the first GET of the page: median / max wall ms (${runs[0]!.regeneration.runs} runs)`, `median < ${TARGETS.regenerationMs}`, (m) => {
    const r = m.regeneration;
    return `${ms(r.medianMs)} / ${ms(r.maxMs)} ${mark(r.medianMs < TARGETS.regenerationMs && r.stale === 0)}${r.stale ? ` (${r.stale} showed the old count)` : ""}`;
  });
  add("… its server CPU ms per render (mean)", "–", (m) => ms(m.regeneration.cpuMsPerRender));
  add("HTML of the page, uncompressed kB (of which inline RSC payload, `self.__next_f.push`)", `≤ ${TARGETS.htmlKb} kB`, (m) => {
    const w = m.weight;
    return `${kb(w.htmlBytes)} (${kb(w.payloadBytes)}, ${((100 * w.payloadBytes) / w.htmlBytes).toFixed(0)} %) ${mark(w.htmlBytes / 1024 <= TARGETS.htmlKb)}`;
  });
  add(
    "upvotes through POST /api/votes (50 connections), once every connection is open: req/s · p99 ms (over the whole run, connections opening included)",
    `≥ ${TARGETS.upvotesPerSecond} · < ${TARGETS.upvoteP99Ms}`,
    (m) => `${m.votes.open.rps.toFixed(0)} · ${m.votes.open.p99} (${m.votes.rps.toFixed(0)} · ${m.votes.p99}) ${mark(m.votes.open.rps >= TARGETS.upvotesPerSecond && m.votes.open.p99 < TARGETS.upvoteP99Ms && !m.votes.errors && !m.votes.non2xx)}`,
  );
  add(
    "comments through POST /api/comments (10 connections), once every connection is open: req/s (over the whole run)",
    `≥ ${TARGETS.commentsPerSecond}`,
    (m) => `${m.comments.open.rps.toFixed(0)} (${m.comments.rps.toFixed(0)}) ${mark(m.comments.open.rps >= TARGETS.commentsPerSecond && !m.comments.errors && !m.comments.non2xx)}`,
  );
  add("reader JavaScript, kB gzipped (`nomodule` not counted)", `≤ ${TARGETS.readerJsKb} kB`, (m) => `${m.weight.gzipKb.toFixed(1)} ${mark(m.weight.gzipKb <= TARGETS.readerJsKb)}`);
  if (runs.length === 2) {
    const ratios = cachedRatios(runs[0]!, runs[1]!);
    const over = ratios.filter((r) => r.ratio > TARGETS.largeOverDemo);
    const worst = ratios[0]!;
    const cell = over.length
      ? `✗ ${over.length} of ${ratios.length} over: ${over.map((r) => `${r.name} ${r.ratio.toFixed(2)}×`).join("; ")}`
      : `✓ all ${ratios.length}; worst ${worst.ratio.toFixed(2)}× (${worst.name})`;
    lines.push(row(["large/demo server CPU per request, cached pages", `≤ ${TARGETS.largeOverDemo}× on every one`, "–", cell]));
  }
  return lines;
}

/** Each script file a reader fetches for the page, gzipped, and the HTML itself. */
export function readerJsLines(runs: Measured[]): string[] {
  const files = [...new Set(runs.flatMap((r) => r.weight.files.map((f) => f.src)))];
  const lines = [row(["file", ...runs.map((r) => `${r.label} kB gzipped`)]), row(["---", ...runs.map(() => "---:")])];
  for (const src of files) lines.push(row([`\`${path.basename(src)}\``, ...runs.map((r) => ((r.weight.files.find((f) => f.src === src)?.gzipBytes ?? 0) / 1024).toFixed(1))]));
  lines.push(row([`**${runs.map((r) => `${r.weight.files.length}`).join(" / ")} files, JavaScript total**`, ...runs.map((r) => `**${r.weight.gzipKb.toFixed(1)}**`)]));
  lines.push(row(["the page's HTML", ...runs.map((r) => r.weight.htmlGzipKb.toFixed(1))]));
  const skipped = [...new Set(runs.flatMap((r) => r.weight.skipped))];
  if (skipped.length) lines.push("", `Not counted (\`nomodule\`: browsers that run modules never fetch it): ${skipped.map((s) => `\`${path.basename(s)}\``).join(", ")}.`);
  return lines;
}

/** Each capped field at ten times its cap: status and wall time against the 4xx-in-50-ms target. */
export function capsTable(results: CapResult[]): string[] {
  const ms = (n: number) => (n < 10 ? n.toFixed(1) : n.toFixed(0));
  return [
    `| field | cap | sent | route | status | median ms | max ms | answered as it should (4xx; 2xx at the cap) under ${CAP_TARGET_MS} ms |`,
    "| --- | --- | --- | --- | --- | ---: | ---: | --- |",
    ...results.map(
      (r) =>
        `| ${r.field} | ${r.cap} | ${r.sent} | \`${r.route}\` | ${r.status} | ${ms(r.medianMs)} | ${ms(r.maxMs)}${r.runs === 1 ? " (1 run)" : ""} | ${r.ok ? "yes" : "**no**"} |`,
    ),
  ];
}

/**
 * The same measures on both dialects, one column per database and dialect (SQLite's runs and
 * PostgreSQL's in the same order: demo, then large): each page's req/s and server CPU per
 * request, then the writes.
 */
export function dialectsTable(sqlite: Measured[], postgres: Measured[]): string[] {
  const cols = sqlite.flatMap((s, i) => (postgres[i] ? [{ name: `${s.label}: SQLite`, m: s }, { name: `${s.label}: PostgreSQL`, m: postgres[i]! }] : []));
  const lines = [row(["measure", ...cols.map((c) => c.name)]), row(["---", ...cols.map(() => "---:")])];
  sqlite[0]!.specs.forEach((spec, i) => {
    lines.push(row([`${spec.name}: req/s · server CPU ms per ${spec.view ? "view" : "request"}`, ...cols.map(({ m }) => `${m.pages[i]!.rps.toFixed(0)} · ${m.pages[i]!.cpuMsPerReq.toFixed(2)}`)]));
  });
  const write = (name: string, pick: (m: Measured) => PostLoad) =>
    lines.push(row([name, ...cols.map(({ m }) => `${pick(m).open.rps.toFixed(0)} · ${pick(m).open.p99} (${pick(m).rps.toFixed(0)} · ${pick(m).p99})${pick(m).errors + pick(m).non2xx ? `, ${pick(m).errors + pick(m).non2xx} failed` : ""}`)]));
  write("upvotes/s through POST /api/votes, 50 connections, once every connection is open: req/s · p99 ms (whole run)", (m) => m.votes);
  write("comments/s through POST /api/comments, 10 connections, once every connection is open: req/s · p99 ms (whole run)", (m) => m.comments);
  lines.push(row([`after an upvote, the first GET of the 200-comment review: median wall ms`, ...cols.map(({ m }) => ms(m.regeneration.medianMs))]));
  lines.push(row(["first (uncached) render of the 1,000-comment review over HTTP, ms", ...cols.map(({ m }) => ms(m.coldMs))]));
  return lines;
}
