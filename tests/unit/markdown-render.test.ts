import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS, MAX_COMMENT_CHARS } from "@/lib/markdown/limits";
import { excerptOf, renderMarkdown, RENDERER_VERSION, type RenderOptions } from "@/lib/markdown/render";
import { checkHtml } from "@/tests/fixtures/hostile-markdown/oracle";

const html = (src: string, opts?: RenderOptions) => renderMarkdown(src, opts).html.trim();

describe("renderMarkdown: ordinary markdown", () => {
  it("renders emphasis, strong, strikethrough and code", () => {
    expect(html("**bold** *it* ~~gone~~ `x < y`")).toBe(
      "<p><strong>bold</strong> <em>it</em> <s>gone</s> <code>x &#x3C; y</code></p>",
    );
  });

  it("renders lists, quotes, rules and ordered lists with a start", () => {
    const out = html("- a\n- b\n\n> quoted\n\n---\n\n3. three\n4. four");
    expect(out).toContain("<ul>\n<li>a</li>\n<li>b</li>\n</ul>");
    expect(out).toContain("<blockquote>\n<p>quoted</p>\n</blockquote>");
    expect(out).toContain("<hr>");
    expect(out).toContain('<ol start="3">');
  });

  it("turns single newlines into line breaks", () => {
    expect(html("one\ntwo")).toBe("<p>one<br>\ntwo</p>");
  });

  it("keeps a fenced code block's language as a class and drops a junk one", () => {
    expect(html("```ts\nconst a = 1;\n```")).toBe('<pre><code class="language-ts">const a = 1;\n</code></pre>');
    expect(html('```ts"onclick=x\ny\n```')).toBe("<pre><code>y\n</code></pre>");
  });

  it("aligns table cells with classes, never style", () => {
    const out = html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |");
    expect(out).toContain('<th class="align-left">a</th>');
    expect(out).toContain('<td class="align-center">2</td>');
    expect(out).toContain('<td class="align-right">3</td>');
    expect(out).not.toContain("style");
  });

  it("uses typographic quotes and dashes", () => {
    expect(html('"Heat" -- 1995...')).toBe("<p>“Heat” – 1995…</p>");
  });

  it("escapes raw HTML instead of rendering it", () => {
    expect(html("<b>hi</b>")).toBe("<p>&#x3C;b>hi&#x3C;/b></p>");
  });
});

describe("renderMarkdown: links and images", () => {
  it("marks external links nofollow ugc noopener", () => {
    expect(html("[site](https://example.com/a?b=1)")).toBe(
      '<p><a href="https://example.com/a?b=1" rel="nofollow ugc noopener">site</a></p>',
    );
    expect(html("[site](http://example.com)")).toContain('rel="nofollow ugc noopener"');
  });

  it("leaves relative and mailto links alone", () => {
    expect(html("[r](/films/heat) [p](notes) [f](#cast) [m](mailto:a@example.com)")).toBe(
      '<p><a href="/films/heat">r</a> <a href="notes">p</a> <a href="#cast">f</a> <a href="mailto:a@example.com">m</a></p>',
    );
  });

  it("linkifies bare URLs and lowercases an upper-case scheme", () => {
    expect(html("see https://example.com/x.")).toBe(
      '<p>see <a href="https://example.com/x" rel="nofollow ugc noopener">https://example.com/x</a>.</p>',
    );
    expect(html("<HTTPS://example.com>")).toContain('href="https://example.com"');
  });

  it("keeps disallowed links as plain text", () => {
    expect(html("[x](javascript:alert(1))")).toBe("<p>[x](javascript:alert(1))</p>");
    expect(html("[x](//evil.example)")).toBe("<p>[x](//evil.example)</p>");
    expect(html("[x](tel:123)")).toBe("<p>[x](tel:123)</p>");
  });

  it("keeps https images and lazy-loads them", () => {
    expect(html('![A still](https://img.example/heat.jpg "Heat")')).toBe(
      '<p><img src="https://img.example/heat.jpg" alt="A still" title="Heat" loading="lazy"></p>',
    );
  });

  it("shows the alt text of an image that is not https", () => {
    expect(html("![a still](http://img.example/a.jpg)")).toBe("<p>a still</p>");
    expect(html("![a still](/uploads/a.jpg)")).toBe("<p>a still</p>");
    expect(html("![a <b>still</b>](/a.jpg)")).toBe("<p>a &#x3C;b>still&#x3C;/b></p>");
  });
});

