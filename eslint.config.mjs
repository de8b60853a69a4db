import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import drizzle from "eslint-plugin-drizzle";
import regexp from "eslint-plugin-regexp";

export default tseslint.config(
  { ignores: [".shots/**", ".next/**", "node_modules/**", "data/**", "e2e-data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "drizzle/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Every regular expression, user text or not: no super-linear backtracking or moves, so no
  // input can make a match take more than linear time.
  regexp.configs["flat/recommended"],
  {
    rules: {
      "regexp/no-super-linear-backtracking": ["error", { report: "potential" }],
      "regexp/no-super-linear-move": ["error", { report: "potential" }],
    },
  },
  {
    plugins: { "react-hooks": reactHooks, drizzle },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // An update or delete without `where` touches every row.
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": ["error", { allow: ["warn", "error", "log"] }],
    },
  },
  // A promise nobody awaits: a write dropped inside a transaction would run after its commit, and
  // an error in it would be lost. Typed rules, so only for the TypeScript the project compiles.
  {
    files: ["{app,components,lib,db,scripts,server,tests}/**/*.{ts,tsx}", "*.ts"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      // Not await-thenable: verbs await every Drizzle call, which better-sqlite3 answers synchronously
      // and PostgreSQL with a promise; the awaits are what let one verb run on both.
      // React ignores what an event handler returns; an async one (a form's onSubmit) catches its own errors.
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  // The write connection without its lock is for tests and the large seed, which run alone; the app
  // writes only through writeTx, so no request's statement can land inside another's transaction.
  {
    files: ["{app,components,lib,server}/**/*.{ts,tsx}", "*.ts"],
    ignores: ["lib/seed/large/**"],
    rules: {
      "no-restricted-imports": ["error", { paths: [{ name: "@/db", importNames: ["unlockedWriter"], message: "Write through write() or writeTx: the unlocked writer is for tests and the large seed." }] }],
    },
  },
  // Queries run the same way on SQLite and PostgreSQL (db/query.ts): awaited, never through
  // SQLite's synchronous `.get()`, `.all()` and `.run()`, its `$client` or its synchronous
  // transactions, which PostgreSQL's Drizzle lacks.
  {
    files: ["{app,components,lib,server,scripts}/**/*.{ts,tsx}", "db/*.ts", "*.ts"],
    // db/tag-reader.ts is a SQLite connection and a PostgreSQL one of its own, each driven as its driver is.
    ignores: ["db/index.ts", "db/query.ts", "db/backup.ts", "db/copy.ts", "db/tag-reader.ts", "lib/seed/large/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(get|all|run)$/]", message: "SQLite-only: await the query (db/query.ts: first(), or the rows)." },
        { selector: "CallExpression > MemberExpression.callee[object.callee.name='preparedOn'] > Identifier.property[name=/^(get|all|run)$/]", message: "SQLite-only: await P.execute({ … }) (db/query.ts: first() for one row)." },
        { selector: "CallExpression > MemberExpression.callee[object.name=/^(db|tx|conn|c|writer)$/] > Identifier.property[name=/^(get|all|run|values)$/]", message: "SQLite-only raw SQL: use rawRows, rawFirst or rawRun (db/query.ts)." },
        { selector: "CallExpression > MemberExpression.callee[object.property.name=/^(db|tx)$/] > Identifier.property[name=/^(get|all|run|values)$/]", message: "SQLite-only raw SQL: use rawRows, rawFirst or rawRun (db/query.ts)." },
        { selector: "MemberExpression > Identifier.property[name='$client']", message: "The driver differs by dialect: use db/query.ts (rawRows, rawFirst, rawRun)." },
        { selector: "CallExpression > MemberExpression.callee > Identifier.property[name='transaction']", message: "Write through write() or writeTx, which run on both dialects." },
      ],
    },
  },
  {
    files: ["*.cjs", "server/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly", globalThis: "readonly", Symbol: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["scripts/**/*.mjs", "tests/e2e/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly" } },
  },
);
