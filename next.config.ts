import { execFileSync } from "node:child_process";
import path from "node:path";
import type { NextConfig } from "next";

// One build id for every host built from the same commit: a page from one instance and its
// scripts from another belong together. Outside a git checkout, Next.js picks one.
function commitBuildId(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { cwd: import.meta.dirname, stdio: ["ignore", "pipe", "ignore"] }).toString().trim() || null;
  } catch {
    return null;
  }
}

const nextConfig: NextConfig = {
  cacheComponents: true,
  // `true` doubles the payload of dynamic pages and serves build-time pages after an invalidation.
  partialPrefetching: false,
  poweredByHeader: false,
  // Pages carry a per-request nonce: a browser revalidating with an ETag would keep an old one.
  generateEtags: false,
  // server/security-headers.ts compresses after it has put the nonce in; compressing here would come first.
  compress: false,
  reactStrictMode: true,
  // Rendered pages and "use cache" entries stay in each process's memory; which tags a write
  // expired is shared through the database (server/shared-tags.ts), so every process and host
  // serves the next request fresh.
  cacheHandler: path.join(import.meta.dirname, "server", "cache", "pages.cjs"),
  cacheHandlers: { default: path.join(import.meta.dirname, "server", "cache", "use-cache.cjs") },
  generateBuildId: commitBuildId,
  // forbidden(): a page that is not the viewer's answers 403, not 200 with a refusal in it.
  experimental: { authInterrupts: true },
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
