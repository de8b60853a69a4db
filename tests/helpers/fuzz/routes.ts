import fs from "node:fs";
import path from "node:path";

// Every route handler of the app, and what a request to it is made of. The fuzz spec posts to
// each one; `routeFilesOnDisk` and `formTargetsInSource` let it check that this table names every
// handler and every form's target, so a new route cannot go unfuzzed.

/** What a path parameter is taken from: real rows of the e2e database, or hostile text. */
export type ParamKind = "review" | "comment" | "notification" | "username" | "avatar-file" | "auth";

export type FuzzRoute = {
  /** The handler's file, relative to the repository. */
  file: string;
  method: "GET" | "POST";
  /** The address, with `[param]` where a parameter goes. */
  template: string;
  /** How the handler reads its input. */
  body: "form" | "json" | "multipart" | "query" | "none";
  /** Field (or query) names the handler reads. */
  fields: string[];
  param?: ParamKind;
  /** A signed-out request may write rows on success (a sign-up, a counted view). */
  anonymousWrites?: boolean;
  /** A success ends the session that sent it: the member's runs each sign in afresh. */
  endsSession?: boolean;
};

const REVIEW_FIELDS = ["title", "body", "score", "tags", "hasSpoilers", "intent", "reason", "filmId", "filmTitle", "filmYear"];

export const ROUTES: FuzzRoute[] = [
  { file: "app/api/auth/[...nextauth]/route.ts", method: "GET", template: "/api/auth/[...nextauth]", body: "query", fields: ["callbackUrl", "error", "code", "state"], param: "auth" },
  { file: "app/api/auth/[...nextauth]/route.ts", method: "POST", template: "/api/auth/[...nextauth]", body: "form", fields: ["csrfToken", "callbackUrl", "ticket", "username", "password"], param: "auth" },
  { file: "app/api/comments/[id]/delete/route.ts", method: "POST", template: "/api/comments/[id]/delete", body: "none", fields: [], param: "comment" },
  { file: "app/api/comments/[id]/edit/route.ts", method: "POST", template: "/api/comments/[id]/edit", body: "form", fields: ["body", "reason"], param: "comment" },
  { file: "app/api/comments/handoff/route.ts", method: "POST", template: "/api/comments/handoff", body: "form", fields: ["to", "js", "back", "reviewId", "parentId", "body"] },
  { file: "app/api/comments/route.ts", method: "POST", template: "/api/comments", body: "form", fields: ["reviewId", "parentId", "body", "identifier", "password"] },
  { file: "app/api/films/route.ts", method: "GET", template: "/api/films", body: "query", fields: ["q"] },
  { file: "app/api/health/route.ts", method: "GET", template: "/api/health", body: "query", fields: [] },
  { file: "app/api/notifications/[id]/route.ts", method: "GET", template: "/api/notifications/[id]", body: "query", fields: [], param: "notification" },
  { file: "app/api/notifications/[id]/route.ts", method: "POST", template: "/api/notifications/[id]", body: "none", fields: [], param: "notification" },
  { file: "app/api/notifications/read/route.ts", method: "POST", template: "/api/notifications/read", body: "form", fields: ["id", "all", "back"] },
  { file: "app/api/preview/route.ts", method: "POST", template: "/api/preview", body: "json", fields: ["body"] },
  { file: "app/api/ranking/me/route.ts", method: "GET", template: "/api/ranking/me", body: "query", fields: ["by", "period"] },
  { file: "app/api/reviews/[id]/delete/route.ts", method: "POST", template: "/api/reviews/[id]/delete", body: "none", fields: [], param: "review" },
  { file: "app/api/reviews/[id]/edit/route.ts", method: "POST", template: "/api/reviews/[id]/edit", body: "form", fields: REVIEW_FIELDS, param: "review" },
  { file: "app/api/reviews/route.ts", method: "POST", template: "/api/reviews", body: "form", fields: REVIEW_FIELDS },
  { file: "app/api/settings/avatar/route.ts", method: "POST", template: "/api/settings/avatar", body: "multipart", fields: ["avatar", "remove"] },
  { file: "app/api/settings/delete/route.ts", method: "POST", template: "/api/settings/delete", body: "form", fields: ["username", "currentPassword"] },
  { file: "app/api/settings/email/route.ts", method: "POST", template: "/api/settings/email", body: "form", fields: ["email", "currentPassword"] },
  { file: "app/api/settings/notifications/route.ts", method: "POST", template: "/api/settings/notifications", body: "form", fields: ["notifyReviewReplies", "notifyCommentReplies", "notifyMentions", "notifyMilestones", "notifyBadges", "badgeAnnouncements"] },
  { file: "app/api/settings/password/route.ts", method: "POST", template: "/api/settings/password", body: "form", fields: ["currentPassword", "newPassword", "confirmPassword"] },
  { file: "app/api/settings/profile/route.ts", method: "POST", template: "/api/settings/profile", body: "form", fields: ["name", "bio"] },
  { file: "app/api/signin/provider/route.ts", method: "POST", template: "/api/signin/provider", body: "form", fields: ["provider", "callbackUrl"] },
  { file: "app/api/signin/route.ts", method: "POST", template: "/api/signin", body: "form", fields: ["identifier", "password", "callbackUrl"] },
  { file: "app/api/signout/route.ts", method: "POST", template: "/api/signout", body: "none", fields: [], endsSession: true },
  { file: "app/api/signup/route.ts", method: "POST", template: "/api/signup", body: "form", fields: ["username", "email", "password", "displayName", "callbackUrl"], anonymousWrites: true },
  { file: "app/api/viewer/route.ts", method: "GET", template: "/api/viewer", body: "query", fields: ["review"] },
  { file: "app/api/views/route.ts", method: "POST", template: "/api/views", body: "json", fields: ["postId"], anonymousWrites: true },
  { file: "app/api/votes/route.ts", method: "POST", template: "/api/votes", body: "form", fields: ["type", "id", "value", "back"] },
  { file: "app/avatar/[username]/route.ts", method: "GET", template: "/avatar/[username]", body: "query", fields: [], param: "username" },
  { file: "app/avatars/[file]/route.ts", method: "GET", template: "/avatars/[file]", body: "query", fields: [], param: "avatar-file" },
];

