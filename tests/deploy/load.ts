import { performance } from "node:perf_hooks";
import { upstreamsOf, type Site } from "./site";

// Clients that keep a site busy through nginx, recording every request: when it started and
// ended (performance.now() ms), what came back, and which app servers nginx tried for it.

export type Outcome = {
  what: string;
  started: number;
  ended: number;
  status: number | null;
  ok: boolean;
  /** `$upstream_addr`: the servers nginx tried, in order; empty when nginx answered alone. */
  upstreams: string[];
  error?: string;
};

/** Records outcomes and lets a journey wait for a state of them ("10 writes acknowledged by A"). */
export class Recorder<T extends Outcome = Outcome> {
  readonly outcomes: T[] = [];
  private waiters: { test: (all: T[]) => boolean; resolve: () => void }[] = [];

  add(outcome: T) {
    this.outcomes.push(outcome);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(this.outcomes)) return true;
      w.resolve();
      return false;
    });
  }

  /** Resolves once `test` holds over the outcomes so far; rejects after `timeoutMs` saying what was awaited. */
  until(what: string, test: (all: T[]) => boolean, timeoutMs = 60_000): Promise<void> {
    if (test(this.outcomes)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs / 1000} s for ${what}; ${this.outcomes.length} requests so far`)), timeoutMs);
      this.waiters.push({
        test,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }
}

/** Runs `step` over and over on each of `n` clients until `stop()` is called; resolves when all have finished. */
export function clients(n: number, step: (client: number, round: number) => Promise<void>) {
  let stopped = false;
  const loops = Array.from({ length: n }, async (_, client) => {
    for (let round = 0; !stopped; round++) await step(client, round);
  });
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

/** A GET through nginx, body read to its end (an answer cut short is a failure). */
export async function get(site: Site, path: string): Promise<Outcome> {
  const started = performance.now();
  try {
    const res = await fetch(`${site.origin}${path}`, { redirect: "manual", headers: { accept: "text/html,*/*", "accept-encoding": "gzip" } });
    await res.arrayBuffer();
    return { what: `GET ${path}`, started, ended: performance.now(), status: res.status, ok: res.status === 200, upstreams: upstreamsOf(res.headers) };
  } catch (err) {
    return { what: `GET ${path}`, started, ended: performance.now(), status: null, ok: false, upstreams: [], error: String((err as Error).cause ?? err) };
  }
}

/**
 * A form posted through nginx by a signed-in member from a page of the site. `json`: as the page's
 * script sends it (success is 200 with `ok: true`); otherwise as a plain form (success is a 303
 * that does not lead to the sign-in page).
 */
export async function post(site: Site, path: string, cookie: string, fields: Record<string, string>, json: boolean): Promise<Outcome & { data?: Record<string, unknown> }> {
  const started = performance.now();
  const what = `POST ${path} (${json ? "JSON" : "plain form"})`;
  try {
    const res = await fetch(`${site.origin}${path}`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, origin: site.origin, referer: `${site.origin}/`, accept: json ? "application/json" : "text/html", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
    const text = await res.text();
    const upstreams = upstreamsOf(res.headers);
    let ok: boolean;
    let data: Record<string, unknown> | undefined;
    if (json) {
      const state = res.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as { ok?: boolean; data?: Record<string, unknown> }) : null;
      ok = res.status === 200 && state?.ok === true;
      data = state?.data;
    } else ok = res.status === 303 && !(res.headers.get("location") ?? "").startsWith("/signin");
    return { what, started, ended: performance.now(), status: res.status, ok, upstreams, data, ...(ok ? {} : { error: text.slice(0, 200) }) };
  } catch (err) {
    return { what, started, ended: performance.now(), status: null, ok: false, upstreams: [], error: String((err as Error).cause ?? err) };
  }
}

/** "12 by A, 30 by B, 2 retried": where the answers came from. */
export function tally(outcomes: Outcome[], names: Record<string, string>): string {
  const by = new Map<string, number>();
  for (const o of outcomes) {
    const last = o.upstreams.at(-1);
    const key = last ? (names[last] ?? last) : "nginx alone";
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  const retried = outcomes.filter((o) => o.upstreams.length > 1).length;
  return [...[...by].map(([k, n]) => `${n} answered by ${k}`), `${retried} passed on to the other server`].join(", ");
}
