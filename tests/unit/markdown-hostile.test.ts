import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown/render";
import { checkHtml, urlsIn } from "@/tests/fixtures/hostile-markdown/oracle";

interface HostileCase {
  name: string;
  md: string;
  repeat?: number;
  htmlIncludes?: string[];
  htmlExcludes?: string[];
  textExcludes?: string[];
  noUrls?: boolean;
}

const corpusFile = path.join(import.meta.dirname, "../fixtures/hostile-markdown/cases.json");
const cases = JSON.parse(fs.readFileSync(corpusFile, "utf8")) as HostileCase[];

describe("hostile markdown corpus", () => {
  it("is big enough and has unique names", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const src = c.md.repeat(c.repeat ?? 1);
    const out = renderMarkdown(src);
    const commentOut = renderMarkdown(src, { demoteHeadings: true, anchorHeadings: true });

    expect(checkHtml(out.html)).toEqual([]);
    expect(checkHtml(commentOut.html)).toEqual([]);
    for (const s of c.htmlIncludes ?? []) expect(out.html).toContain(s);
    for (const s of c.htmlExcludes ?? []) expect(out.html.toLowerCase()).not.toContain(s.toLowerCase());
    for (const s of c.textExcludes ?? []) {
      expect(out.text).not.toContain(s);
      expect(out.excerpt).not.toContain(s);
    }
    if (c.noUrls) expect(urlsIn(out.html)).toEqual([]);
  });
});
