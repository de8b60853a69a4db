// Which way imports may point (`npm run lint` runs this after eslint):
//   app → components → lib → db, and server/ (the HTTP server) beside app, never importing it.
// The root auth.ts, proxy.ts and instrumentation.ts are Next.js's own files: they belong with app/.
// Type-only imports are not counted (tsPreCompilationDeps: false): they vanish when compiled.
const APP = "^(app/|auth\\.ts$|proxy\\.ts$|instrumentation\\.ts$)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "lib-imports-no-ui",
      comment: "lib/ is the domain: it imports nothing from app/, components/ or server/ (nor the root Next.js files).",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: [APP, "^components/", "^server/"] },
    },
    {
      name: "db-imports-nothing-above",
      comment: "db/ holds the connections and the schema: it imports nothing from lib/ or anything above it.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: [APP, "^components/", "^lib/", "^server/", "^scripts/"] },
    },
    {
      name: "components-through-lib",
      comment: "Components read and write through lib/, never db/ directly, and never import a route or the server.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: [APP, "^db/", "^server/"] },
    },
    {
      name: "app-through-lib",
      comment:
        "Routes read and write through lib/ loaders and verbs, never db/ directly. (auth.ts hands Auth.js's " +
        "database adapter its tables, so it may name them.)",
      severity: "error",
      from: { path: APP, pathNot: "^auth\\.ts$" },
      to: { path: ["^db/", "^server/"] },
    },
    {
      name: "server-imports-no-app",
      comment: "server/ wraps Next.js; it imports nothing from app/ or components/ (a constant from lib/ is fine).",
      severity: "error",
      from: { path: "^server/" },
      to: { path: [APP, "^components/"] },
    },
    {
      name: "no-circular",
      comment: "No import cycles: each module can be understood (and loaded) before the ones that use it.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "An import that resolves to nothing is a typo or a missing package.",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|\\.next|drizzle|data|e2e-data)/" },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    // Unchanged files are not parsed again on the next run.
    cache: { folder: "node_modules/.cache/dependency-cruiser", strategy: "content" },
  },
};
