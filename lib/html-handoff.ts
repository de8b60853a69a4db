// Hands a block of HTML from the server render to the HTML render of the same page without
// putting it in the page's payload (components/static-html.tsx). Both renders run in this
// process, milliseconds apart, so a block is needed for a moment only; the last 512 are kept
// (far more than renders ever run at once here), and the same block rendered again is kept once,
// under a key made from its content. No clock: reading the time in a render of a cached page is
// refused by Next.js.
const KEPT = 512;
const store = ((globalThis as Record<symbol, unknown>)[Symbol.for("marquee.html-handoff")] ??= new Map<string, string>()) as Map<string, string>;

export function keepHtml(key: string, html: string): void {
  store.delete(key);
  store.set(key, html);
  if (store.size > KEPT) store.delete(store.keys().next().value!);
}

export const takeHtml = (key: string): string | undefined => store.get(key);
