import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeParse from "rehype-parse";
import { unified } from "unified";

// The markup parsed as a browser would, and a few ways to find things in it.
export type Doc = {
  all: (test: (e: Element) => boolean) => Element[];
  one: (test: (e: Element) => boolean) => Element | null;
  byId: (id: string) => Element;
};
export function dom(html: string): Doc & { root: Root } {
  const root = unified().use(rehypeParse, { fragment: true }).parse(html);
  const all = (test: (e: Element) => boolean, from: Root | Element = root): Element[] =>
    from.children.flatMap((c) => (c.type === "element" ? [...(test(c) ? [c] : []), ...all(test, c)] : []));
  const one = (test: (e: Element) => boolean) => all(test)[0] ?? null;
  return { root, all: (t) => all(t), one, byId: (id) => one((e) => e.properties.id === id)! };
}
export const has = (cls: string) => (e: Element) => ((e.properties.className as string[] | undefined) ?? []).includes(cls);
export const tag = (name: string) => (e: Element) => e.tagName === name;
export const kids = (e: Element) => e.children.filter((c): c is Element => c.type === "element");
export const text = (e: Element) => toText(e);

export const p = (e: Element, name: string) => e.properties[name];
