export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const DURATION = /^(?:(\d+)d)?\s*(?:(\d+)h\s*)?(?:(\d+)m)?$/;

/** "2d 4h", "3h", "45m" in milliseconds; positive, so a reply always comes after what it answers. */
export function duration(s: string, where = "seed"): number {
  const m = DURATION.exec(s.trim());
  const ms = m ? (Number(m[1] ?? 0) * 24 * 60 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)) * MINUTE : 0;
  if (ms <= 0) throw new Error(`${where}: "${s}" is not a duration like "2d 4h" or "45m"`);
  return ms;
}
