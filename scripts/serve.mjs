// The production server, for callers that start it by this script (scripts/bench, e2e specs): it
// runs server/serve.ts in this same process, so this process's PID is the server's.
import "tsx";

await import("../server/serve.ts");
