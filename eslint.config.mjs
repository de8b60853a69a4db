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
  {
    files: ["*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { module: "writable", require: "readonly" } },
  },
  {
    files: ["scripts/**/*.mjs", "tests/e2e/**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly", fetch: "readonly", setTimeout: "readonly" } },
  },
);
