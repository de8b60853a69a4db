// Absolute dates: cached pages must not depend on the time they were rendered. Each format is
// built once: `toLocaleDateString` with options builds a new formatter on every call, which a
// thread of hundreds of comments paid for hundreds of times.
const MONTH_YEAR = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const DAY_MONTH_YEAR = new Intl.DateTimeFormat("en-US", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export function formatMonthYear(d: Date): string {
  return MONTH_YEAR.format(d);
}

export function formatDate(d: Date): string {
  return DAY_MONTH_YEAR.format(d);
}
