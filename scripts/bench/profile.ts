// Where a write's time goes: the server's CPU profile (server/profiler.ts) taken while the load
// runs, each sample traced back through the build's source maps to the file it ran in, and summed
// by part (Next.js, Auth.js, Drizzle, SQLite, Marquee's own domains, …) per request.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";
import type { Server } from "./server";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

export type ProfileRow = { part: string; share: number; msPerRequest: number };
export type WriteProfile = { name: string; requests: number; busyMsPerRequest: number; parts: ProfileRow[]; files: ProfileRow[] };

/** Starts the server's profiler (server/profiler.ts: MARQUEE_CPU_PROFILE_DIR must be set for it). */
export function startProfiler(server: Server) {
  server.proc.kill("SIGUSR2");
}

/** Stops the server's profiler and returns the profile it wrote into `dir`. */
export async function stopProfiler(server: Server, dir: string): Promise<string> {
  const list = () => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile")) : []);
  const before = new Set(list());
  server.proc.kill("SIGUSR2");
  for (let i = 0; i < 600; i++) {
    const added = list().filter((f) => !before.has(f));
    if (added.length) return path.join(dir, added[0]!);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the server wrote no profile");
}

const maps = new Map<string, SourceMapConsumer | null>();

function mapFor(file: string): SourceMapConsumer | null {
  if (!maps.has(file)) {
    const map = `${file}.map`;
    maps.set(file, fs.existsSync(map) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(map, "utf8")) as RawSourceMap) : null);
  }
  return maps.get(file)!;
}

/** The original file a frame ran in: through the chunk's source map when there is one. */
function sourceOf(frame: CallFrame): string {
  if (!frame.url.startsWith("file://")) return frame.url;
  const file = fileURLToPath(frame.url);
  // A library's own files keep their path (their maps name sources like "server/base-server.ts").
  if (file.includes("/node_modules/")) return file;
  const map = mapFor(file);
  if (!map) return file;
  const pos = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
  return pos.source ?? file;
}

const PARTS: [RegExp, string][] = [
  [/node_modules\/(next-auth|@auth|jose|@panva|oauth4webapi|preact-render)/, "Auth.js and JWT"],
  [/node_modules\/drizzle-orm/, "Drizzle"],
  [/node_modules\/better-sqlite3/, "SQLite (better-sqlite3)"],
  [/node_modules\/(react|react-dom|scheduler)\//, "React"],
  [/node_modules\/zod/, "zod"],
  [/node_modules\/next\/|next\/dist|\.next\/server\/(chunks|app)\/.*\.js$|\[turbopack\]|turbopack/, "Next.js"],
  [/node_modules\//, "other libraries"],
  [/^\/.*\/server\/|^server\//, "Marquee: server (headers, nonce)"],
  [/(^|\/)lib\/(auth|http|forms)\//, "Marquee: sign-in, forms and requests"],
  [/(^|\/)lib\/(write|events|subscribers|context|db)\.ts|(^|\/)db\//, "Marquee: transaction and events"],
  [/(^|\/)lib\/cache\//, "Marquee: changes to tags"],
  [/(^|\/)lib\/([a-z-]+)\//, "Marquee: lib/$2"],
  [/(^|\/)(app|lib|components)\//, "Marquee: routes"],
  [/^node:|^internal\//, "Node.js (HTTP, streams, timers)"],
];

function partOf(source: string, frame: CallFrame): string {
  if (frame.functionName === "(garbage collector)") return "garbage collection";
  if (frame.functionName === "(program)") return "V8 and native code outside JavaScript";
  if (!source) return frame.functionName.startsWith("(") ? frame.functionName : `native: ${frame.functionName || "anonymous"}`;
  for (const [re, name] of PARTS) {
    const m = re.exec(source);
    if (m) return name.replace("$2", m[2] ?? "");
  }
  return "other";
}

/** Self time by part and by Marquee file, per request, from one profile taken over `requests` requests. */
export function summarizeProfile(name: string, file: string, requests: number): WriteProfile {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  // The profiler's own work (starting, and building the profile at the stop) is not the server's.
  const own = new Set<number>();
  const mark = (id: number) => {
    own.add(id);
    for (const c of byId.get(id)?.children ?? []) mark(c);
  };
  for (const n of profile.nodes) if (n.callFrame.url.endsWith("/server/profiler.ts") && !own.has(n.id)) mark(n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const parts = new Map<string, number>();
  const files = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)" || own.has(id)) continue;
    const source = sourceOf(frame);
    const part = partOf(source, frame);
    busy += us;
    parts.set(part, (parts.get(part) ?? 0) + us);
    if (part.startsWith("Marquee")) {
      const short = source.replace(/^.*?\b(server|lib|app|components|db)\//, "$1/");
      files.set(short, (files.get(short) ?? 0) + us);
    }
  }
  const rows = (m: Map<string, number>, limit: number): ProfileRow[] =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([part, us]) => ({ part, share: us / busy, msPerRequest: us / 1000 / requests }));
  return { name, requests, busyMsPerRequest: busy / 1000 / requests, parts: rows(parts, 14), files: rows(files, 10) };
}

/** The profile as Markdown: parts of the server's busy time, then the Marquee files that took most. */
export function profileLines(p: WriteProfile): string[] {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return [
    `**${p.name}**: ${p.requests.toLocaleString("en-US")} requests, ${p.busyMsPerRequest.toFixed(2)} ms of server CPU each (self time, idle left out).`,
    "",
    "| part | share | ms per request |",
    "| --- | ---: | ---: |",
    ...p.parts.map((r) => `| ${r.part} | ${pct(r.share)} | ${r.msPerRequest.toFixed(3)} |`),
    "",
    "| Marquee file | share | ms per request |",
    "| --- | ---: | ---: |",
    ...p.files.map((r) => `| \`${r.part}\` | ${pct(r.share)} | ${r.msPerRequest.toFixed(3)} |`),
    "",
  ];
}
