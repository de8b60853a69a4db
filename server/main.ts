// Starts Marquee's HTTP server: Next.js (built, or the development bundler) behind server/handler.ts.
// server/serve.ts and server/dev.ts call it; nothing else differs between the two.
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { getEnv } from "../lib/env";
import { SELF_ORIGIN } from "../lib/forms/self";
import { parseTrustProxy } from "./client-address";
import { formActions, marqueeHandler } from "./handler";
import { profileOnSignal } from "./profiler";
import { hstsFor, loadPlaceholder } from "./security-headers";
import { duringRequest, shareTags } from "./shared-tags";

// How long a stopping server waits for the requests it is answering before it cuts them off.
const DRAIN_MS = 30_000;

export async function startMarquee({ root, dev }: { root: string; dev: boolean }): Promise<http.Server> {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.HOST || undefined;
  let trustedHops: number;
  try {
    trustedHops = parseTrustProxy(process.env.TRUST_PROXY);
  } catch (err) {
    console.error(`marquee: ${(err as Error).message}`);
    process.exit(1);
  }

  // Before Next.js loads: its cache handlers find the sync when they are made.
  const shared = shareTags(getEnv().database, root);
  // Loaded only now: Next.js reads NODE_ENV when it loads, which the entry point has set.
  const { default: next } = await import("next");
  const server = http.createServer();
  // This process's own door, on loopback: a refused form's page is rendered again by the process
  // that holds the form's state (lib/forms/route.ts), whichever process the port gave the post to.
  const own = http.createServer();
  // The development server also answers its bundler's websocket on this server (hot reload).
  const app = next({ dev, dir: root, hostname: host ?? "localhost", port, ...(dev ? { turbopack: true, httpServer: server } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The development bundler writes to .next/dev, the build to .next: each keeps its own placeholder.
  const placeholder = loadPlaceholder(path.join(root, ".next", ...(dev ? ["dev"] : [])));
  const listener = marqueeHandler((req, res) => duringRequest(() => handle(req, res)), { placeholder, formActions: formActions(process.env), hsts: hstsFor(process.env.AUTH_URL), trustedHops, dev });
  server.on("request", listener);
  own.on("request", listener);
  await new Promise<void>((resolve) => own.listen({ port: 0, host: "127.0.0.1", exclusive: true }, resolve));
  (globalThis as Record<symbol, unknown>)[SELF_ORIGIN] = `http://127.0.0.1:${(own.address() as AddressInfo).port}`;
  // An idle kept-alive connection is closed by the server only after its clients (a reverse proxy
  // keeps them for 60 s) would have let it go: closing first races a request sent on it, which
  // then fails with a reset. Node's default is 5 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, host, () => {
    console.log(`marquee: listening on ${host ?? "all interfaces"}, port ${port}`);
  });
  profileOnSignal(process.env.MARQUEE_CPU_PROFILE_DIR);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void drain([server, own], shared.close));
  return server;
}

let draining = false;

/**
 * Stops taking connections, lets every request already received finish (closing each kept-alive
 * connection once it is idle), then exits 0; after DRAIN_MS, whatever is left is cut off.
 */
async function drain(servers: http.Server[], done: () => Promise<void>) {
  if (draining) return;
  draining = true;
  console.log(`marquee: stopping: no new connections; finishing the requests in progress (process ${process.pid}).`);
  const closed = servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve())));
  const idle = setInterval(() => servers.forEach((s) => s.closeIdleConnections()), 50);
  const cut = setTimeout(() => servers.forEach((s) => s.closeAllConnections()), DRAIN_MS);
  servers.forEach((s) => s.closeIdleConnections());
  await Promise.all(closed);
  clearInterval(idle);
  clearTimeout(cut);
  await done().catch(() => undefined);
  process.exit(0);
}

/** A server that cannot start says why once and exits non-zero. */
export function fail(err: unknown): never {
  console.error(err);
  process.exit(1);
}
