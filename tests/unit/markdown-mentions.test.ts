import { describe, expect, it } from "vitest";
import { MAX_MENTIONS, MENTION_CLASS, mentionCandidates } from "@/lib/markdown/mentions";
import { EXCERPT_CHARS, excerptOfHtml, renderMarkdown } from "@/lib/markdown/render";

// Lower-cased name → username, as knownMentions hands it over for the members who exist.
const KNOWN = new Map([
  ["mara", "Mara"],
  ["femi", "femi"],
  ["ines_b", "Ines_B"],
]);
const render = (src: string, mentions: ReadonlyMap<string, string> = KNOWN) => renderMarkdown(src, { mentions });
const html = (src: string, mentions?: ReadonlyMap<string, string>) => render(src, mentions).html.trim();
const link = (username: string, shown: string) => `<a href="/u/${username}" class="${MENTION_CLASS}">@${shown}</a>`;

describe("renderMarkdown: @mentions", () => {
  it("links a known name to the member's profile with the mention class, keeping the case typed", () => {
    const out = render("Hi @mara and @FEMI!");
    expect(out.html.trim()).toBe(`<p>Hi ${link("Mara", "mara")} and ${link("femi", "FEMI")}!</p>`);
    expect(out.mentioned).toEqual(["mara", "femi"]);
    // The text surfaces keep the mention as typed.
    expect(out.text).toBe("Hi @mara and @FEMI!");
    // Nothing else on the link: no rel, no target, no title.
    expect(out.html.match(/<a\s[^>]*>/g)).toEqual(['<a href="/u/Mara" class="mention">', '<a href="/u/femi" class="mention">']);
  });

  it("leaves names that are not in the map as plain text, and reports only the linked ones", () => {
    const out = render("@mara_x and @ines_b, @nobody");
    expect(out.html.trim()).toBe(`<p>@mara_x and ${link("Ines_B", "ines_b")}, @nobody</p>`);
    expect(out.mentioned).toEqual(["ines_b"]);
  });

  it("links nothing without a map, or with an empty one", () => {
    for (const opts of [{}, { mentions: new Map<string, string>() }]) {
      const out = renderMarkdown("Thanks @mara", opts);
      expect(out.html.trim()).toBe("<p>Thanks @mara</p>");
      expect(out.mentioned).toEqual([]);
    }
  });

  it("names a member once in `mentioned`, however often they are mentioned", () => {
    const out = render("@mara, @Mara and @MARA again");
    expect(out.html.match(/class="mention"/g)).toHaveLength(3);
    expect(out.mentioned).toEqual(["mara"]);
  });

  it("does not link inside links, inline code or code blocks", () => {
    const out = render("[see @mara](https://example.com) and `@femi`\n\n```\n@ines_b\n```\n\n    @mara indented");
    expect(out.html).not.toContain("class=\"mention\"");
    expect(out.html).toContain('<a href="https://example.com" rel="nofollow ugc noopener">see @mara</a>');
    expect(out.html).toContain("<code>@femi</code>");
    expect(out.html).toContain("<pre><code>@ines_b\n</code></pre>");
    expect(out.mentioned).toEqual([]);
  });

  it("does not take part of an email address, a URL, a path or another handle for a mention", () => {
    for (const src of [
      "write to a@mara.com",
      "x@femi",
      "mara@example.com",
      "https://example.com/@mara",
      "/@mara -@mara .@mara @@mara",
      "@mara@femi",
      "x\\@mara",
    ]) {
      const out = render(src);
      expect(out.html, src).not.toContain('class="mention"');
      expect(out.mentioned, src).toEqual([]);
    }
  });

  it("links a mention next to punctuation, inside emphasis, headings, quotes, lists and spoilers", () => {
    expect(html("(@mara) @femi's, @ines_b.")).toBe(`<p>(${link("Mara", "mara")}) ${link("femi", "femi")}’s, ${link("Ines_B", "ines_b")}.</p>`);
    expect(html("**@mara**")).toBe(`<p><strong>${link("Mara", "mara")}</strong></p>`);
    expect(html("> quote @femi\n\n- item @mara")).toBe(
      `<blockquote>\n<p>quote ${link("femi", "femi")}</p>\n</blockquote>\n<ul>\n<li>item ${link("Mara", "mara")}</li>\n</ul>`,
    );
    expect(html("# Hello @mara")).toContain(`Hello ${link("Mara", "mara")}`);
    const spoiler = render("The killer is >!@femi!<");
    expect(spoiler.html).toContain(`<span class="spoiler" tabindex="0">${link("femi", "femi")}</span>`);
    // A mention inside a spoiler stays out of the spoiler-free text.
    expect(spoiler.text).toBe("The killer is [spoiler]");
  });

  it("needs 3 to 24 name characters after the @", () => {
    const map = new Map([
      ["ab", "ab"],
      ["abc", "abc"],
      ["a".repeat(24), "a".repeat(24)],
      ["a".repeat(25), "a".repeat(25)],
    ]);
    expect(render("@ab @abc", map).mentioned).toEqual(["abc"]);
    expect(render(`@${"a".repeat(24)}`, map).mentioned).toEqual(["a".repeat(24)]);
    expect(render(`@${"a".repeat(25)}`, map).mentioned).toEqual([]);
  });

  it("cannot be steered into a hostile link: the href is the username from the map, never the text", () => {
    const out = render("@mara", new Map([["mara", "Mara"]]));
    expect(out.html.trim()).toBe(`<p>${link("Mara", "mara")}</p>`);
    // A hand-written "mention" link is escaped text (raw HTML is off), and a name in the map links
    // to the map's username even when typed in another case.
    const forged = html("<a class=mention href=/u/x>@x</a>");
    expect(forged).not.toMatch(/<a\s/);
    expect(html("@MARA", new Map([["mara", "Mara"]]))).toBe(`<p>${link("Mara", "MARA")}</p>`);
  });
});

