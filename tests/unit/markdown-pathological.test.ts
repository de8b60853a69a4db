// Pathological bodies at the length cap: each must render to bounded, oracle-clean HTML. There
// are no timing assertions here (machines vary); `npm run bench` prints their render times.
import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "@/lib/markdown/limits";
import { renderMarkdown } from "@/lib/markdown/render";
import { checkHtml } from "@/tests/fixtures/hostile-markdown/oracle";
import { PATHOLOGICAL } from "@/tests/fixtures/pathological-markdown";


function count(html: string, needle: string): number {
  return html.split(needle).length - 1;
}

/** Deepest element nesting in the HTML (tags are well-formed: it came out of a serializer). */
function depth(html: string): number {
  let d = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-z0-9]+)(?:[^a-z0-9>][^>]*)?>/g)) {
    if (["br", "hr", "img"].includes(m[2]!)) continue;
    d += m[1] ? -1 : 1;
    max = Math.max(max, d);
  }
  return max;
}


const rendered = new Map<string, ReturnType<typeof renderMarkdown>>();
/** Each body is big; render it once per run. */
function render(name: keyof typeof PATHOLOGICAL): ReturnType<typeof renderMarkdown> {
  let out = rendered.get(name);
  if (!out) rendered.set(name, (out = renderMarkdown(PATHOLOGICAL[name]!)));
  return out;
}

describe("pathological bodies at the cap", () => {
  it.each(Object.keys(PATHOLOGICAL))("%s renders oracle-clean, bounded HTML", (name) => {
    expect(PATHOLOGICAL[name]!.length).toBeLessThanOrEqual(MAX_BODY_CHARS);
    const out = render(name);
    expect(checkHtml(out.html)).toEqual([]);
    expect(depth(out.html)).toBeLessThanOrEqual(40);
    expect(out.html.length).toBeLessThan(12 * MAX_BODY_CHARS);
  });

  it("caps quote nesting at markdown-it's maxNesting", async () => {
    const { html } = render("10,000+ nested quotes");
    expect(await count(html, "<blockquote>")).toBeLessThanOrEqual(32);
    expect(await count(html, "<blockquote>")).toBe(await count(html, "</blockquote>"));
  });

  it("keeps unclosed brackets and stray stars as text", () => {
    const brackets = render("unclosed brackets");
    expect(brackets.html).toBe(`<p>${"[".repeat(MAX_BODY_CHARS)}</p>\n`);
    const stars = render("link then stars");
    expect(stars.html.startsWith('<p><a href="https://example.com" rel="nofollow ugc noopener">a</a>***')).toBe(true);
  });

  it("unwraps emphasis nested deeper than the inline cap", async () => {
    const { html, text } = render("deep emphasis");
    expect(await count(html, "<strong>")).toBe(16);
    expect(text).toContain("a");
  });

  it("anchors only the first 250 headings, with unique ids", async () => {
    const { html } = render("duplicate headings");
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(250);
    expect(new Set(ids).size).toBe(250);
    expect(await count(html, "<h1")).toBe(25_000);
  });

  it("leaves oversized tables as text", () => {
    expect(render("wide table").html).not.toContain("<table");
    expect(render("table with padded rows").html).not.toContain("<table");
    expect(render("long table").html).not.toContain("<table");
    expect(renderMarkdown("|a|b|\n|-|-|\n|1|2|").html).toContain("<table>");
  });

  it("hides every spoiler line and never leaks one into text", async () => {
    const out = render("spoiler lines");
    expect(await count(out.html, '<span class="spoiler"')).toBe(Math.floor(MAX_BODY_CHARS / 6));
    expect(out.text).not.toMatch(/\ba\b/);
    const quoted = render("quoted spoiler lines");
    expect(quoted.text).not.toMatch(/\bb\b/);
  });
});
