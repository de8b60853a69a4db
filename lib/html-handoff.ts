// Hands a block of HTML from the server render to the HTML render of the same page without
// putting it in the page's payload (lib/../components/static-html.tsx). Both renders run in this
// process, one right after the other; a few hundred blocks are kept for renders under way.
const KEPT = 256;
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for("marquee.html-handoff")] ??= new Map<string, string>()) as Map<string, string>;

/** Keeps `html` under a key made from its content, so the same block always has the same key. */
export function keepHtml(key: string, html: string): void {
  store.delete(key);
  store.set(key, html);
  if (store.size > KEPT) store.delete(store.keys().next().value!);
}

export const takeHtml = (key: string): string | undefined => store.get(key);
