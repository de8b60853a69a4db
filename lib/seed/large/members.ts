// The large seed's members: names, roles, joining dates, and the one who earns every badge.
import { foldText } from "@/lib/slug";
import { isReservedUsername, usernameKey, USERNAME_MAX, USERNAME_MIN, USERNAME_PATTERN } from "@/lib/users/username";
import { DAY, HISTORY_DAYS, HOUR, LargeOptions, LargeSeedError, YEAR_MS } from "./options";
import { Rng, strictlyIncreasing } from "./random";
import { BIOS_A, BIOS_B, FIRST_NAMES, HANDLE_A, HANDLE_B, LAST_NAMES, cap } from "./text";

export type Members = {
  n: number;
  ids: string[];
  usernames: string[];
  keys: string[];
  names: string[];
  bios: string[];
  roles: ("member" | "moderator" | "admin")[];
  /** Ascending: members are numbered in the order they joined. */
  joined: Float64Array;
  reviewW: Float64Array;
  commentW: Float64Array;
  voteW: Float64Array;
  /** The member with the full badge board, or -1. */
  star: number;
};

function uuid(r: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) hex.push(r.int(256).toString(16).padStart(2, "0"));
  hex[6] = (0x40 | (parseInt(hex[6]!, 16) & 0x0f)).toString(16);
  hex[8] = (0x80 | (parseInt(hex[8]!, 16) & 0x3f)).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ascii = (s: string) => foldText(s).replace(/ /g, "");

export function planMembers(o: Required<Pick<LargeOptions, "users" | "seed">> & { now: number; fullBoard: boolean }): Members {
  const r = new Rng(o.seed, "members");
  const n = o.users;
  const start = o.now - HISTORY_DAYS * DAY;
  const span = o.now - HOUR - start;
  const joined = new Float64Array(n);
  // The founders arrive in the first days; after that, more join every month than the month before.
  const founders = Math.min(n, 3);
  for (let i = 0; i < n; i++) joined[i] = Math.floor(i < founders ? start + r.next() * 3 * DAY : start + DAY + (span - DAY) * Math.pow(r.next(), 1 / 1.6));
  strictlyIncreasing(joined);
  const admins = Math.max(1, Math.round(n / 10_000));
  const moderators = Math.max(1, Math.round(n / 4_000));
  const taken = new Set<string>();
  const m: Members = {
    n,
    ids: [],
    usernames: [],
    keys: [],
    names: [],
    bios: [],
    roles: [],
    joined,
    reviewW: new Float64Array(n),
    commentW: new Float64Array(n),
    voteW: new Float64Array(n),
    star: -1,
  };
  for (let i = 0; i < n; i++) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const f = ascii(first);
    const l = ascii(last);
    const x = r.next();
    let base =
      x < 0.35 ? `${f}_${l}`
      : x < 0.5 ? `${f}${l}`
      : x < 0.62 ? `${f}${r.between(1, 99)}`
      : x < 0.72 ? `${f.charAt(0)}${l}`
      : x < 0.82 ? `${r.pick(HANDLE_A)}_${r.pick(HANDLE_B)}`
      : x < 0.9 ? `${f}_${l}_${r.between(70, 99)}`
      : `${cap(f)}${cap(l)}`;
    base = base.slice(0, USERNAME_MAX);
    let username = base;
    for (let k = 2; username.length < USERNAME_MIN || !USERNAME_PATTERN.test(username) || isReservedUsername(username) || taken.has(usernameKey(username)); k++) {
      const suffix = String(k);
      username = `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(usernameKey(username));
    m.ids.push(uuid(r));
    m.usernames.push(username);
    m.keys.push(usernameKey(username));
    m.names.push(`${first} ${last}`);
    m.bios.push(r.chance(0.35) ? `${r.pick(BIOS_A)}. ${r.pick(BIOS_B)}` : "");
    m.roles.push(i < admins ? "admin" : i < admins + moderators ? "moderator" : "member");
    // Engagement: most members are occasional, a few write and vote a lot.
    const e = Math.min(r.pareto(1.3), 200);
    m.reviewW[i] = e * (0.2 + r.next());
    m.commentW[i] = e * (0.3 + r.next());
    m.voteW[i] = Math.pow(e, 0.7) * (0.3 + r.next());
  }
  if (o.fullBoard) {
    // An early member, well past a year of membership; their reviews and comments are placed by hand.
    const star = Math.min(n - 1, admins + moderators + r.int(Math.max(1, Math.floor(n / 100))));
    if (o.now - joined[star]! < YEAR_MS + 30 * DAY) throw new LargeSeedError("The member with a full badge board must have joined over a year ago; use more members.");
    m.star = star;
    m.reviewW[star] = 0;
    m.commentW[star] = 0;
  }
  return m;
}
