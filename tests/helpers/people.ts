import sharp from "sharp";
import type { DB } from "@/db";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/permissions";
import { signUp } from "@/lib/users/sign-up";
import { ctxAs, fixtureWriter } from "./db";
import { DAY, T0, makeUser } from "./reviews";
import { sqlAll, sqlGet, sqlRun, sqlValue } from "@/tests/helpers/sql";
export { rows, snapshot } from "./db";

// Shared fixtures for the people-domain tests: notices, newcomers, settings, avatars, deletion.

/** A password good enough for NewPassword (10+ characters, not a common one). */
export const PASSWORD = "zither-over-vienna-1949";

/** A member with a password (hashed at the tests' cheap SCRYPT_COST). */
export async function makePasswordUser(db: DB, username: string, password = PASSWORD, role: Actor["role"] = "member"): Promise<Actor> {
  const actor = await makeUser(db, username, role);
  await sqlRun(fixtureWriter(db), `update users set password_hash = ? where id = ?`, await hashPassword(password), actor.id);
  return actor;
}

/** Sets an account's creation time to `ageDays` before `from` (makeUser's rows are created "now"). */
export async function ageAccount(db: DB, actor: Actor, ageDays: number, from = T0) {
  await sqlRun(fixtureWriter(db), `update users set created_at = ? where id = ?`, new Date(from.getTime() - ageDays * DAY), actor.id);
}

/** One users row as SQLite holds it. */
export async function userRow(db: DB, id: string): Promise<Record<string, unknown> | undefined> {
  return (await sqlGet(db, `select * from users where id = ?`, id)) as Record<string, unknown> | undefined;
}

/** A member's contributions and "New" marker as stored. */
export async function standing(db: DB, actor: Actor) {
  return (await sqlGet(db, `select review_count as reviews, comment_count as comments, is_new as isNew from users where id = ?`, actor.id)) as
    | { reviews: number; comments: number; isNew: number }
    | undefined;
}

export type NoticeSwitch = "review_replies" | "comment_replies" | "mentions" | "milestones" | "badges";

/** Turns notice kinds on or off directly in the row (settings' own verb is tested on its own). */
export async function setSwitches(db: DB, actor: Actor, switches: Partial<Record<NoticeSwitch, boolean>>) {
  for (const [key, on] of Object.entries(switches)) {
    await sqlRun(fixtureWriter(db), `update users set notify_${key} = ? where id = ?`, on, actor.id);
  }
}

/**
 * Every notice as `[recipient, kind, actor, review, comment, target, amount]`, usernames for people
 * (null for none), in id order: compare with the notices a scenario should have written.
 */
export async function noticeList(db: DB): Promise<[string, string, string | null, number | null, number | null, string | null, number | null][]> {
  return (
    (await sqlAll(db, `select r.username as recipient, n.kind, a.username as actor, n.post_id as review, n.comment_id as comment, n.target, n.amount
         from notifications n join users r on r.id = n.recipient_id left join users a on a.id = n.actor_id order by n.id`)) as { recipient: string; kind: string; actor: string | null; review: number | null; comment: number | null; target: string | null; amount: number | null }[]
  ).map((n) => [n.recipient, n.kind, n.actor, n.review, n.comment, n.target, n.amount]);
}

/** Sets an item's stored upvote count (and its author's total to match), to reach a high milestone without a crowd. */
export async function presetUpvotes(db: DB, type: "review" | "comment", id: number, count: number) {
  const table = type === "review" ? "posts" : "comments";
  const w = fixtureWriter(db);
  const author = (await sqlValue(db, `select author_id from ${table} where id = ?`, id)) as string | null;
  const before = (await sqlValue(db, `select upvote_count from ${table} where id = ?`, id)) as number;
  await sqlRun(w, `update ${table} set upvote_count = ? where id = ?`, count, id);
  if (author) await sqlRun(w, `update users set upvotes_received = upvotes_received + ? where id = ?`, count - before, author);
}

/** `n` members named `${prefix}1` … `${prefix}n`. */
export async function crowd(db: DB, prefix: string, n: number): Promise<Actor[]> {
  const out: Actor[] = [];
  for (let i = 1; i <= n; i++) out.push(await makeUser(db, `${prefix}${i}`));
  return out;
}

export type ImageFormat = "png" | "jpeg" | "webp";

/** A real image of this format and size: a two-colour gradient-ish picture made by sharp. */
export async function makeImage(format: ImageFormat, width: number, height: number): Promise<Buffer> {
  const img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 90 } } });
  if (format === "png") return img.png().toBuffer();
  if (format === "jpeg") return img.jpeg().toBuffer();
  return img.webp().toBuffer();
}

/** A PNG of random pixels (incompressible): `side` × `side` px, so about 3·side² bytes. */
export async function noisePng(side: number): Promise<Buffer> {
  const raw = Buffer.alloc(side * side * 3);
  let x = 12345;
  for (let i = 0; i < raw.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0; // a fixed LCG: the same bytes every run
    raw[i] = x >>> 24;
  }
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } }).png({ compressionLevel: 9 }).toBuffer();
}

/** A visitor's sign-up from `address` (at `now`, else the clock): signUp with the context a route builds. */
export function signUpAt(db: DB, raw: unknown, address: string, now?: Date) {
  return signUp(ctxAs(db, null, now, address), raw);
}
