import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";
import { listedExcerpt, mayHoldInlineSpoiler, reviewDescription, SPOILER_PLACEHOLDER } from "@/lib/markdown/spoiler-safe";

describe("spoiler-safe text", () => {
  it("plain text and excerpts carry the placeholder, never the spoiler's words", () => {
    const out = renderMarkdown("## The end >!he dies!<\n\nIt was >!all a dream!< and **great**.");
    expect(out.text).not.toMatch(/dies|dream/);
    expect(out.excerpt).toBe(`The end ${SPOILER_PLACEHOLDER} It was ${SPOILER_PLACEHOLDER} and great.`);
    expect(out.hasSpoilers).toBe(true);
  });

  it("a flagged review shows no excerpt in lists and only its film in its description", () => {
    const review = { hasSpoilers: true, excerpt: "The twist is", film: { title: "Vertigo" } };
    expect(listedExcerpt(review)).toBe("");
    expect(reviewDescription(review)).toBe("A review of Vertigo (contains spoilers).");
    const plain = { ...review, hasSpoilers: false };
    expect(listedExcerpt(plain)).toBe("The twist is");
    expect(reviewDescription(plain)).toBe("The twist is");
  });

  it("Markdown that opens an inline spoiler anywhere may hold one", () => {
    expect(mayHoldInlineSpoiler("fine >!secret!< text")).toBe(true);
    expect(mayHoldInlineSpoiler(">!starts a line!<")).toBe(true);
    expect(mayHoldInlineSpoiler("> a quote! <")).toBe(false);
  });
});
