// Upvotes through the real HTTP route under load: many signed-in members, idempotent up/undo posts.
import { encode } from "next-auth/jwt";
import autocannon from "autocannon";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import type { Server } from "./server";

export const SESSION_COOKIE = "authjs.session-token";

/** A session cookie for a member, as the sign-in would issue it (same secret, same cookie name). */
export function sessionCookie(secret: string, userId: string): Promise<string> {
  return encode({ token: { uid: userId, sv: 0 }, secret, salt: SESSION_COOKIE });
}

/** `n` members who joined a month ago, for voting. */
export function makeVoters(db: DB, n: number): string[] {
  const joined = new Date(Date.now() - 30 * 86_400_000);
  return Array.from({ length: n }, (_, i) => {
    const username = `bench_voter_${i}`;
    return db.insert(users).values({ username, usernameKey: username, name: `Bench Voter ${i}`, createdAt: joined }).returning({ id: users.id }).get().id;
  });
}

export type VoteLoad = { votes: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

/**
 * 50 connections post votes for `seconds`: each member upvotes every review in turn, then takes
 * the upvotes back, and so on, so every request changes a count.
 */
export async function loadVotes(server: Server, cookies: string[], reviewIds: number[], seconds = 10, connections = 50): Promise<VoteLoad> {
  let k = 0;
  const perPass = cookies.length * reviewIds.length;
  const res = await autocannon({
    url: `${server.base}/api/votes`,
    duration: seconds,
    connections,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const i = k++;
          const user = i % cookies.length;
          const review = Math.floor(i / cookies.length) % reviewIds.length;
          const value = Math.floor(i / perPass) % 2 === 0 ? "up" : "none";
          return {
            ...req,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              accept: "application/json",
              origin: server.base,
              cookie: `${SESSION_COOKIE}=${cookies[user]}`,
            },
            body: `type=review&id=${reviewIds[review]}&value=${value}&back=%2F`,
          };
        },
      },
    ],
  });
  return { votes: res.requests.total, rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, errors: res.errors + res.timeouts, non2xx: res.non2xx };
}
