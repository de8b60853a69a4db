// Types for nginx.mjs (plain JavaScript): nginx in front of app servers on loopback.
export declare function startNginx(options: {
  /** The app servers' ports on 127.0.0.1. */
  upstreams: number[];
  /** Where nginx's configuration, logs and temporary files go; a new temporary folder otherwise. */
  dir?: string;
}): Promise<{ port: number; url: string; stop(): Promise<void>; conf: string }>;
