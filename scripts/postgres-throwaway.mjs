// A throwaway PostgreSQL cluster: its own temporary folder, its own loopback port, started and
// stopped by whoever needs it (the tests; later a CI script), never the machine's own cluster.
// Every command runs with an argument array: no shell, no interpolation.
import { execFile, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

/** The superuser the clusters are created with (trust authentication, loopback only). */
export const SUPERUSER = "marquee";

const INSTALL_HINT = "install it with `apt-get install -y postgresql` (Debian's package; as root, after `apt-get update`)";

/** Names this module puts into SQL unquoted by a driver: plain lower-case identifiers only. */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Clusters started by this process and not yet stopped: stopped when the process exits. */
const running = new Set();

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The folder holding initdb and pg_ctl: from the PATH, else Debian's newest
 * /usr/lib/postgresql/<version>/bin (Debian's package puts only wrappers on the PATH).
 */
export function findPostgresBin() {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const initdb = path.join(dir, "initdb");
    if (isExecutable(initdb)) {
      const real = path.dirname(fs.realpathSync(initdb));
      if (isExecutable(path.join(real, "pg_ctl"))) return real;
    }
  }
  const debian = "/usr/lib/postgresql";
  const versions = fs.existsSync(debian)
    ? fs
        .readdirSync(debian)
        .filter((v) => isExecutable(path.join(debian, v, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions[0]) return path.join(debian, versions[0], "bin");
  throw new Error(`PostgreSQL's initdb was not found on the PATH nor in ${debian}/<version>/bin: ${INSTALL_HINT}.`);
}

/** A loopback port nobody listens on now (the kernel's pick for port 0). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

// PostgreSQL refuses to run as root: as root, initdb and pg_ctl run as the `postgres` user.
const asRoot = () => process.getuid?.() === 0;

function command(bin, tool, args) {
  const file = path.join(bin, tool);
  return asRoot() ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
}

async function runTool(bin, dir, tool, args) {
  const [file, argv] = command(bin, tool, args);
  try {
    return await run(file, argv, { cwd: dir, encoding: "utf8" });
  } catch (err) {
    const e = /** @type {{ stderr?: string; stdout?: string; message: string }} */ (err);
    const log = path.join(dir, "log");
    const tail = fs.existsSync(log) ? fs.readFileSync(log, "utf8").split("\n").slice(-15).join("\n") : "";
    throw new Error(`${tool} ${args[0] ?? ""} failed: ${e.stderr || e.stdout || e.message}${tail ? `\nserver log:\n${tail}` : ""}`, { cause: err });
  }
}

/** Stops a cluster now, from an exit handler (where nothing asynchronous runs), and removes its folder. */
function stopSync(cluster) {
  const [file, argv] = command(cluster.bin, "pg_ctl", ["-D", cluster.data, "-m", "immediate", "-w", "stop"]);
  spawnSync(file, argv, { cwd: cluster.dir, stdio: "ignore" });
  fs.rmSync(cluster.dir, { recursive: true, force: true });
}

let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const cluster of running) stopSync(cluster);
    running.clear();
  });
  // A signal ends the process without "exit"; the server, started in a session of its own, would
  // outlive it. Only where nobody else handles the signal (a test runner has its own ways).
  for (const [signal, number] of [["SIGINT", 2], ["SIGTERM", 15], ["SIGHUP", 1]]) {
    if (process.listenerCount(signal) > 0) continue;
    process.once(signal, () => process.exit(128 + number));
  }
}

const quoteConf = (value) => `'${String(value).replaceAll("'", "''")}'`;

/**
 * Creates and starts a throwaway cluster: a new temporary folder (owned by `postgres` when run as
 * root), `initdb` with the superuser `marquee`, trust authentication, UTF-8 and the C.UTF-8
 * locale, then the server on a free loopback port with its unix socket in that folder. Durability
 * is off (fsync, full-page writes): the folder is deleted when the cluster stops.
 *
 * @param {{ name?: string; durable?: boolean }} [options] a word in the folder's name, to tell
 *   clusters apart; `durable` keeps PostgreSQL's defaults (fsync, full-page writes, synchronous
 *   commit), for tests of what survives a crash
 */
