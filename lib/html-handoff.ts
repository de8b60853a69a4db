// Hands a block of HTML from the server render to the HTML render of the same page without
// putting it in the page's payload (components/static-html.tsx). Both renders run in this
// process, milliseconds apart; the last few dozen blocks are kept, enough for the renders under way
// at once (a block is at most a few hundred kB: a page of a thousand comments is about a megabyte).
const KEPT = 32;
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for("marquee.html-handoff")] ??= new Map<string, string>()) as Map<string, string>;

/** Keeps `html` under a key made from its content, so the same block always has the same key. */
export function keepHtml(key: string, html: string): void {
  store.delete(key);
  store.set(key, html);
  if (store.size > KEPT) store.delete(store.keys().next().value!);
}

export const takeHtml = (key: string): string | undefined => store.get(key);
