// Upvotes through the real HTTP route under load: many signed-in members, idempotent up/undo posts.
import { encode } from "next-auth/jwt";
import { unlockedWriter, type DB } from "@/db";
import { users } from "@/db/schema";
import { postLoad, type LoadTarget, type PostLoad } from "./server";
import { one } from "@/db/query";

export const SESSION_COOKIE = "authjs.session-token";

/** A session cookie for a member, as the sign-in would issue it (same secret, same cookie name). */
export function sessionCookie(secret: string, userId: string): Promise<string> {
  return encode({ token: { uid: userId, sv: 0 }, secret, salt: SESSION_COOKIE });
}

/**
 * `n` members who joined a month ago, for voting. A fixture written straight through the write
 * connection (the benchmark prepares its databases before any server uses them).
 */
export async function makeVoters(db: DB, n: number): Promise<string[]> {
  const joined = new Date(Date.now() - 30 * 86_400_000);
  const writer = unlockedWriter(db);
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const username = `bench_voter_${i}`;
    ids.push((await one(writer.insert(users).values({ username, usernameKey: username, name: `Bench Voter ${i}`, createdAt: joined }).returning({ id: users.id }))).id);
  }
  return ids;
}

/**
 * 50 connections post votes for `seconds`: each member upvotes every review in turn, then takes
 * the upvotes back, and so on, so every request changes a count.
 */
export function loadVotes(server: LoadTarget, cookies: string[], reviewIds: number[], seconds = 10, connections = 50): Promise<PostLoad> {
  const perPass = cookies.length * reviewIds.length;
  return postLoad(
    server,
    "/api/votes",
    (i) => ({
      cookie: `${SESSION_COOKIE}=${cookies[i % cookies.length]}`,
      fields: {
        type: "review",
        id: String(reviewIds[Math.floor(i / cookies.length) % reviewIds.length]),
        value: Math.floor(i / perPass) % 2 === 0 ? "up" : "none",
        back: "/",
      },
    }),
    { seconds, connections },
  );
}
