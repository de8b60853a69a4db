// Types for postgres-throwaway.mjs (plain JavaScript, so that a script can run it without a compiler).
import type { QueryResult, QueryResultRow } from "pg";

export declare const SUPERUSER: "marquee";

export type ThrowawayPostgres = {
  /** The temporary folder: the data directory, the server log and the unix socket. */
  readonly dir: string;
  /** The loopback port the server listens on. */
  readonly port: number;
  /** A connection URL for one of the cluster's databases (default `postgres`). */
  url(database?: string): string;
  /** One statement as the superuser on the `postgres` database, on a connection of its own. */
  admin<R extends QueryResultRow = QueryResultRow>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Creates a database (a copy of `template`, or an empty one with an ICU default collation) and returns its URL. */
  createDatabase(name: string, options?: { template?: string; icuLocale?: string }): Promise<string>;
  /** Stops the server and deletes its folder; safe to call twice. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a power cut would. */
  crash(): Promise<void>;
  /** Starts it again after `crash`, on the same port. */
  restart(): Promise<void>;
};

export declare function findPostgresBin(): string;
export declare function freePort(): Promise<number>;
export declare function startPostgres(options?: { name?: string; durable?: boolean }): Promise<ThrowawayPostgres>;