export async function startPostgres(options = {}) {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${options.name ?? "marquee"}-pg-`));
  const data = path.join(dir, "data");
  const cluster = { bin, dir, data, port: 0 };
  try {
    if (asRoot()) await run("chown", ["postgres:", dir]);
    await runTool(bin, dir, "initdb", ["-D", data, "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    fs.appendFileSync(path.join(data, "postgresql.conf"), "\ninclude_if_exists 'throwaway.conf'\n");
    // The port is free when picked, not necessarily when the server binds it: another process may
    // take it in between. The server then fails to start, and the next try picks another.
    for (let attempt = 1; ; attempt++) {
      cluster.port = await freePort();
      const settings = {
        port: cluster.port,
        listen_addresses: "127.0.0.1",
        unix_socket_directories: dir,
        ...(options.durable ? {} : { fsync: "off", full_page_writes: "off", synchronous_commit: "off" }),
      };
      const conf = Object.entries(settings).map(([k, v]) => `${k} = ${quoteConf(v)}\n`);
      fs.writeFileSync(path.join(data, "throwaway.conf"), conf.join(""));
      const log = path.join(dir, "log");
      fs.rmSync(log, { force: true });
      installExitHook();
      running.add(cluster);
      try {
        await runTool(bin, dir, "pg_ctl", ["-D", data, "-l", log, "-w", "start"]);
        break;
      } catch (err) {
        const said = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
        if (attempt >= 3 || !said.includes("could not bind")) throw err;
      }
    }
  } catch (err) {
    // pg_ctl gives up waiting after a minute while the server may still be coming up: stop it too.
    running.delete(cluster);
    stopSync(cluster);
    throw err;
  }

  let stopped = false;
  const url = (database = "postgres") => {
    if (!IDENTIFIER.test(database)) throw new Error(`not a plain database name: ${database}`);
    return `postgres://${SUPERUSER}@127.0.0.1:${cluster.port}/${database}`;
  };

  /**
   * Runs one statement as the superuser on the `postgres` database (CREATE DATABASE and the like),
   * on a connection of its own.
   * @param {string} sql
   * @param {unknown[]} [params]
   */
  async function admin(sql, params = []) {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      return await client.query(sql, params);
    } finally {
      await client.end();
    }
  }

  /**
   * Creates a database and returns its URL. With `template`, a copy of that database (it must have
   * no open connection meanwhile); with `icuLocale`, an empty database (from template0) whose
   * default collation is that ICU locale.
   * @param {string} name
   * @param {{ template?: string; icuLocale?: string }} [opts]
   */
  async function createDatabase(name, opts = {}) {
    for (const id of [name, opts.template].filter((v) => v !== undefined)) {
      if (!IDENTIFIER.test(id)) throw new Error(`not a plain database name: ${id}`);
    }
    if (opts.icuLocale !== undefined && !/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(opts.icuLocale)) {
      throw new Error(`not an ICU locale: ${opts.icuLocale}`);
    }
    let sql = `CREATE DATABASE "${name}"`;
    if (opts.icuLocale) sql += ` TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${opts.icuLocale}'`;
    else if (opts.template) sql += ` TEMPLATE "${opts.template}"`;
    await admin(sql);
    return url(name);
  }

  /** Stops the server (fast shutdown: open connections are closed) and deletes the folder. */
  async function stop() {
    if (stopped) return;
    stopped = true;
    try {
      await runTool(bin, dir, "pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
    } finally {
      running.delete(cluster);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  /** Kills the server as a power cut would (SIGKILL to the postmaster), then waits until it is gone. */
  async function crash() {
    const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(pid, "SIGKILL");
    for (;;) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    // Its backends notice the postmaster is gone and exit; a new start waits for them (pg_ctl -w).
  }

  /** Starts the server again on its port after `crash` (it replays its WAL first). */
  async function restart() {
    await runTool(bin, dir, "pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-w", "start"]);
  }

  return { dir, port: cluster.port, url, admin, createDatabase, stop, crash, restart };
}
