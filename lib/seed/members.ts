import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { DB } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { makeCtx } from "@/lib/context";
import { getEnv } from "@/lib/env";
import { usernameKey } from "@/lib/users/username";
import { write } from "@/lib/write";
import { DEMO_USERS } from "./content/members";
import { DAY } from "./duration";
import { first, one } from "@/db/query";

export { DEMO_USERS };

/**
 * The demo members' password: DEMO_PASSWORD when configured (tests fix it), else a new random one
 * for this database, which the first start prints once (demoPasswordNotice) and nothing keeps.
 * No install shares a password anyone else could know.
 */
export function demoPassword(): { password: string; generated: boolean } {
  const configured = getEnv().DEMO_PASSWORD;
  if (configured) return { password: configured, generated: false };
  return { password: randomBytes(12).toString("base64url"), generated: true };
}

/** The log line that tells the operator how the demo members sign in (the README points to it). */
export function demoPasswordNotice(seeded: { password: string; generated: boolean }): string {
  return seeded.generated
    ? `demo members (an admin: ${DEMO_USERS.find((u) => u.role === "admin")?.username}) sign in with the password ${seeded.password} — shown only this once; set DEMO_PASSWORD to choose it, or SEED_DEMO=false for a real site.`
    : "demo members sign in with the DEMO_PASSWORD set in the environment.";
}

/** The demo members, each with the demo password, joined the given number of days before `now`. */
export async function seedDemo(db: DB, now = Date.now(), opts: { onlyIfEmpty?: boolean } = {}) {
  const { password, generated } = demoPassword();
  // Hashed before the write (nothing but database work holds the write lock), as many at once as
  // the password hashing line runs (lib/auth/password.ts), which may be shorter than the list.
  const hashes: string[] = [];
  const batch = getEnv().PASSWORD_HASH_CONCURRENCY;
  for (let i = 0; i < DEMO_USERS.length; i += batch) {
    hashes.push(...(await Promise.all(DEMO_USERS.slice(i, i + batch).map(() => hashPassword(password)))));
  }
  const seeded = await write(makeCtx(db, { now: new Date(now) }), async (w) => {
    // Checked inside the write lock, so two starts at once seed once.
    if (opts.onlyIfEmpty && ((await first(w.tx.select({ n: sql<number>`count(*)` }).from(users)))?.n ?? 0) > 0) return { seeded: false as const };
    for (const [i, u] of DEMO_USERS.entries()) {
      const row = await one(w.tx
        .insert(users)
        .values({
          username: u.username,
          usernameKey: usernameKey(u.username),
          name: u.name,
          email: `${u.username.replace(/_/g, ".")}@demo.marquee.test`,
          passwordHash: hashes[i]!,
          bio: u.bio,
          role: u.role ?? "member",
          createdAt: new Date(now - u.joinedDaysAgo * DAY),
        })
        .returning({ id: users.id }));
      w.changes.members.add(row.id);
    }
    w.changes.directory = true;
    return { seeded: true as const };
  });
  return seeded.seeded ? { users: DEMO_USERS.length, password, generated } : null;
}