describe("mentionCandidates", () => {
  it("gives the distinct lower-cased names, first ones first", () => {
    expect(mentionCandidates("@Mara then @femi then @MARA and @ines_b")).toEqual(["mara", "femi", "ines_b"]);
    expect(mentionCandidates("no one here, a@b.com")).toEqual([]);
  });

  it(`stops at MAX_MENTIONS (${MAX_MENTIONS}) names`, () => {
    const names = Array.from({ length: MAX_MENTIONS + 5 }, (_, i) => `viewer${i}`);
    expect(mentionCandidates(names.map((n) => `@${n}`).join(" "))).toEqual(names.slice(0, MAX_MENTIONS));
  });

  it("finds every name that renderMarkdown would link, so a mention the renderer links is never missed by the lookup", () => {
    // The lookup (knownMentions) only asks about these candidates: a name the renderer would link
    // but the candidates miss can never become a mention.
    for (const src of ["**@mara**", "*@femi*", "~~@mara~~", "(@mara)", ">!@ines_b!<", "# @mara", "[x](/y) @femi"]) {
      const linked = render(src).mentioned;
      expect(linked.length, src).toBeGreaterThan(0);
      expect(mentionCandidates(src), src).toEqual(expect.arrayContaining(linked));
    }
  });

  it("finds a name mentioned in underscore emphasis, which the renderer links", () => {
    // `_@femi_` renders as <em><a class="mention">@femi</a></em> when femi is in the map. In the
    // source the closing "_" reads as part of the name, so the candidates give the name as typed
    // and, without its trailing underscores, the bare name: knownMentions can find femi either way.
    expect(mentionCandidates("_@femi_")).toEqual(["femi_", "femi"]);
    expect(mentionCandidates("__@femi__ and _@ines_b_")).toEqual(["femi__", "femi", "ines_b_", "ines_b"]);
    // The bare name is added only when it is still a name (3+ characters), and never twice.
    expect(mentionCandidates("_@ab_ and _@abc__")).toEqual(["ab_", "abc__", "abc"]);
    expect(mentionCandidates("_@femi_ @femi")).toEqual(["femi_", "femi"]);
    // Given a map holding what the candidates found, the renderer links femi inside the emphasis.
    const found = new Map(mentionCandidates("_@femi_").filter((n) => KNOWN.has(n)).map((n) => [n, KNOWN.get(n)!]));
    expect([...found.keys()]).toEqual(["femi"]);
    const out = render("_@femi_", found);
    expect(out.mentioned).toEqual(["femi"]);
    expect(out.html.trim()).toBe(`<p><em>${link("femi", "femi")}</em></p>`);
    // Still not a mention: an @ right after a letter or digit.
    expect(mentionCandidates("snake_case@femi femi_2@mara")).toEqual([]);
  });
});

describe("excerptOfHtml", () => {
  it("gives the stored HTML's words on one line, spoilers replaced, mentions as typed", () => {
    const stored = render("Hello >!Harry dies!< world\n\n**@mara** was right\n\n- a\n- b").html;
    expect(excerptOfHtml(stored)).toBe("Hello [spoiler] world @mara was right a b");
  });

  it("cuts at a word with an ellipsis, at EXCERPT_CHARS by default or at the limit given", () => {
    const words = "zither ".repeat(100).trim();
    const stored = renderMarkdown(words).html;
    const short = excerptOfHtml(stored, 40);
    expect(short).toBe(`${"zither ".repeat(5).trim()}…`);
    const long = excerptOfHtml(stored);
    expect(long.endsWith("…")).toBe(true);
    expect(long.length).toBeLessThanOrEqual(EXCERPT_CHARS + 1);
    expect(long.slice(0, -1).split(" ").every((w) => w === "zither")).toBe(true);
    expect(excerptOfHtml(renderMarkdown("Short one.").html)).toBe("Short one.");
  });

  it("never shows spoiler text, even when the spoiler falls at the cut", () => {
    const stored = renderMarkdown(`${"word ".repeat(30)}>!the secret ending is here!< after`).html;
    for (const max of [20, 150, 160, 170, 280]) expect(excerptOfHtml(stored, max)).not.toMatch(/secret|ending/);
  });
});
