import { expect, test } from "@playwright/test";
import { allowed, BROWSER_UA, call, noWrite, perActor, refused, runMatrix, type Answer, type Json, type Line, type Who } from "./helpers/matrix";
import { matrixFixtures, voteCounterHolds } from "./helpers/matrix-fixtures";
import { row, viewCount, voteRows } from "./helpers/rows";

// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server:
// casting and taking back upvotes on a review and a comment, and counting a view, × every actor:
// the author never votes on their own item nor counts a view of it. A refusal must leave every
// table as it was (row count and a hash of the rows); an allowed action must make its change. The
// cast and targets are this spec's own (tests/e2e/helpers/matrix-fixtures.ts); each test prints its
// part of the matrix as a table.

const M = matrixFixtures();

test("votes (cast and undo, reviews and comments) and views × every actor", async () => {
  const { who, reviews, comments } = M.fixtures;
  const targets = { review: reviews.vote.id, comment: comments.vote };
  const vote = (w: Who | null, type: "review" | "comment", value: "up" | "none", html = false, id = targets[type]) => () =>
    call("/api/votes", { who: w, html, form: { type, id: String(id), value, back: `/reviews/${reviews.vote.slug}` } });
  const voted = (w: Who, type: "review" | "comment", want: 0 | 1) => (a: Answer) => {
    expect.soft(voteRows(type, targets[type], w.id), `${type} vote rows of ${w.username}`).toBe(want);
    expect.soft(voteCounterHolds(type, targets[type]), `${type} counter equals its rows`).toBe(true);
    expect.soft((a.json?.data as Json | undefined)?.voted, "answered state").toBe(want === 1);
  };
  const lines: Line[] = [];
  for (const type of ["review", "comment"] as const) {
    for (const value of ["up", "none"] as const) {
      const want = value === "up" ? 1 : 0;
      lines.push(
        ...perActor(`POST /api/votes ${type} ${value === "up" ? "cast" : "undo"}`, {
          anonymous: refused(401, vote(null, type, value)),
          member: allowed(200, vote(who.member, type, value), voted(who.member, type, want)),
          author: refused(403, vote(who.author, type, value)),
          "other member": allowed(200, vote(who["other member"], type, value), voted(who["other member"], type, want)),
          moderator: allowed(200, vote(who.moderator, type, value), voted(who.moderator, type, want)),
          admin: allowed(200, vote(who.admin, type, value), voted(who.admin, type, want)),
          suspended: refused(401, vote(who.suspended, type, value)),
        }),
      );
    }
  }
  const back = `/reviews/${reviews.vote.slug}`;
  lines.push(
    { route: "POST /api/votes (form) review cast", actor: "anonymous", ...refused(303, vote(null, "review", "up", true), { location: `/signin?callbackUrl=${encodeURIComponent(back)}` }) },
    { route: "POST /api/votes (form) review cast", actor: "author", ...refused(403, vote(who.author, "review", "up", true)) },
    {
      route: "POST /api/votes (form) review cast",
      actor: "member",
      ...allowed(303, vote(who.member, "review", "up", true, reviews.host.id), () => expect.soft(voteRows("review", reviews.host.id, who.member.id)).toBe(1), { location: back }),
    },
  );

  // Views: every reader counts once a day, the author never; a suspended member's session is over,
  // so they read as a signed-out reader (counted by address, never under their id).
  const V = "POST /api/views";
  const view = (w: Who | null, address: string) => () =>
    call("/api/views", { who: w, data: { postId: reviews.vote.id }, headers: { "user-agent": BROWSER_UA, "x-forwarded-for": address } });
  const counted = (w: Who | null) => (a: Answer, before: unknown) => {
    expect.soft(a.json?.counted, `${V}: counted`).toBe(true);
    expect.soft(viewCount(reviews.vote.id), `${V}: view_count`).toBe((before as number) + 1);
    if (w) expect.soft(row("select count(*) as n from post_views where post_id = ? and viewer_key = ?", reviews.vote.id, `u:${w.id}`), `${V}: the member's row`).toEqual({ n: 1 });
  };
  const countedAs = (w: Who | null, address: string, check = counted(w)) => allowed(200, view(w, address), check, { before: () => viewCount(reviews.vote.id) });
  lines.push(
    ...perActor(V, {
      anonymous: countedAs(null, "198.51.100.20"),
      member: countedAs(who.member, "198.51.100.21"),
      author: noWrite(200, view(who.author, "198.51.100.22")),
      "other member": countedAs(who["other member"], "198.51.100.23"),
      moderator: countedAs(who.moderator, "198.51.100.24"),
      admin: countedAs(who.admin, "198.51.100.25"),
      suspended: countedAs(who.suspended, "198.51.100.26", (a, before) => {
        counted(null)(a, before);
        expect.soft(row("select count(*) as n from post_views where viewer_key = ?", `u:${who.suspended.id}`), `${V}: no row under the suspended id`).toEqual({ n: 0 });
      }),
    }),
  );
  await runMatrix("Votes and views", lines);
});
