import http from "node:http";
import { expect } from "@playwright/test";
import { E2E_ORIGIN } from "../helpers";
import { E2E_WORKERS } from "../server-env";

// The e2e server runs several processes on one port, each with its own cache of rendered pages;
// the port hands each new connection to the next process in turn. A request on a connection of its
// own therefore reaches the next process, where a kept-alive connection stays with one.

export type Fresh = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on a connection of its own (never a kept-alive one). */
export function fresh(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Fresh> {
  const target = new URL(url, E2E_ORIGIN.replace("localhost", "127.0.0.1"));
  return new Promise((resolve, reject) => {
    const req = http.request(target, { method: opts.method ?? "GET", headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(opts.body);
  });
}

/**
 * A shared page in every process's cache: requested on fresh connections until as many in a row as
 * two rounds of the processes are answered from the cache (`x-nextjs-cache: HIT`).
 */
export async function cachedEverywhere(url: string): Promise<void> {
  let hits = 0;
  for (let i = 0; i < 12 * E2E_WORKERS && hits < 2 * E2E_WORKERS; i++) {
    const res = await fresh(url);
    expect(res.status, url).toBe(200);
    hits = res.headers["x-nextjs-cache"] === "HIT" ? hits + 1 : 0;
  }
  expect(hits, `${url} is served from the cache by every process`).toBe(2 * E2E_WORKERS);
}
