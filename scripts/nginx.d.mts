// Types for nginx.mjs (plain JavaScript, so that a script can run it without a compiler).

export type Directive = { name: string; args: string[]; block: Directive[] | null };

export type TestNginx = {
  /** The loopback port nginx listens on. */
  readonly port: number;
  /** Its origin as a browser should use it: http://localhost:<port>. */
  readonly url: string;
  /** The nginx.conf it runs (the shipped site rendered for the test inside an `http` block). */
  readonly conf: string;
  /** The folder holding the configuration, error.log, access.log and temporary files. */
  readonly dir: string;
  /** The master process. */
  readonly pid: number | undefined;
  /** Stops nginx (SIGTERM, SIGKILL after 5 s) and removes the folder when startNginx made it. */
  stop(): Promise<void>;
};

/** deploy/nginx/marquee.conf: the site file a real deployment installs. */
export declare const SITE_CONF: string;
/** The header the test configuration adds to every proxied answer: `$upstream_addr`, the app servers nginx tried. */
export declare const UPSTREAM_HEADER: "x-upstream-addr";
export declare function parseConf(text: string): Directive[];
export declare function renderConf(directives: Directive[], indent?: string): string;
export declare function checkSiteConf(conf: Directive[], file?: string): void;
export declare function testSite(text: string, options: { upstreams: number[]; listen: number }): Directive[];
/** A whole nginx.conf around site directives, with its logs and temporary files in `dir`. */
export declare function mainConf(bin: string, dir: string, site: Directive[]): string;
/** The nginx binary, installed from Debian's nginx-light with apt-get when missing. */
export declare function ensureNginx(): string;
export declare function startNginx(options: { upstreams: number[]; dir?: string }): Promise<TestNginx>;
