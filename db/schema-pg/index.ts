// Marquee's schema on PostgreSQL: the same tables, columns, keys, indexes and checks as db/schema-sqlite
// (tests/unit/schema-parity.test.ts holds the two equal), in PostgreSQL's own types. What each
// column means is written there.
export * from "./users";
export * from "./auth";
export * from "./films";
export * from "./reviews";
export * from "./comments";
export * from "./votes";
export * from "./notifications";
export * from "./badges";
export * from "./cluster";
