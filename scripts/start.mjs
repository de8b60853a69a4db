// `npm start`: build if needed, then serve. Migrations, the first-run seed and a generated
// AUTH_SECRET happen when the server process starts (instrumentation.ts).
import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "./build-if-needed.mjs";

const root = path.resolve(import.meta.dirname, "..");
build();

const port = process.env.PORT || "3000";
console.log(`marquee: serving on http://localhost:${port}`);
// The server is TypeScript (server/serve.ts), run through tsx's loader in a plain node process.
const server = spawn(process.execPath, ["--import", "tsx", path.join(root, "server", "serve.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PORT: port, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
