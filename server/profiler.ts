// A CPU profile of a running server, on demand: with MARQUEE_CPU_PROFILE_DIR set, SIGUSR2 starts
// V8's sampling profiler and the next SIGUSR2 writes what it saw to <dir>/cpu-<time>.cpuprofile
// (the format Chrome's DevTools open). `npm run bench` profiles its upvotes and comments this way.
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";

// Microseconds between samples: fine enough for a request of a few milliseconds.
const SAMPLING_INTERVAL_US = 200;

export function profileOnSignal(dir: string | undefined) {
  if (!dir) return;
  let session: Session | null = null;
  process.on("SIGUSR2", () => {
    void (async () => {
      if (!session) {
        session = new Session();
        session.connect();
        await session.post("Profiler.enable");
        await session.post("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
        await session.post("Profiler.start");
        return;
      }
      const { profile } = await session.post("Profiler.stop");
      session.disconnect();
      session = null;
      fs.mkdirSync(dir, { recursive: true });
      const file = path.join(dir, `cpu-${Date.now()}.cpuprofile`);
      // Written under another name first, so a reader never sees half a profile.
      fs.writeFileSync(`${file}.partial`, JSON.stringify(profile));
      fs.renameSync(`${file}.partial`, file);
    })().catch((err: unknown) => console.error("marquee: the CPU profile failed:", err));
  });
}
