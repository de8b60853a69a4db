// `npm run dev`: the development bundler behind the same handler, headers and CSP as production.
import path from "node:path";
import { fail, startMarquee } from "./main";

// Next.js types NODE_ENV as read-only; it is this process's to set, before Next.js loads.
Object.assign(process.env, { NODE_ENV: "development" });

startMarquee({ root: path.resolve(__dirname, ".."), dev: true }).catch(fail);
