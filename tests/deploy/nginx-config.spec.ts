import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { ensureNginx, mainConf, parseConf, SITE_CONF, UPSTREAM_HEADER, type Directive } from "../../scripts/nginx.mjs";
import { expect, test, upstreamsOf } from "./site";

// The shipped nginx site itself: the whole file, TLS included, is a valid configuration, and what
// the tests' copy of it does at the edges (body cap, build files) is what the app
// needs.

const hasOpenssl = spawnSync("sh", ["-c", "command -v openssl"], { stdio: "ignore" }).status === 0;

test("the shipped file, its TLS server included, passes `nginx -t`", async () => {
  expect(hasOpenssl, "openssl makes the certificate for this check (Debian: apt-get install -y openssl)").toBe(true);
  const dir = test.info().outputPath("nginx-t");
  fs.mkdirSync(path.join(dir, "temp"), { recursive: true });
  const [cert, key] = [path.join(dir, "cert.pem"), path.join(dir, "key.pem")];
  execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=marquee.example", "-keyout", key, "-out", cert], { stdio: "ignore" });
  // The placeholder certificate paths point at the one just made; nothing else changes.
  const swap = (list: Directive[]): Directive[] =>
    list.map((d) =>
      d.name === "ssl_certificate" ? { ...d, args: [cert] } : d.name === "ssl_certificate_key" ? { ...d, args: [key] } : d.block ? { ...d, block: swap(d.block) } : d,
    );
  const site = swap(parseConf(fs.readFileSync(SITE_CONF, "utf8")));
  const bin = ensureNginx();
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, mainConf(bin, dir, site));
  const res = spawnSync(bin, ["-t", "-p", dir, "-e", path.join(dir, "error.log"), "-c", conf, "-g", `pid ${path.join(dir, "nginx.pid")};`], { encoding: "utf8" });
  expect(`${res.stderr}`, "nginx -t").toContain("test is successful");
  expect(res.status).toBe(0);
});

/** Bytes the shipped client_max_body_size allows. */
function shippedBodyCap(): number {
  const find = (list: Directive[]): string | undefined => {
    for (const d of list) {
      if (d.name === "client_max_body_size") return d.args[0];
      const inner = d.block && find(d.block);
      if (inner) return inner;
    }
  };
  const value = find(parseConf(fs.readFileSync(SITE_CONF, "utf8")));
  const m = /^(\d+)([km]?)$/i.exec(value ?? "");
  expect(m, `client_max_body_size ${value}`).not.toBeNull();
  return Number(m![1]) * ({ "": 1, k: 1024, m: 1024 * 1024 }[m![2]!.toLowerCase()] ?? 1);
}

/** A POST of `size` bytes declared in Content-Length; resolves with the answer, even one sent before the body was all read. */
function postBytes(port: number, pathname: string, size: number, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path: pathname, headers: { ...headers, "content-length": String(size) } });
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on("error", (err) => !answered && reject(err));
    const chunk = Buffer.alloc(64 * 1024, "a");
    let left = size;
    const pump = () => {
      while (left > 0) {
        const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
        left -= part.length;
        if (!req.write(part)) return void req.once("drain", pump);
      }
      req.end();
    };
    pump();
  });
}

test("nginx's body cap is the app's largest (an avatar upload): one byte more is refused by nginx, up to it reaches the app", async ({ site }) => {
  const cap = shippedBodyCap();
  const headers = { origin: site.origin, accept: "application/json", "content-type": "multipart/form-data; boundary=----marquee" };
  // The app itself: its avatar route takes exactly as much.
  expect((await postBytes(site.a.port, "/api/settings/avatar", cap + 1, headers)).status, "the app refuses one byte more").toBe(413);
  expect((await postBytes(site.a.port, "/api/settings/avatar", cap, headers)).status, "the app reads a body at the cap").not.toBe(413);
  // Through nginx: over the cap, nginx answers alone; at the cap, the app answers.
  const over = await postBytes(site.nginx.port, "/api/settings/avatar", cap + 1, headers);
  expect(over.status).toBe(413);
  expect(over.headers[UPSTREAM_HEADER], "refused by nginx, before any server").toBeUndefined();
  const at = await postBytes(site.nginx.port, "/api/settings/avatar", cap, headers);
  expect(at.status).not.toBe(413);
  expect(upstreamsOf(at.headers as Record<string, string>)).toHaveLength(1);
});

test("build files are cached for a year and compressed; a missing one is not cached", async ({ site }) => {
  const home = await (await fetch(`${site.origin}/`)).text();
  const css = home.match(/\/_next\/static\/[\w\-./~]+\.css/)?.[0];
  expect(css, "the home page links a stylesheet").toBeTruthy();
  const file = await fetch(`${site.origin}${css}`, { headers: { "accept-encoding": "gzip" } });
  expect(file.status).toBe(200);
  expect(file.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  expect(file.headers.get("content-encoding")).toBe("gzip");
  const missing = await fetch(`${site.origin}/_next/static/chunks/not-a-build-file.js`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get("cache-control") ?? "").not.toContain("immutable");
});

test("during a rolling upgrade, a build file one server lacks is fetched from the other", async ({ site }) => {
  // Directly: A has no such file, B has.
  expect((await fetch(`${site.a.origin}${site.onlyOnB}`)).status).toBe(404);
  expect((await fetch(`${site.b.origin}${site.onlyOnB}`)).status).toBe(200);
  // Through nginx every request gets it, whichever server it goes to first.
  const answers: { status: number; upstreams: string[] }[] = [];
  while (!answers.some((a) => a.upstreams.length === 2) && answers.length < 20) {
    const res = await fetch(`${site.origin}${site.onlyOnB}`);
    await res.arrayBuffer();
    answers.push({ status: res.status, upstreams: upstreamsOf(res.headers) });
  }
  expect(answers.filter((a) => a.status !== 200), "answers other than 200").toEqual([]);
  expect(answers.find((a) => a.upstreams.length === 2)?.upstreams, "tried on A (404), then B").toEqual([site.a.upstream, site.b.upstream]);
});
