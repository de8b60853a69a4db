import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  cacheComponents: true,
  // `true` doubles the payload of dynamic pages and serves build-time pages after an invalidation.
  partialPrefetching: false,
  poweredByHeader: false,
  reactStrictMode: true,
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
