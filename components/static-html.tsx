import "server-only";
import { createHash } from "node:crypto";
import { keepHtml } from "@/lib/html-handoff";
import { StaticHtmlBlock } from "./static-html-block";

/**
 * A large block of HTML assembled on the server (a discussion), sent once: in the page's HTML,
 * and not again in the payload the App Router adds for the browser, which would more than double
 * it (every `<` and `"` escaped). The block is handed to the HTML render by key; in the browser
 * React keeps what the server sent, and after a move within the site it is read from `src`.
 */
export function StaticHtml({ html, id, className, src, testId }: { html: string; id: string; className?: string; src: string; testId?: string }) {
  const key = html ? createHash("sha256").update(html).digest("base64url").slice(0, 22) : "";
  if (key) keepHtml(key, html);
  return <StaticHtmlBlock k={key} id={id} className={className} src={src} testId={testId} />;
}