const root = path.resolve(__dirname, "..", "..", "..");

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** Every route handler file under app/ (route groups included), relative to the repository. */
export function routeFilesOnDisk(): string[] {
  return walk(path.join(root, "app"))
    .filter((f) => /^route\.(?:ts|tsx|js|mjs)$/.test(path.basename(f)))
    .map((f) => path.relative(root, f).split(path.sep).join("/"))
    .sort();
}

/** The HTTP methods a route file exports (`export async function POST`, `export const { GET, POST }`). */
export function methodsOf(file: string): string[] {
  const src = fs.readFileSync(path.join(root, file), "utf8");
  const found = new Set<string>();
  for (const m of ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]) {
    if (new RegExp(`export\\s+(?:async\\s+)?function\\s+${m}\\b`).test(src)) found.add(m);
    if (new RegExp(`export\\s+const\\s*\\{[^}]*\\b${m}\\b[^}]*\\}`).test(src)) found.add(m);
  }
  return [...found].sort();
}

/** A template with every parameter written alike, so `${id}` in a form matches `[id]` on disk. */
export const shapeOf = (template: string) => template.replace(/\[[^\]/[]+\]/g, "[*]");

/**
 * Where every form in app/ and components/ posts, as templates: an interpolated segment becomes a
 * parameter, an interpolated tail (a query string) is dropped.
 */
export function formTargetsInSource(): string[] {
  const files = [...walk(path.join(root, "app")), ...walk(path.join(root, "components"))].filter((f) => /\.tsx?$/.test(f));
  const targets = new Set<string>();
  for (const f of files) {
    const src = fs.readFileSync(f, "utf8");
    for (const m of src.matchAll(/\b(?:action|formAction)=\{?\s*["'`]([^"'`]*)["'`]/g)) {
      const raw = m[1]!;
      if (!raw.startsWith("/")) continue;
      const shaped = raw
        .split("/")
        .map((seg) => (/^\$\{[^}]*\}$/.test(seg) ? "[*]" : seg.replace(/\$\{[^}]*\}$/, "")))
        .join("/");
      const tail = shaped.search(/[?#]/);
      targets.add(tail === -1 ? shaped : shaped.slice(0, tail));
    }
  }
  return [...targets].sort();
}
