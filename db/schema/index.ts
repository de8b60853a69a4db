// Marquee's tables for the dialect this process runs on (db/dialect.ts): db/schema-sqlite or
// db/schema-pg, which tests/unit/schema-parity.test.ts keeps equal. Both are typed as the SQLite
// ones: the app builds its queries with what the two query builders share, and reads rows of the
// same shapes (a lint rule keeps SQLite's synchronous `.get()`, `.all()` and `.run()` out).
import * as pg from "../schema-pg";
import * as sqlite from "../schema-sqlite";
import { DIALECT } from "../dialect";

export type * from "../schema-sqlite";
export { NOTIFICATION_KINDS, REVIEW_STATUSES, ROLES } from "../schema-sqlite";

const chosen = (DIALECT === "pg" ? pg : sqlite) as unknown as typeof sqlite;

export const accounts = chosen.accounts;
export const badges = chosen.badges;
export const cacheTags = chosen.cacheTags;
export const commentRevisions = chosen.commentRevisions;
export const commentVotes = chosen.commentVotes;
export const comments = chosen.comments;
export const films = chosen.films;
export const jobs = chosen.jobs;
export const monthlyScores = chosen.monthlyScores;
export const notifications = chosen.notifications;
export const rateWindows = chosen.rateWindows;
export const reviewRevisions = chosen.reviewRevisions;
export const reviewTags = chosen.reviewTags;
export const reviewViews = chosen.reviewViews;
export const reviewVotes = chosen.reviewVotes;
export const reviews = chosen.reviews;
export const revokedSessions = chosen.revokedSessions;
export const sessions = chosen.sessions;
export const userBadges = chosen.userBadges;
export const users = chosen.users;
export const verificationTokens = chosen.verificationTokens;
