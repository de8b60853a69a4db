// What /proc says about a server's processes: which they are (a primary and its workers, the
// helpers they started, a proxy in front), and the CPU and memory each uses.
import fs from "node:fs";
import path from "node:path";

const TICKS = 100; // USER_HZ on Linux

/** A file of /proc, or "" once its process is gone. */
const readOr = (file: string) => {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
};

/**
 * A process a load is charged to: an app server's own (its only one, a primary or a worker), a
 * helper it started (tsx's esbuild), or a proxy's in front of it.
 */
export type ServerProcess = { pid: number; role: string; kind: "app" | "helper" | "proxy" };

/**
 * The processes holding a listening TCP socket on `port` (a proxy's master and workers, however it
 * was started), named by their command line ("nginx: worker process" → "nginx worker").
 */
export function processesListeningOn(port: number): ServerProcess[] {
  const sockets = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      // sl, local address (hex ip:port), remote address, state (0A: listening), …, inode (the tenth).
      const f = line.trim().split(/\s+/);
      if (f[3] === "0A" && parseInt(f[1]?.split(":")[1] ?? "", 16) === port) sockets.add(`socket:[${f[9]}]`);
    }
  }
  const found: ServerProcess[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    const holds = fds.some((fd) => {
      try {
        return sockets.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    const command = readOr(`/proc/${entry}/cmdline`).replaceAll("\0", " ").trim();
    const named = /^(\w+): (\w+) process/.exec(command);
    found.push({ pid: Number(entry), role: named ? `${named[1]} ${named[2]}` : path.basename(command.split(" ")[0] ?? entry), kind: "proxy" });
  }
  return found.sort((a, b) => a.pid - b.pid);
}

export const isAlive = (pid: number) => fs.existsSync(`/proc/${pid}`);

/** Every process below `pid` (children, their children, …), in pid order. */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const parent = statFields(Number(entry))?.[1];
    if (parent === undefined) continue;
    children.set(Number(parent), [...(children.get(Number(parent)) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length; ) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found.sort((a, b) => a - b);
}

const exeOf = (pid: number) => {
  try {
    return fs.readlinkSync(`/proc/${pid}/exe`);
  } catch {
    return null;
  }
};

/**
 * The server's processes: the one it started as, or a cluster's primary and its workers (Node
 * processes below it); any other process below it is a helper (tsx's esbuild, when it compiles).
 */
export function processesOf(pid: number): ServerProcess[] {
  const node = exeOf(pid);
  const below = descendants(pid).map((p) => ({ pid: p, exe: exeOf(p) }));
  const workers = below.filter((p) => p.exe === node);
  return [
    { pid, role: workers.length ? "primary" : "process", kind: "app" },
    ...workers.map((w, i) => ({ pid: w.pid, role: `worker ${i + 1}`, kind: "app" as const })),
    ...below.filter((p) => p.exe !== node).map((p) => ({ pid: p.pid, role: path.basename(p.exe ?? "helper"), kind: "helper" as const })),
  ];
}

/** /proc/<pid>/stat after the command's name (state, ppid, …), or null once the process is gone. */
function statFields(pid: number, thread?: number): string[] | null {
  const stat = readOr(thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`);
  return stat ? stat.slice(stat.lastIndexOf(")") + 2).split(" ") : null;
}

function cpuTicks(pid: number, thread?: number): number {
  const fields = statFields(pid, thread);
  return fields ? Number(fields[11]) + Number(fields[12]) : 0; // utime + stime
}

/** CPU time a process (or one of its threads) has used so far, in ms: user + system, 10 ms steps; 0 once it is gone. */
export const cpuMs = (pid: number, thread?: number) => (cpuTicks(pid, thread) / TICKS) * 1000;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readOr(`/proc/${pid}/status`))?.[1] ?? 0) / 1024;

/** One process's share of a load: its CPU over the load (ms) and its resident memory at the end (MB). */
export type ProcessFigure = { role: string; kind: ServerProcess["kind"]; cpuMs: number; rssMb: number };

/**
 * Starts counting the CPU of the processes `list` names (user + system, 10 ms steps); the function
 * it returns ends the count: each process's CPU and memory, the CPU of all but the proxy's summed
 * (`appCpuMs`) and the memory of the app's own processes summed (`appRssMb`). `list` is read again
 * at the end: a process that started meanwhile counts from zero, one that ended meanwhile is lost.
 */
export function meter(list: () => ServerProcess[]): () => { appCpuMs: number; appRssMb: number; processes: ProcessFigure[] } {
  const before = new Map(list().map((p) => [p.pid, cpuMs(p.pid)]));
  return () => {
    const processes = list().map((p) => ({
      role: p.role,
      kind: p.kind,
      cpuMs: cpuMs(p.pid) - (before.get(p.pid) ?? 0),
      rssMb: rssMb(p.pid),
    }));
    const cpu = processes.filter((p) => p.kind !== "proxy").reduce((sum, p) => sum + p.cpuMs, 0);
    const rss = processes.filter((p) => p.kind === "app").reduce((sum, p) => sum + p.rssMb, 0);
    return { appCpuMs: cpu, appRssMb: rss, processes };
  };
}
