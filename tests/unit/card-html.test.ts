import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { bylineHtml, reviewCardHtml, reviewListHtml, scoreHtml, tagListHtml } from "@/lib/reviews/card-html";
import type { ReviewCard } from "@/lib/reviews/queries";
import { dom, has, kids, p, tag, text } from "../helpers/html-dom";

const AT = new Date(Date.UTC(2026, 9, 26, 13, 49, 41, 439));

function card(over: Partial<ReviewCard> = {}): ReviewCard {
  return {
    id: 7,
    slug: "night-train",
    title: "Night <Train> & the \"last\" stop",
    excerpt: "A film of <b>small</b> rooms.",
    hasSpoilers: false,
    score: 8,
    status: "published",
    publishedAt: AT,
    updatedAt: AT,
    readingMinutes: 6,
    upvoteCount: 1234,
    commentCount: 1,
    viewCount: 40,
    author: { id: "u-1", username: "Femi_O", name: "Femi <O>", image: null, isNew: true },
    film: { slug: "night-train-1959", title: "Night Train", year: 1959 },
    tags: ["noir", "rewatch"],
    ...over,
  };
}

describe("a review card's markup", () => {
  it("isolates the title, the film's title and the author's name in <bdi>, so none can reorder the text around it", () => {
    // Stored before the text rule refused overrides, or written right to left on purpose.
    const d = dom(reviewCardHtml(card({ title: "\u202eweiver", author: { id: "u-1", username: "x", name: "\u202enimda", image: null, isNew: false }, film: { slug: "f", title: "שלום", year: 1959 } })));
    // The raw text: toText drops the override character.
    const raw = (e: Element) => e.children.map((c) => (c.type === "text" ? c.value : "")).join("");
    const isolated = (e: Element | null) => kids(e!).map((k) => [k.tagName, raw(k)]);
    expect(isolated(kids(d.one(has("review-card__title"))!)[0]!)).toEqual([["bdi", "\u202eweiver"]]);
    expect(isolated(d.one(has("film-link")))).toEqual([["bdi", "שלום"]]);
    expect(isolated(d.one(has("byline__author")))).toEqual([["bdi", "\u202enimda"]]);
    expect(text(d.one(has("film-link"))!)).toBe("שלום (1959)");
  });

  it("links the review, its film, author, comments and tags, with every text escaped", () => {
    const d = dom(reviewCardHtml(card()));
    const links = d.all(tag("a")).map((a) => [text(a), p(a, "href")]);
    expect(links).toEqual([
      ['Night <Train> & the "last" stop', "/reviews/night-train"],
      ["Night Train (1959)", "/films/night-train-1959"],
      ["Femi <O>", "/u/Femi_O"],
      ["1 comment", "/reviews/night-train#comments"],
      ["#noir", "/tags/noir"],
      ["#rewatch", "/tags/rewatch"],
    ]);
    // Text stays text: no element came from a title, a name or an excerpt.
    expect(d.all(tag("b"))).toEqual([]);
    expect(text(d.one(has("review-card__excerpt"))!)).toBe("A film of <b>small</b> rooms.");
    expect(text(d.one(has("review-card__foot"))!)).toContain("1,234 upvotes");
    expect(p(d.one(has("score"))!, "ariaLabel")).toBe("Score: 8 out of 10");
    expect(p(d.one(tag("time"))!, "dateTime")).toBe(AT.toISOString());
    expect(text(d.one(tag("time"))!)).toBe("October 26, 2026");
    expect(text(d.one(has("new-pill"))!)).toBe("New");
  });

  it("hides the excerpt of a review with spoilers, and leaves out what is missing", () => {
    const d = dom(reviewCardHtml(card({ hasSpoilers: true, excerpt: "", score: null, tags: [], author: null, commentCount: 0, upvoteCount: 1 }), false));
    expect(text(d.one(has("review-card__excerpt"))!)).toBe("The excerpt is hidden because this review discusses the plot in full.");
    expect(text(d.one(has("spoiler-pill"))!)).toBe("Contains spoilers");
    expect(d.one(has("score"))).toBeNull();
    expect(d.one(has("tag-list"))).toBeNull();
    expect(d.one(has("film-link"))).toBeNull();
    expect(text(d.one(has("byline__author"))!)).toBe("deleted user");
    expect(p(d.one(tag("img"))!, "src")).toBe("/avatar/deleted");
    expect(text(d.one(has("review-card__foot"))!)).toContain("1 upvote");
    expect(text(d.one(has("review-card__comments"))!)).toBe("No comments");
  });

  it("a list holds one card per review, in order", () => {
    const d = dom(reviewListHtml([card({ id: 1, slug: "a" }), card({ id: 2, slug: "b" })]));
    const ol = d.one(has("review-list"))!;
    expect(kids(ol).map((li) => li.tagName)).toEqual(["li", "li"]);
    expect(d.all(has("review-card__title")).map((h) => p(kids(h)[0]!, "href"))).toEqual(["/reviews/a", "/reviews/b"]);
  });
});

describe("a review's byline, score and tags", () => {
  it("the review page's byline carries the views counter its script updates, and the edit note", () => {
    const d = dom(bylineHtml({ author: card().author, publishedAt: AT, readingMinutes: 3, views: { count: 1, reviewId: 7 }, edited: { href: "/reviews/x/revisions", label: "edited 2 times" } }));
    expect(p(d.one((e) => p(e, "dataViewsFor") !== undefined)!, "dataViewsFor")).toBe("7");
    expect(text(d.one(has("byline"))!)).toMatch(/^by Femi <O>New·October 26, 2026edited 2 times·1 view·3 min read$/);
    expect(p(d.one(has("byline__edited"))!, "href")).toBe("/reviews/x/revisions");
  });

  it("a score draws its bar to scale; a tag list escapes each tag", () => {
    const bar = dom(scoreHtml(3)).one((e) => p(e, "style") !== undefined)!;
    expect(p(bar, "style")).toBe("width:30%");
    expect(scoreHtml(null)).toBe("");
    expect(tagListHtml([])).toBe("");
    expect(text(dom(tagListHtml(["a&b"])).one(tag("a"))!)).toBe("#a&b");
  });
});
