import { test } from "@playwright/test";
import { E2E_ORIGIN, unique } from "./helpers";
import { BROWSER_UA, call, PNG_1PX, refused, runMatrix, SUBREQUEST_HEADERS, type Line, type Send, type Who } from "./helpers/matrix";
import { matrixFixtures, PASSWORD, reviewFormFor } from "./helpers/matrix-fixtures";


// The permission matrix (RELIABILITY.md P2 and P3), over HTTP against the production server: posts
// from another site (another Origin, Origin: null, no Origin) on every route that writes, and the
// header behind CVE-2025-29927. A refusal must leave every table as it was (row count and a hash of
// the rows); an allowed action must make its change. The cast and targets are this spec's own
// (tests/e2e/helpers/matrix-fixtures.ts); each test prints its part of the matrix as a table.

const M = matrixFixtures();
const RUN = M.run;
const reviewForm = reviewFormFor(RUN);

test("cross-site posts: another site's Origin, Origin: null and no Origin are refused on every route that writes", async () => {
  const { who, reviews, comments, signer, notices } = M.fixtures;
  // Each with a member the route would otherwise serve.
  const routes: [string, string, Who | null, Send][] = [
    ["/api/reviews", "/api/reviews", who.member, { form: reviewForm("cross-site") }],
    ["/api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, who.author, { form: reviewForm("cross-site edit") }],
    ["/api/reviews/[slug]/delete", `/api/reviews/${reviews.edit.slug}/delete`, who.author, {}],
    ["/api/comments", "/api/comments", who.member, { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Cross-site (${RUN}).` } }],
    ["/api/comments/[id]/edit", `/api/comments/${comments.edit}/edit`, who.author, { form: { body: `Cross-site edit (${RUN}).` } }],
    ["/api/comments/[id]/delete", `/api/comments/${comments.edit}/delete`, who.author, {}],
    ["/api/comments/handoff", "/api/comments/handoff", null, { form: { to: "signup", reviewId: String(reviews.vote.id), body: "x" } }],
    ["/api/votes", "/api/votes", who.member, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }],
    ["/api/views", "/api/views", who.member, { data: { postId: reviews.edit.id }, headers: { "user-agent": BROWSER_UA } }],
    ["/api/preview", "/api/preview", who.member, { data: { body: "x" } }],
    ["/api/notifications/read", "/api/notifications/read", who.author, { form: { id: String(notices.keep) } }],
    ["/api/notifications/[id]", `/api/notifications/${notices.keep}`, who.author, {}],
    ["/api/settings/profile", "/api/settings/profile", who.member, { form: { name: "Cross-site", bio: "" } }],
    ["/api/settings/avatar", "/api/settings/avatar", who.member, { multipart: { avatar: { name: "me.png", mimeType: "image/png", buffer: PNG_1PX } } }],
    ["/api/settings/email", "/api/settings/email", who.member, { form: { email: `cross-${RUN}@matrix.test`, currentPassword: "" } }],
    ["/api/settings/password", "/api/settings/password", who.member, { form: { currentPassword: "", newPassword: PASSWORD, confirmPassword: PASSWORD } }],
    ["/api/settings/notifications", "/api/settings/notifications", who.member, { form: {} }],
    ["/api/settings/delete", "/api/settings/delete", who.member, { form: { username: who.member.username, currentPassword: "" } }],
    ["/api/signup", "/api/signup", null, { form: { username: unique("cs"), email: `cs-${RUN}@matrix.test`, password: PASSWORD } }],
    ["/api/signin", "/api/signin", null, { form: { identifier: signer.username, password: PASSWORD }, headers: { "x-forwarded-for": "203.0.113.30" } }],
    ["/api/signout", "/api/signout", who.member, {}],
  ];
  const origins = ["https://evil.example", "null", "none"];
  const lines: Line[] = [];
  for (const [route, path, w, opts] of routes) {
    for (const origin of origins) {
      lines.push({
        route: `POST ${route}`,
        actor: `${w ? "signed in" : "anonymous"}, Origin: ${origin === "none" ? "(none)" : origin}`,
        ...refused(403, () => call(path, { ...opts, who: w, origin })),
      });
    }
  }
  // Look-alike origins on one route.
  for (const origin of [`${E2E_ORIGIN}.evil.example`, "http://localhost:9", E2E_ORIGIN.replace("localhost", "127.0.0.1"), `https://evil.example/${E2E_ORIGIN}`]) {
    lines.push({ route: "POST /api/votes", actor: `signed in, Origin: ${origin}`, ...refused(403, () => call("/api/votes", { who: who.member, origin, form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } })) });
  }
  await runMatrix("Cross-site", lines);
});

// The header Next once trusted to skip its proxy (CVE-2025-29927). The server refuses any request
// carrying it with 400 before Next sees it (server/handler.ts): never more than the same request
// without it, and no row changes.
test("x-middleware-subrequest gets nothing more than the same request without it", async () => {
  const { who, reviews, comments } = M.fixtures;
  const probes: [string, string, Who | null, Send, number][] = [
    ["POST /api/reviews", "/api/reviews", null, { form: reviewForm("subrequest") }, 401],
    ["POST /api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, null, { form: reviewForm("subrequest edit") }, 401],
    ["POST /api/reviews/[slug]/edit", `/api/reviews/${reviews.edit.slug}/edit`, who.member, { form: reviewForm("subrequest edit") }, 403],
    ["POST /api/reviews/[slug]/delete", `/api/reviews/${reviews.edit.slug}/delete`, null, {}, 401],
    ["POST /api/comments", "/api/comments", null, { form: { reviewId: String(reviews.vote.id), parentId: "", body: `Subrequest (${RUN}).` } }, 401],
    ["POST /api/comments/[id]/edit", `/api/comments/${comments.edit}/edit`, null, { form: { body: "Subrequest." } }, 401],
    ["POST /api/comments/[id]/delete", `/api/comments/${comments.edit}/delete`, who.member, {}, 403],
    ["POST /api/votes", "/api/votes", null, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 401],
    ["POST /api/votes", "/api/votes", who.author, { form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 403],
    ["POST /api/preview", "/api/preview", null, { data: { body: "x" } }, 401],
    ["POST /api/notifications/read", "/api/notifications/read", null, { form: { all: "1" } }, 401],
    ["POST /api/settings/profile", "/api/settings/profile", null, { form: { name: "Subrequest", bio: "" } }, 401],
    ["POST /api/settings/delete", "/api/settings/delete", null, { form: { username: who.member.username } }, 401],
    ["POST /api/votes (cross-site)", "/api/votes", who.member, { origin: "https://evil.example", form: { type: "review", id: String(reviews.edit.id), value: "up", back: "/" } }, 403],
  ];
  const lines: Line[] = [];
  for (const [route, path, w, opts, status] of probes) {
    const actor = w === null ? "anonymous" : w === who.member ? "member" : "author";
    lines.push({ route, actor: `${actor}, no header`, ...refused(status, () => call(path, { ...opts, who: w })) });
    for (const header of SUBREQUEST_HEADERS) {
      lines.push({ route, actor: `${actor}, ${header.split(":")[0]}×5`, ...refused(400, () => call(path, { ...opts, who: w, headers: { ...opts.headers, "x-middleware-subrequest": header } })) });
    }
  }
  // A request the route would serve without the header is refused with it, and writes nothing.
  for (const header of SUBREQUEST_HEADERS) {
    lines.push({
      route: "POST /api/settings/profile",
      actor: `member, ${header.split(":")[0]}×5`,
      ...refused(400, () => call("/api/settings/profile", { who: who.member, form: { name: "Subrequest", bio: "" }, headers: { "x-middleware-subrequest": header } })),
    });
  }
  // The one path proxy.ts shapes (a deleted review's page is 410): the header does not get past it to the page.
  for (const header of ["", ...SUBREQUEST_HEADERS]) {
    lines.push({
      route: "GET /reviews/[deleted]",
      actor: header ? `anonymous, ${header.split(":")[0]}×5` : "anonymous, no header",
      ...refused(header ? 400 : 410, () => call(`/reviews/${reviews.deleted.slug}`, { method: "GET", origin: "none", html: true, headers: header ? { "x-middleware-subrequest": header } : {} })),
    });
  }
  await runMatrix("x-middleware-subrequest", lines);
});
