// A throwaway nginx in front of app servers on loopback, configured from the site file a real
// deployment installs (deploy/nginx/marquee.conf): its upstream servers become the given loopback
// ports, its listen addresses one free loopback port, and its TLS lines go (the test speaks plain
// HTTP). Everything else (passive health, retries, timeouts, keepalive, body cap, gzip, headers,
// locations) is the shipped text, so what the tests prove is what production runs; a shipped file
// that loses a directive the tests rely on is refused here. Runs in the foreground as a child of
// this process, with its logs and temporary files in its own folder, as root or not.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { clearTimeout } from "node:timers";
import { freePort } from "./postgres-throwaway.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** The site file a real deployment installs. */
export const SITE_CONF = path.join(root, "deploy", "nginx", "marquee.conf");

/** Answered by nginx itself, never passed on: how startNginx knows it is up. */
const READY_PATH = "/.nginx-ready";

/** The header the test configuration adds to every proxied answer: which app servers nginx tried (`$upstream_addr`). */
export const UPSTREAM_HEADER = "x-upstream-addr";

// ── The configuration language: directives (`name args;`) and blocks (`name args { … }`) ─────────

/**
 * Parses nginx configuration text into directives: `{ name, args, block }`, `block` an array for a
 * block and null otherwise. Comments are dropped; quoted arguments keep their quotes.
 * @param {string} text
 */
export function parseConf(text) {
  const tokens = [];
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (/\s/.test(c)) i++;
    else if (c === "#") while (i < text.length && text[i] !== "\n") i++;
    else if (c === ";" || c === "{" || c === "}") tokens.push(text[i++]);
    else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) throw new Error(`nginx configuration: unterminated quote at offset ${i}`);
      tokens.push(text.slice(i, j + 1));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s;{}]/.test(text[j])) j += text[j] === "$" && text[j + 1] === "{" ? text.indexOf("}", j) - j + 1 : 1;
      tokens.push(text.slice(i, j));
      i = j;
    }
  }
  let at = 0;
  function block(closing) {
    const out = [];
    while (at < tokens.length) {
      if (tokens[at] === "}") {
        if (!closing) throw new Error("nginx configuration: a `}` closes nothing");
        at++;
        return out;
      }
      const words = [];
      while (at < tokens.length && !";{}".includes(tokens[at])) words.push(tokens[at++]);
      if (words.length === 0) throw new Error(`nginx configuration: \`${tokens[at]}\` without a directive`);
      const [name, ...args] = words;
      if (tokens[at] === ";") {
        at++;
        out.push({ name, args, block: null });
      } else if (tokens[at] === "{") {
        at++;
        out.push({ name, args, block: block(true) });
      } else throw new Error(`nginx configuration: \`${name}\` is not ended by \`;\``);
    }
    if (closing) throw new Error("nginx configuration: a block is not closed");
    return out;
  }
  return block(false);
}

/** Writes directives back as configuration text. */
export function renderConf(directives, indent = "") {
  return directives
    .map((d) =>
      d.block
        ? `${indent}${[d.name, ...d.args].join(" ")} {\n${renderConf(d.block, `${indent}    `)}${indent}}\n`
        : `${indent}${[d.name, ...d.args].join(" ")};\n`,
    )
    .join("");
}

