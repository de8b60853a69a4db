// Hands a block of HTML from the server render to the HTML render of the same page without
// putting it in the page's payload (components/static-html.tsx). Both renders run in this
// process, milliseconds apart. A block is kept for a while after its last use, however many
// renders run at once (a count limit could drop a block a render still needs); the same block
// rendered again is kept once, under a key made from its content.
const KEEP_MS = 30_000;
type Kept = { html: string; at: number };
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for("marquee.html-handoff")] ??= new Map<string, Kept>()) as Map<string, Kept>;

export function keepHtml(key: string, html: string, now = Date.now()): void {
  store.delete(key);
  store.set(key, { html, at: now });
  // Oldest first: stop at the first block still in its time.
  for (const [k, kept] of store) {
    if (now - kept.at < KEEP_MS) break;
    store.delete(k);
  }
}

export const takeHtml = (key: string): string | undefined => store.get(key)?.html;
