import type { NextConfig } from "next";

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
  // forbidden(): a page that is not the viewer's answers 403, not 200 with a refusal in it.
  experimental: { authInterrupts: true },
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
