import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { PRIVATE_FILE_MODE, privateDir, tightenMode, writePrivateFile } from "@/db/private-files";

// The only reader of process.env. Every variable is documented in the README.
const EnvInput = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Server processes on the port (server/serve.ts): unset, one per core; 1, a single process. */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  DATABASE_PATH: z.string().min(1).default("./data/marquee.db"),
  /** A `postgres://` address runs Marquee on PostgreSQL instead of the SQLite file (db/dialect.ts reads it too). */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(?:ql)?:\/\//i, "must be a postgres:// address (leave it unset for the SQLite file at DATABASE_PATH)")
    .optional(),
  /** PostgreSQL: the most connections this process opens for reads, and for writes (one writes at a time). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_WRITE_POOL_SIZE: z.coerce.number().int().min(1).max(20).default(2),
  AUTH_SECRET: z.string().min(32).optional(),
  /** The site's public origin: every absolute URL and cookie is built from it, never from `Host`. */
  AUTH_URL: z.url().optional(),
  /** How many reverse proxies stand in front ("off" or 0: none; the socket's address is the client's). */
  TRUST_PROXY: z
    .union([z.enum(["off", "false"]), z.coerce.number().int().min(0).max(10)])
    .default("off")
    .transform((v) => (typeof v === "number" ? v : 0)),
  /** The demo members' password; unset, one is generated on first start and printed once. Tests fix it. */
  DEMO_PASSWORD: z.string().min(12).max(200).optional(),
  SIGNUP_HOURLY_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(5),
  SIGNUP_DAILY_PER_ADDRESS: z.coerce.number().int().min(1).max(1000000).default(20),
  /** Password hashes computed at once, and how many more may wait before a burst is answered 429. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).max(1000).default(8),
  AVATAR_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).max(10000).default(10),
  AUTH_GITHUB_ID: z.string().min(1).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).optional(),
  AUTH_GOOGLE_ID: z.string().min(1).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).max(40).default("OpenID Connect"),
  SCRYPT_COST: z.coerce.number().int().min(10).max(20).default(17),
  SEED_DEMO: z.enum(["true", "false"]).default("true"),
  /** `false`: the server never runs the sweep (anniversary badges, first weeks ending), so it only reads. */
  SWEEP: z.enum(["true", "false"]).default("true"),
  EDIT_GRACE_SECONDS: z.coerce.number().int().min(0).max(3600).default(300),
  COMMENT_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  COMMENT_NEWCOMER_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  VOTE_BURST_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  VOTE_DAILY_CAP: z.coerce.number().int().min(1).max(1000000).default(500),
  VOTE_NEWCOMER_BURST_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(10),
  VOTE_NEWCOMER_DAILY_CAP: z.coerce.number().int().min(1).max(1000000).default(100),
});

export type Env = z.infer<typeof EnvInput> & {
  databasePath: string;
  /** What `openDb` opens: DATABASE_URL when set, else the SQLite file. */
  database: string;
  dataDir: string;
  /** AUTH_URL's origin, else http://localhost:PORT: the one origin absolute URLs are built from. */
  siteOrigin: string;
};

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = EnvInput.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const databasePath = path.resolve(parsed.data.DATABASE_PATH);
  cached = {
    ...parsed.data,
    databasePath,
    database: parsed.data.DATABASE_URL ?? databasePath,
    dataDir: path.dirname(databasePath),
    siteOrigin: parsed.data.AUTH_URL ? new URL(parsed.data.AUTH_URL).origin : `http://localhost:${parsed.data.PORT}`,
  };
  return cached;
}

/** Test helper: forget the parsed environment so a changed process.env is read again. */
export function resetEnvForTests() {
  cached = undefined;
  secret = undefined;
}

let secret: string | undefined;

/**
 * AUTH_SECRET, or a secret generated once and kept in the data folder (mode 0600) so that
 * a first run needs no configuration. Returns whether it was generated by this call.
 */
export function ensureAuthSecret(): { secret: string; source: "env" | "file" | "generated"; file: string } {
  const env = getEnv();
  const file = path.join(env.dataDir, "auth-secret");
  if (env.AUTH_SECRET) return { secret: (secret = env.AUTH_SECRET), source: "env", file };
  // A secret generated here would be this host's alone: a session signed by one host would be refused by the next.
  if (env.DATABASE_URL) throw new Error("AUTH_SECRET must be set when DATABASE_URL is: every server, on every host, signs and checks sessions with it (for example: openssl rand -base64 32).");
  privateDir(env.dataDir);
  if (fs.existsSync(file)) {
    tightenMode(file, PRIVATE_FILE_MODE);
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return { secret: (secret = stored), source: "file", file };
  }
  const fresh = randomBytes(32).toString("base64url");
  writePrivateFile(file, fresh + "\n");
  return { secret: (secret = fresh), source: "generated", file };
}

export function authSecret(): string {
  return secret ?? ensureAuthSecret().secret;
}

export function oauthProviders(env = getEnv()) {
  return {
    github: env.AUTH_GITHUB_ID && env.AUTH_GITHUB_SECRET ? { id: env.AUTH_GITHUB_ID, secret: env.AUTH_GITHUB_SECRET } : null,
    google: env.AUTH_GOOGLE_ID && env.AUTH_GOOGLE_SECRET ? { id: env.AUTH_GOOGLE_ID, secret: env.AUTH_GOOGLE_SECRET } : null,
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET
        ? { issuer: env.OIDC_ISSUER, id: env.OIDC_CLIENT_ID, secret: env.OIDC_CLIENT_SECRET, name: env.OIDC_NAME }
        : null,
  };
}
