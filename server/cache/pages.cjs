// Next.js's page cache handler (next.config.ts cacheHandler): Next.js's own, keeping rendered pages
// in this process's memory only, with the tag manifest brought up to date from the database before
// each lookup (server/shared-tags.ts). Nothing is written to .next: processes on one host would
// otherwise share files one of them may be rewriting. Loaded by Next.js itself, hence CommonJS.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

const shared = () => globalThis[Symbol.for("marquee.shared-tags")];

module.exports = class MarqueePageCache extends FileSystemCache {
  constructor(ctx) {
    // While serving (the server registered the sync); `next build` writes its pages as usual.
    super({ ...ctx, flushToDisk: shared() ? false : ctx.flushToDisk });
  }

  async get(...args) {
    await shared()?.sync();
    return super.get(...args);
  }
};
