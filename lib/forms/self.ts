// Where this process answers on loopback by itself (server/main.ts opens it): with several
// processes on one port, a request to that port may reach another one.
export const SELF_ORIGIN = Symbol.for("marquee.self-origin");

/** This process's own loopback origin; outside the server (tests), none. */
export function selfOrigin(): string | undefined {
  return (globalThis as Record<symbol, unknown>)[SELF_ORIGIN] as string | undefined;
}
