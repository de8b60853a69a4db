/**
 * Which database this process runs on, fixed at start: PostgreSQL when `DATABASE_URL` is a
 * `postgres://` (or `postgresql://`) address, the embedded SQLite file otherwise.
 */
export type Dialect = "sqlite" | "pg";

export const isPostgresUrl = (url: string | undefined): url is string => !!url && /^postgres(?:ql)?:\/\//i.test(url);

export const DIALECT: Dialect = isPostgresUrl(process.env.DATABASE_URL) ? "pg" : "sqlite";
