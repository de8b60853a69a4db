import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BadgeBoard } from "@/components/badges/badge-board";
import { MemberCard } from "@/components/member-card";
import { VotersView } from "@/components/votes/voters-view";

// Names and titles rendered by the React components sit in an isolate (<bdi> or dir="auto"):
// a right-to-left override in a stored name cannot reorder the text around it. The names
// below predate the text rule (which now refuses the override) or came from elsewhere.
const HOSTILE = "\u202enimda";

/** Every place the hostile text appears, with the element that directly holds it. */
function holders(html: string, needle = HOSTILE): string[] {
  const out: string[] = [];
  for (let at = html.indexOf(needle); at !== -1; at = html.indexOf(needle, at + 1)) {
    const open = html.lastIndexOf("<", at);
    out.push(html.slice(open, html.indexOf(">", open) + 1));
  }
  return out;
}

describe("names and titles in React components are isolated", () => {
  it("a member card", async () => {
    const member = { id: "u", username: "mara", name: HOSTILE, image: null, bio: "", role: "member" as const, createdAt: new Date(0), isNew: false };
    const html = renderToStaticMarkup(createElement(MemberCard, { member }));
    expect(await holders(html)).toEqual(["<bdi>"]);
  });

  it("a list of voters and its title", async () => {
    const voter = { username: "mara", name: HOSTILE, image: null, isNew: true, votedAt: new Date(0) };
    const html = renderToStaticMarkup(
      createElement(VotersView, { eyebrow: "Upvotes of", title: `${HOSTILE} review`, titleHref: "/reviews/x", total: 1, voters: [voter], page: 1, pageHref: () => "/" }),
    );
    expect(await holders(html)).toEqual(["<bdi>", "<bdi>"]);
  });

  it("an empty badge board names its member in an isolate", async () => {
    const html = renderToStaticMarkup(createElement(BadgeBoard, { board: { points: 0, earned: [], ladders: [], oneOffs: [] } as never, name: HOSTILE }));
    expect((await holders(html)).filter((h) => !h.startsWith("<section"))).toEqual(["<bdi>"]);
  });
});
