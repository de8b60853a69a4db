// The production server (`npm start` runs it after building; its PID is the server's):
// Next.js's request handler behind the security headers every response carries.
import path from "node:path";
import { fail, startMarquee } from "./main";

// Next.js types NODE_ENV as read-only; it is this process's to set, before Next.js loads.
Object.assign(process.env, { NODE_ENV: "production" });
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

startMarquee({ root: path.resolve(__dirname, ".."), dev: false }).catch(fail);
