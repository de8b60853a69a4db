import type { Element } from "hast";
import { describe, expect, it } from "vitest";
import { dom, has, kids, p, tag, text } from "../helpers/html-dom";
import { commentHtml, commentListHtml, escapeHtml, voteHtml } from "@/lib/comments/thread-html";
import { SYSTEM_USERNAME } from "@/lib/badges/system";
import type { CommentNode } from "@/lib/comments/tree";

const T = Date.UTC(2026, 9, 26, 13, 49, 41, 439);

function node(id: number, over: Partial<CommentNode> = {}): CommentNode {
  return {
    id,
    parentId: null,
    depth: 1,
    path: String(id).padStart(6, "0"),
    bodyHtml: `<p>Comment ${id}</p>\n`,
    deleted: false,
    edited: false,
    author: { id: "u-femi", username: "Femi_O", name: "Femi", image: null, isNew: false },
    createdAt: new Date(T),
    upvoteCount: 0,
    replyCount: 0,
    children: [],
    continued: 0,
    ...over,
  };
}

describe("a comment's markup", () => {
  it("shows who wrote it, when, its stored body, its upvote control and a reply link", () => {
    const d = dom(commentHtml(node(12, { upvoteCount: 3, edited: true }), { opId: null }));
    const article = d.one(tag("article"))!;
    expect(p(article, "id")).toBe("comment-12");
    // Lower case, so the page's script can match it against the viewer's name.
    expect(p(article, "dataAuthor")).toBe("femi_o");
    expect(p(article, "ariaLabelledBy")).toEqual(["comment-12-by"]);
    const by = d.byId("comment-12-by");
    expect([text(by), p(by, "href")]).toEqual(["Femi", "/u/Femi_O"]);
    const time = d.one(tag("time"))!;
    expect([p(time, "dateTime"), text(time)]).toEqual(["2026-10-26", "October 26, 2026"]);
    expect(p(d.one(has("comment__edited"))!, "href")).toBe("/comments/12/revisions");
    expect(text(d.one(has("comment__body"))!)).toBe("Comment 12");
    const vote = d.one(has("vote"))!;
    expect(p(vote, "dataVote")).toBe("c12");
    expect(d.all((e) => e.tagName === "input").map((e) => [p(e, "name"), p(e, "value")])).toEqual([["item", "c12"]]);
    expect(p(d.one(tag("button"))!, "ariaLabel")).toBe("Upvote this comment");
    expect(text(d.one(has("vote__count"))!)).toBe("3 upvotes");
    expect(p(d.one((e) => e.properties.dataReply !== undefined)!, "href")).toBe("/comments/12/reply");
    // Edit and delete are the viewer's business: the page's script adds them.
    expect(d.all((e) => String(e.properties.href ?? "").endsWith("/edit"))).toEqual([]);
  });

  it("isolates the author's name in <bdi>, so a right-to-left override cannot reorder the header", () => {
    const name = "\u202enimda";
    const d = dom(commentHtml(node(6, { author: { id: "u", username: "x", name, image: null, isNew: true } }), { opId: "u" }));
    const by = d.byId("comment-6-by");
    // The raw text: toText drops the override character.
    const raw = (e: Element) => e.children.map((c) => (c.type === "text" ? c.value : "")).join("");
    expect(kids(by).map((e) => [e.tagName, raw(e)])).toEqual([["bdi", name]]);
    // The markers and the date stay outside the isolate.
    expect(d.all(tag("bdi")).map(raw)).toEqual([name]);
  });

  it("escapes every name it prints, so a display name cannot open a tag", () => {
    const name = `<img src=x onerror="alert(1)">&'`;
    const d = dom(commentHtml(node(5, { author: { id: "u", username: "x", name, image: null, isNew: false } }), { opId: null }));
    expect(d.all(tag("img"))).toHaveLength(1); // the avatar alone
    expect(text(d.byId("comment-5-by"))).toBe(name);
    expect(escapeHtml(`"<&>'`)).toBe("&quot;&lt;&amp;&gt;&#39;");
  });

  it("marks the review's author and a newcomer", () => {
    const d = dom(commentHtml(node(7, { author: { id: "op", username: "mara", name: "Mara", image: "/avatars/m.webp", isNew: true } }), { opId: "op" }));
    expect(text(d.one(has("op-pill"))!)).toBe("author");
    expect(text(d.one(has("new-pill"))!)).toBe("New");
    expect(p(d.one(has("avatar"))!, "src")).toBe("/avatars/m.webp");
    expect(dom(commentHtml(node(8), { opId: "op" })).one(has("op-pill"))).toBeNull();
  });

  it("keeps a deleted comment as “[deleted]” with its replies, and nothing to vote on or reply to", () => {
    const d = dom(commentHtml(node(3, { deleted: true, author: null, bodyHtml: "", children: [node(4, { parentId: 3, depth: 2 })] }), { opId: null }));
    const deleted = d.byId("comment-3");
    expect(p(deleted, "dataAuthor")).toBeUndefined();
    const parts = kids(deleted);
    expect(text(parts.find(has("comment__body"))!)).toBe("[deleted]");
    expect(parts.find(has("comment__actions"))).toBeUndefined();
    const replies = parts.find(tag("ol"))!;
    expect(p(kids(kids(replies)[0]!)[0]!, "id")).toBe("comment-4");
  });

  it("gives the system's badge notes no upvote control", () => {
    const d = dom(commentHtml(node(9, { author: { id: "s", username: SYSTEM_USERNAME, name: "Marquee", image: null, isNew: false } }), { opId: null }));
    expect(d.one(has("vote"))).toBeNull();
    expect(d.one((e) => e.properties.dataReply !== undefined)).not.toBeNull();
  });

  it("leaves out actions and replies for a comment quoted above a form", () => {
    const d = dom(commentHtml(node(1, { children: [node(2)], continued: 4 }), { opId: null }, true));
    expect(d.one(has("comment__actions"))).toBeNull();
    expect(d.one(tag("ol"))).toBeNull();
    expect(d.one(has("comment__continue"))).toBeNull();
  });
});