describe("renderMarkdown: headings", () => {
  it("gives each heading a prefixed id and an anchor link", () => {
    expect(html("## The Cast")).toBe(
      '<h2 id="user-content-the-cast">The Cast <a class="heading-anchor" href="#user-content-the-cast" aria-label="Link to this section">#</a></h2>',
    );
  });

  it("de-duplicates slugs within a document", () => {
    const out = html("# Foo\n# Foo\n# Foo-1\n# Foo");
    const ids = [...out.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["user-content-foo", "user-content-foo-1", "user-content-foo-1-1", "user-content-foo-2"]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("slugs Unicode text, and gives an empty heading a fallback", () => {
    expect(html("# Amélie à Paris!")).toContain('id="user-content-amélie-à-paris"');
    expect(html("# ???")).toContain('id="user-content-section"');
  });

  it("starts slug numbering afresh for each document", () => {
    html("# Foo");
    expect(html("# Foo")).toContain('id="user-content-foo"');
  });

  it("never puts spoiler text in a slug", () => {
    expect(html("# Ending: >!Rosebud is a sled!<")).toContain('id="user-content-ending"');
  });

  it("demotes headings two levels in comment mode, capped at h6", () => {
    const out = html("# One\n## Two\n### Three\n#### Four\n##### Five\n###### Six", { demoteHeadings: true });
    expect([...out.matchAll(/<(h\d)\b/g)].map((m) => m[1])).toEqual(["h3", "h4", "h5", "h6", "h6", "h6"]);
    expect(html("# Title", { demoteHeadings: true })).toBe("<h3>Title</h3>");
    expect(html("Title\n=====", { demoteHeadings: true })).toBe("<h3>Title</h3>");
  });

  it("leaves comment headings without ids unless asked, so a page's ids stay unique", () => {
    expect(html("# Title", { demoteHeadings: true, anchorHeadings: true })).toMatch(/^<h3 id="user-content-title">Title <a class="heading-anchor"/);
    expect(html("# Title", { anchorHeadings: false })).toBe("<h1>Title</h1>");
  });
});

describe("renderMarkdown: spoilers", () => {
  it("wraps >!…!< in a focusable spoiler span and keeps it out of text and excerpt", () => {
    const out = renderMarkdown("The end: >!secret!< ok");
    expect(out.html.trim()).toBe('<p>The end: <span class="spoiler" tabindex="0">secret</span> ok</p>');
    expect(out.hasSpoilers).toBe(true);
    expect(out.text).toBe("The end: [spoiler] ok");
    expect(out.excerpt).toBe("The end: [spoiler] ok");
    expect(out.text).not.toContain("secret");
  });

  it("renders inline markdown inside a spoiler", () => {
    expect(html(">!**Keyser** is [Verbal](https://example.com)!<")).toBe(
      '<p><span class="spoiler" tabindex="0"><strong>Keyser</strong> is <a href="https://example.com" rel="nofollow ugc noopener">Verbal</a></span></p>',
    );
  });

  it("treats a line starting with >! as a spoiler, not a quote", () => {
    expect(html(">!Bruce Willis was dead!<")).toBe('<p><span class="spoiler" tabindex="0">Bruce Willis was dead</span></p>');
    const quoted = renderMarkdown("> a quote\n>!the twist!<\n> more");
    expect(quoted.html).toContain('<span class="spoiler" tabindex="0">the twist</span>');
    expect(quoted.text).not.toContain("twist");
  });

  it("allows a spoiler across lines of one paragraph", () => {
    const out = renderMarkdown(">!first line\nsecond line!<");
    expect(out.html).toContain('<span class="spoiler" tabindex="0">first line<br>\nsecond line</span>');
    expect(out.text).toBe("[spoiler]");
  });

  it("leaves unmatched markers and quotes alone", () => {
    expect(html("a >! b")).toBe("<p>a >! b</p>");
    expect(html("> quote")).toBe("<blockquote>\n<p>quote</p>\n</blockquote>");
    expect(html(">!! no")).toBe("<blockquote>\n<p>!! no</p>\n</blockquote>");
    expect(html("`>!code!<`")).toBe("<p><code>>!code!&#x3C;</code></p>");
    expect(renderMarkdown("no spoilers").hasSpoilers).toBe(false);
  });

  it("keeps spoiler text out of text when it is an image's alt text", () => {
    const out = renderMarkdown(">!![Rosebud](https://img.example/sled.jpg)!<");
    expect(out.html).toContain('alt="Rosebud"');
    expect(out.text).toBe("[spoiler]");
  });
});

describe("renderMarkdown: text, excerpt and stats", () => {
  it("derives plain text with block breaks and no heading anchors", () => {
    const out = renderMarkdown("# Heat\n\nA *great* film.\n\n- one\n- two");
    expect(out.text).toBe("Heat\n\nA great film.\n\none\ntwo");
  });

  it("cuts the excerpt at a word boundary with an ellipsis", () => {
    const body = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    const { excerpt } = renderMarkdown(body);
    expect(excerpt.endsWith("…")).toBe(true);
    expect(excerpt.length).toBeLessThanOrEqual(281);
    expect(excerpt.length).toBeGreaterThan(200);
    expect(body.startsWith(excerpt.slice(0, -1))).toBe(true);
    expect(body.charAt(excerpt.length - 1)).toBe(" ");
  });

  it("hard-cuts a single enormous word and never splits a surrogate pair", () => {
    expect(excerptOf("x".repeat(1000))).toBe(`${"x".repeat(280)}…`);
    const emoji = excerptOf("🎬".repeat(500));
    expect(emoji.endsWith("…")).toBe(true);
    expect(/[\uD800-\uDBFF]…$/.test(emoji)).toBe(false);
  });

  it("returns short text whole and flattens whitespace", () => {
    expect(excerptOf("a\n\nb   c")).toBe("a b c");
    expect(renderMarkdown("").excerpt).toBe("");
  });

  it("counts words and reading time from the source", () => {
    const out = renderMarkdown(`${"word ".repeat(231)}`);
    expect(out.words).toBe(231);
    expect(out.readingMinutes).toBe(2);
    expect(renderMarkdown("").readingMinutes).toBe(0);
    expect(renderMarkdown("Hi").readingMinutes).toBe(1);
  });
});

describe("renderMarkdown: limits", () => {
  it("exports the limits and a renderer version", () => {
    expect(MAX_BODY_CHARS).toBe(100_000);
    expect(MAX_COMMENT_CHARS).toBe(10_000);
    expect(RENDERER_VERSION).toBeGreaterThanOrEqual(1);
  });

  it("renders exactly MAX_BODY_CHARS and refuses one more", () => {
    expect(() => renderMarkdown("a".repeat(MAX_BODY_CHARS))).not.toThrow();
    expect(() => renderMarkdown("a".repeat(MAX_BODY_CHARS + 1))).toThrow(RangeError);
  });

  it("produces oracle-clean output for all of the above", () => {
    const samples = ["**b**", "## h", ">!s!<", "[l](https://x.example)", "![i](https://x.example/i.png)", "| a |\n|:-:|\n| b |"];
    for (const s of samples) expect(checkHtml(renderMarkdown(s).html)).toEqual([]);
  });
});
