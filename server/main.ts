// Starts Marquee's HTTP server: Next.js (built, or the development bundler) behind server/handler.ts.
// server/serve.ts and server/dev.ts call it; nothing else differs between the two.
import http from "node:http";
import path from "node:path";
import { parseTrustProxy } from "./client-address";
import { formActions, marqueeHandler } from "./handler";
import { profileOnSignal } from "./profiler";
import { hstsFor, loadPlaceholder } from "./security-headers";

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

  // Loaded only now: Next.js reads NODE_ENV when it loads, which the entry point has set.
  const { default: next } = await import("next");
  const server = http.createServer();
  // The development server also answers its bundler's websocket on this server (hot reload).
  const app = next({ dev, dir: root, hostname: host ?? "localhost", port, ...(dev ? { turbopack: true, httpServer: server } : {}) });
  const handle = app.getRequestHandler();
  await app.prepare();

  // The development bundler writes to .next/dev, the build to .next: each keeps its own placeholder.
  const placeholder = loadPlaceholder(path.join(root, ".next", ...(dev ? ["dev"] : [])));
  server.on("request", marqueeHandler(handle, { placeholder, formActions: formActions(process.env), hsts: hstsFor(process.env.AUTH_URL), trustedHops, dev }));
  // An idle kept-alive connection is closed by the server only after its clients (a reverse proxy
  // keeps them for 60 s) would have let it go: closing first races a request sent on it, which
  // then fails with a reset. Node's default is 5 s.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.listen(port, host, () => {
    console.log(`marquee: listening on ${host ?? "all interfaces"}, port ${port}`);
  });
  profileOnSignal(process.env.MARQUEE_CPU_PROFILE_DIR);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
  return server;
}

/** A server that cannot start says why once and exits non-zero. */
export function fail(err: unknown): never {
  console.error(err);
  process.exit(1);
}
