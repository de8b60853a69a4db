import { expect } from "@playwright/test";
import { createMembers, type MemberE2E } from "./helpers";
import { comment, newFilm, newTag, publish, reviewBody, send, stem, test } from "./helpers/invalidation-kit";
import { byTestId, card, catalogCard, commentEl, expectFresh, expectUntouched, h1, heldBy, holders, main, n, profileCounts, rankingPages, rankOf, rankRow, snapshot, unrelatedPages, warm, type Target, type Where } from "./helpers/invalidation-pages";
import { valueOf } from "./helpers/rows";

// Exact invalidation after a member earns a badge or takes a new display name: the pages that show
// what changed render afresh on the very next request, for every reader, and the pages it does not
// touch go on being served from the cache. How a journey warms, writes and checks:
// tests/e2e/helpers/invalidation-kit.ts.

// Each journey loads a dozen pages as four readers; the machine may be busy.
test.describe.configure({ timeout: 180_000 });

test("a badge earned by a first comment: the member's board and profile, the badge catalog, the badge's page and the Ranking show it; other members stay cached", async ({ kit, request }) => {
  const [author, regular, newcomer] = createMembers("bdg", 3) as [MemberE2E, MemberE2E, MemberE2E];
  const [a, b, m] = [await kit.session(author), await kit.session(regular), await kit.session(newcomer)];
  const review = await publish(a, { title: `Long shadows ${stem("bdg")}`, film: newFilm(), tags: [newTag()], score: 8, body: reviewBody("long shadows") });
  // The review's author hears from someone first, so the comment under test earns only the newcomer's badge.
  await comment(b, review.id, `The noon shadows are painted on ${stem("bdg")}`);
  const text = `My first comment here: the shadows lie about the time ${stem("bdg")}`;
  const readers = await kit.readers(m);

  const held = valueOf<number>("select holder_count from badges where slug = 'comments-1'");
  expect((await rankOf(m, "points", "all")).rank, "no points yet").toBeNull();
  const targets: Target[] = [
    {
      url: `/u/${newcomer.username}/badges`,
      before: { checks: [{ what: "summary", in: byTestId("board-summary"), has: `${newcomer.name} has no badges yet.` }] },
      after: { checks: [{ what: "summary", in: byTestId("board-summary"), has: "1 badge, 1 point." }, { what: "earned", in: main, has: `a comment on “${review.title}”` }] },
    },
    {
      url: `/u/${newcomer.username}`,
      before: { checks: [{ what: "counts", in: profileCounts, has: n(0, "badge point", "badge points") }] },
      after: { checks: [{ what: "counts", in: profileCounts, has: n(1, "badge point", "badge points") }] },
    },
    { url: "/badges", before: { checks: [{ what: "“First comment”", in: catalogCard("First comment"), has: holders(held) }] }, after: { checks: [{ what: "“First comment”", in: catalogCard("First comment"), has: holders(held + 1) }] } },
    { url: "/badges/comments-1", before: { checks: [{ what: "holders", in: byTestId("voters-total"), has: heldBy(held) }] }, after: { checks: [{ what: "holders", in: byTestId("voters-total"), has: heldBy(held + 1) }] } },
    { url: `/reviews/${review.slug}`, before: { checks: [{ what: "the thread", in: main, hasNot: text }] }, after: { checks: [{ what: "the thread", in: main, has: text }] } },
  ];
  const ranking = rankingPages("points", "all").map((url): Target => ({ url, before: { checks: [{ what: "the page", in: main, hasNot: newcomer.name }] } }));
  await warm(request, readers, [...targets, ...ranking]);
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${regular.username}`, `/u/${regular.username}/badges`]);

  await comment(m, review.id, text);
  const ranked = await rankOf(m, "points", "all");
  expect(ranked.rank).not.toBeNull();
  await expectFresh(readers, [...targets, { url: ranked.href, after: { checks: [{ what: "the member's row", in: rankRow(newcomer.name), has: n(1, "point", "points") }] } }], "a badge grant");
  await expectUntouched(request, m, untouched, "a badge grant");
});

test("a new display name shows at once on every page that names the member: their reviews and cards, threads they commented in, profile, board, the Ranking and badge pages", async ({ kit, request }) => {
  const [member, other] = createMembers("ren", 2) as [MemberE2E, MemberE2E];
  const [p, q] = [await kit.session(member), await kit.session(other)];
  const tag = newTag();
  const own = await publish(p, { title: `Quiet coast ${stem("ren")}`, film: newFilm(), tags: [tag], score: 8, body: reviewBody("a quiet coast") });
  const otherTag = newTag();
  const theirs = await publish(q, { title: `Loud city ${stem("ren")}`, film: newFilm(), tags: [otherTag], score: 6, body: reviewBody("a loud city") });
  const remark = `The traffic is mixed like an orchestra ${stem("ren")}`;
  const remarkId = await comment(p, theirs.id, remark);
  const oldName = member.name;
  const newName = `Renamed ${stem("ren")}`;
  const readers = await kit.readers(p);

  const ranked = await rankOf(p, "points", "all");
  expect(ranked.rank, "the member's first badges put them in the Ranking").not.toBeNull();
  // Holders of "First review" are listed first to earn it first, fifty a page.
  const position = valueOf<number>(
    "select count(*) from user_badges where badge_slug = 'reviews-1' and granted_at <= (select granted_at from user_badges where badge_slug = 'reviews-1' and user_id = ?)",
    member.id,
  );
  const holderPage = Math.ceil(position / 50);
  const points = valueOf<number>("select badge_points from users where id = ?", member.id);
  /** Shows the old name there before, and after it the new name there and the old one nowhere on the page. */
  const naming = (url: string, where: Where, what: string): Target => ({
    url,
    before: { checks: [{ what, in: where, has: oldName }] },
    after: { checks: [{ what, in: where, has: newName }, { what: "the page", in: main, hasNot: oldName }] },
  });
  const targets: Target[] = [
    naming(`/reviews/${own.slug}`, main, "the byline"),
    naming(`/reviews/${theirs.slug}`, commentEl(remarkId), "their comment"),
    naming(`/comments/${remarkId}`, commentEl(remarkId), "their comment"),
    naming("/feed/new", card(own.title), "their card"),
    naming("/", card(own.title), "their card"),
    naming(`/films/${own.filmSlug}`, card(own.title), "their card"),
    naming(`/tags/${tag}`, card(own.title), "their card"),
    naming(`/u/${member.username}`, h1, "the name"),
    naming(`/u/${member.username}/comments`, h1, "the name"),
    naming(`/u/${member.username}/badges`, h1, "the name"),
    naming(holderPage > 1 ? `/badges/reviews-1/${holderPage}` : "/badges/reviews-1", main, "the holders"),
    // The Ranking's row is found by the name it shows.
    {
      url: ranked.href,
      before: { checks: [{ what: "their row", in: rankRow(oldName), has: n(points, "point", "points") }] },
      after: { checks: [{ what: "their row", in: rankRow(newName), has: n(points, "point", "points") }, { what: "the page", in: main, hasNot: oldName }] },
    },
  ];
  await warm(request, readers, targets);
  // Pages about the other member, their film and tag show the member's comment nowhere.
  const untouched = await snapshot(request, [...unrelatedPages(), `/u/${other.username}`, `/films/${theirs.filmSlug}`, `/tags/${otherTag}`, "/badges"]);

  await send(p, "/api/settings/profile", { name: newName, bio: "" });
  await expectFresh(readers, targets, "a display name change");
  await expectUntouched(request, p, untouched, "a display name change");
});