const all = (directives, name) => directives.filter((d) => d.name === name);
const unquote = (arg) => (/^(["']).*\1$/s.test(arg) ? arg.slice(1, -1) : arg);

// ── What the tests rely on in the shipped file ──────────────────────────────────────────────────

/** The `server` block that proxies to the app (the TLS one in the shipped file). */
function appServer(conf) {
  return all(conf, "server").find((s) => JSON.stringify(s.block).includes('"proxy_pass"'));
}

/**
 * Every directive the deployment tests depend on, as [what, present?]. Directives set in the app
 * server block are inherited by its locations unless a location sets its own.
 */
function requirements(conf) {
  const upstream = all(conf, "upstream").find((u) => u.args[0] === "marquee");
  const servers = upstream ? all(upstream.block, "server") : [];
  const app = appServer(conf);
  const body = app?.block ?? [];
  const location = (prefix) => all(body, "location").find((l) => l.args.join(" ") === prefix);
  const here = (name) => all(body, name);
  const one = (name) => here(name)[0]?.args ?? [];
  const header = (name) => here("proxy_set_header").find((d) => d.args[0]?.toLowerCase() === name.toLowerCase());
  const proxiesToApp = (l) => !!l && all(l.block, "proxy_pass").some((d) => d.args[0] === "http://marquee");
  const nextUpstream = one("proxy_next_upstream");
  return [
    ["an `upstream marquee` block", !!upstream],
    ["its servers with max_fails= and fail_timeout= (passive health)", servers.length > 0 && servers.every((s) => s.args.some((a) => a.startsWith("max_fails=")) && s.args.some((a) => a.startsWith("fail_timeout=")))],
    ["`keepalive` in the upstream", !!upstream && all(upstream.block, "keepalive").length === 1],
    ["a server block that proxies to the app", !!app],
    ["`location /` passing to http://marquee", proxiesToApp(location("/"))],
    ["`location /_next/static/` passing to http://marquee", proxiesToApp(location("/_next/static/"))],
    ["`proxy_next_upstream error timeout http_502 http_503`", ["error", "timeout", "http_502", "http_503"].every((w) => nextUpstream.includes(w))],
    ["no `non_idempotent` in proxy_next_upstream (a POST that reached a server is never sent again)", !nextUpstream.includes("non_idempotent")],
    ["`proxy_next_upstream_tries`", one("proxy_next_upstream_tries").length === 1],
    ["`proxy_connect_timeout`", one("proxy_connect_timeout").length === 1],
    ["`proxy_read_timeout`", one("proxy_read_timeout").length === 1],
    ["`proxy_send_timeout`", one("proxy_send_timeout").length === 1],
    ["`client_max_body_size`", one("client_max_body_size").length === 1],
    ["`gzip on`", one("gzip")[0] === "on"],
    ["`proxy_http_version 1.1`", one("proxy_http_version")[0] === "1.1"],
    ['`proxy_set_header Connection ""` (upstream keepalive)', !!header("Connection") && unquote(header("Connection").args[1] ?? "x") === ""],
    ["`proxy_set_header Host`", !!header("Host")],
    ["`proxy_set_header X-Forwarded-For`", !!header("X-Forwarded-For")],
    ["`proxy_set_header X-Forwarded-Proto`", !!header("X-Forwarded-Proto")],
  ];
}

/** Throws, naming what is missing, unless the shipped file has every directive the tests rely on. */
export function checkSiteConf(conf, file = SITE_CONF) {
  const missing = requirements(conf).filter(([, ok]) => !ok).map(([what]) => what);
  if (missing.length) throw new Error(`${path.relative(root, file)} lacks what the deployment tests rely on:\n  - ${missing.join("\n  - ")}`);
}

/**
 * The shipped site, rendered for a test: the upstream's servers replaced by `127.0.0.1:<port>` for
 * each port (with the first shipped server's parameters), the app server listening on
 * 127.0.0.1:`listen` in plain HTTP, the redirect-only server and every ssl_ and http2 line dropped.
 * Two additions for the tests, changing nothing else: a location nginx answers itself (readiness),
 * and a header on each proxied answer naming the app servers nginx tried.
 * @param {string} text the shipped file
 * @param {{ upstreams: number[]; listen: number }} options
 */
export function testSite(text, { upstreams, listen }) {
  if (!upstreams.length) throw new Error("startNginx: at least one upstream port");
  const conf = parseConf(text);
  checkSiteConf(conf);
  const app = appServer(conf);
  const out = [];
  for (const d of conf) {
    if (d.name === "upstream" && d.args[0] === "marquee") {
      const params = all(d.block, "server")[0].args.slice(1);
      const servers = upstreams.map((port) => ({ name: "server", args: [`127.0.0.1:${port}`, ...params], block: null }));
      const rest = d.block.filter((x) => x.name !== "server");
      out.push({ ...d, block: [rest.find((x) => x.name === "zone"), ...servers, ...rest.filter((x) => x.name !== "zone")].filter(Boolean) });
    } else if (d.name === "server") {
      if (d !== app) continue;
      const body = d.block.filter((x) => x.name !== "listen" && x.name !== "http2" && !x.name.startsWith("ssl_"));
      const tagged = body.map((x) =>
        x.name === "location" && all(x.block, "proxy_pass").length ? { ...x, block: [...x.block, { name: "add_header", args: [UPSTREAM_HEADER, "$upstream_addr", "always"], block: null }] } : x,
      );
      out.push({
        ...d,
        block: [
          { name: "listen", args: [`127.0.0.1:${listen}`], block: null },
          ...tagged,
          { name: "location", args: ["=", READY_PATH], block: [{ name: "access_log", args: ["off"], block: null }, { name: "return", args: ["204"], block: null }] },
        ],
      });
    } else out.push(d);
  }
  return out;
}

// ── Installing and running nginx ────────────────────────────────────────────────────────────────

function findNginx() {
  for (const dir of ["/usr/sbin", "/usr/local/sbin", ...(process.env.PATH ?? "").split(path.delimiter)]) {
    const file = path.join(dir, "nginx");
    try {
      fs.accessSync(file, fs.constants.X_OK);
      if (fs.statSync(file).isFile()) return file;
    } catch {
      // not here
    }
  }
  return null;
}

/** nginx, installed from Debian's nginx-light with apt-get when missing (as scripts/test.mjs installs Chromium). */
export function ensureNginx() {
  const found = findNginx();
  if (found) return found;
  console.log("marquee: nginx not found; installing Debian's nginx-light with apt-get");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (...args) => {
    const [cmd, ...rest] = [...sudo, "apt-get", ...args];
    return spawnSync(cmd, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status === 0;
  };
  // The package lists may be stale or absent on a fresh machine: update, then try once more.
  if (!apt("install", "-y", "nginx-light") && !(apt("update") && apt("install", "-y", "nginx-light"))) {
    throw new Error("could not install nginx-light with apt-get; install nginx and run the tests again.");
  }
  const installed = findNginx();
  if (!installed) throw new Error("nginx-light was installed but no nginx binary was found in /usr/sbin or on the PATH.");
  return installed;
}

/** The temporary-file directives this nginx knows (a build may leave out the fastcgi, uwsgi or scgi module). */
function tempPaths(bin, dir) {
  const built = spawnSync(bin, ["-V"], { encoding: "utf8" }).stderr ?? "";
  const kinds = [
    ["client_body_temp_path", "body", null],
    ["proxy_temp_path", "proxy", "--without-http_proxy_module"],
    ["fastcgi_temp_path", "fastcgi", "--without-http_fastcgi_module"],
    ["uwsgi_temp_path", "uwsgi", "--without-http_uwsgi_module"],
    ["scgi_temp_path", "scgi", "--without-http_scgi_module"],
  ];
  return kinds.filter(([, , without]) => !without || !built.includes(without)).map(([name, sub]) => ({ name, args: [path.join(dir, "temp", sub)], block: null }));
}

/**
 * A whole nginx.conf around site directives: an `http` block whose logs and temporary files stay
 * in `dir`, one worker process.
 */
export function mainConf(bin, dir, site) {
  const log = path.join(dir, "access.log");
  const head = [
    "# Written by scripts/nginx.mjs for a test run, around deploy/nginx/marquee.conf; rewritten on each start.",
    // As root, nginx would run its workers as `nobody`, which cannot write this folder.
    ...(process.getuid?.() === 0 ? ["user root;"] : []),
    "worker_processes 1;",
    `error_log ${path.join(dir, "error.log")} warn;`,
    "events {\n    worker_connections 1024;\n}",
  ].join("\n");
  const http = [
    { name: "default_type", args: ["application/octet-stream"], block: null },
    { name: "log_format", args: ["upstreams", `'$remote_addr "$request" $status $body_bytes_sent upstream=$upstream_addr/$upstream_status $request_time'`], block: null },
    { name: "access_log", args: [log, "upstreams"], block: null },
    ...tempPaths(bin, dir),
    ...site,
  ];
  return `${head}\n${renderConf([{ name: "http", args: [], block: http }])}`;
}

/** Whether a loopback port answers an HTTP request to nginx's own readiness location with 204. */
function answers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port }, () => {
      socket.write(`GET ${READY_PATH} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    });
    let head = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk) => (head += chunk));
    socket.on("close", () => resolve(/^HTTP\/1\.1 204/.test(head)));
    socket.on("error", () => resolve(false));
    socket.setTimeout(2_000, () => socket.destroy());
  });
}

/** nginx processes started here and not yet stopped: killed when this process exits. */
const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const child of running) child.kill("SIGKILL");
  });
}

/**
 * Starts nginx in front of app servers on 127.0.0.1 (one per port in `upstreams`), configured from
 * deploy/nginx/marquee.conf, listening on 127.0.0.1 and a free port. Resolves once nginx answers.
 * `stop()` ends it (SIGTERM to its master process, SIGKILL after 5 s) and removes a folder it made.
 * @param {{ upstreams: number[]; dir?: string }} options `dir`: where the configuration, logs and
 *   temporary files go (made when missing, kept at the end); a new temporary folder otherwise
 */
export async function startNginx({ upstreams, dir }) {
  const bin = ensureNginx();
  const ownDir = !dir;
  const folder = path.resolve(dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "marquee-nginx-")));
  fs.mkdirSync(path.join(folder, "temp"), { recursive: true });
  const shipped = fs.readFileSync(SITE_CONF, "utf8");
  const confFile = path.join(folder, "nginx.conf");
  const pidFile = path.join(folder, "nginx.pid");

  // The port is free when picked, not necessarily when nginx binds it: on "in use", pick another.
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const conf = mainConf(bin, folder, testSite(shipped, { upstreams, listen: port }));
    fs.writeFileSync(confFile, conf);
    const errorLog = path.join(folder, "error.log");
    const logStart = fs.existsSync(errorLog) ? fs.statSync(errorLog).size : 0;
    const child = spawn(bin, ["-p", folder, "-e", errorLog, "-c", confFile, "-g", `daemon off; pid ${pidFile};`], { stdio: ["ignore", "inherit", "inherit"] });
    installExitHook();
    running.add(child);
    let exited = null;
    const gone = new Promise((resolve) => child.once("exit", (code, signal) => resolve((exited = { code, signal }))));
    child.once("error", (err) => (exited = { code: null, signal: null, err }));

    const deadline = Date.now() + 15_000;
    while (!exited && Date.now() < deadline && !(await answers(port))) await new Promise((r) => setTimeout(r, 50));
    if (!exited && Date.now() < deadline) {
      const url = `http://localhost:${port}`;
      let stopped = false;
      async function stop() {
        if (stopped) return;
        stopped = true;
        if (!exited) {
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await gone;
          clearTimeout(timer);
        }
        running.delete(child);
        if (ownDir) fs.rmSync(folder, { recursive: true, force: true });
      }
      return { port, url, stop, conf, dir: folder, pid: child.pid };
    }
    if (!exited) {
      child.kill("SIGKILL");
      await gone;
    }
    running.delete(child);
    const said = fs.existsSync(errorLog) ? fs.readFileSync(errorLog, "utf8").slice(logStart) : "";
    if (attempt < 3 && said.includes("Address already in use")) continue;
    if (ownDir) fs.rmSync(folder, { recursive: true, force: true });
    throw new Error(`nginx did not start (${exited ? `exit ${exited.code ?? exited.signal}` : "no answer in 15 s"}):\n${said.split("\n").slice(-15).join("\n")}`);
  }
}
