// The account that posts badge notes under reviews. Its username is reserved, so no member can
// take it, and pages can tell its comments apart by name alone.
export const SYSTEM_USERNAME = "marquee";
export const isSystemName = (username: string | null | undefined) => username?.toLowerCase() === SYSTEM_USERNAME;
