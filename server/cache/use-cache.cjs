// Next.js's "use cache" handler (next.config.ts cacheHandlers.default): its own in-memory store,
// per process, with the tag manifest brought up to date from the database first
// (server/shared-tags.ts). Loaded by Next.js itself, outside the app's bundle, hence plain CommonJS.
const { createDefaultCacheHandler } = require("next/dist/server/lib/cache-handlers/default");

const store = createDefaultCacheHandler(50 * 1024 * 1024);
const shared = () => globalThis[Symbol.for("marquee.shared-tags")];

/** @type {import("next/dist/server/lib/cache-handlers/types").CacheHandler} */
module.exports = {
  get: (cacheKey, softTags) => store.get(cacheKey, softTags),
  set: (cacheKey, pendingEntry) => store.set(cacheKey, pendingEntry),
  // Once per request, before its first read from this store.
  async refreshTags() {
    await shared()?.sync();
  },
  async getExpiration(tags) {
    await shared()?.sync();
    return store.getExpiration(tags);
  },
  // This process at once; every other one through the rows the write committed with.
  updateTags: (tags, durations) => store.updateTags(tags, durations),
};