describe("a thread's markup", () => {
  it("nests replies in order and says how many more continue elsewhere", () => {
    const tree = [node(1, { children: [node(2, { parentId: 1, depth: 2, continued: 1 })] }), node(3)];
    const d = dom(commentListHtml(tree, { opId: null }));
    const list = d.root.children.find((c): c is Element => c.type === "element")!;
    expect(kids(list).map((li) => p(kids(li)[0]!, "id"))).toEqual(["comment-1", "comment-3"]);
    const nested = kids(d.byId("comment-1")).find(tag("ol"))!;
    expect(p(kids(kids(nested)[0]!)[0]!, "id")).toBe("comment-2");
    const more = kids(d.byId("comment-2")).find(has("comment__continue"))!;
    expect(p(kids(more)[0]!, "href")).toBe("/comments/2");
    expect(text(more)).toContain("1 more reply");
  });
});

describe("an upvote control", () => {
  it("is a plain form naming the item, with the count linking to who upvoted", () => {
    const d = dom(voteHtml({ type: "review", id: 33, count: 1234, author: "ingrid", votersHref: "/reviews/x/upvotes", size: "large" }));
    const vote = d.one(has("vote--large"))!;
    expect(p(vote, "dataAuthor")).toBe("ingrid");
    const form = d.one(tag("form"))!;
    expect([p(form, "action"), p(form, "method")]).toEqual(["/api/votes", "post"]);
    expect(p(d.one(tag("button"))!, "value")).toBe("up");
    const count = d.one(has("vote__count"))!;
    expect([text(count), p(count, "href")]).toEqual(["1,234 upvotes", "/reviews/x/upvotes"]);
  });
});
