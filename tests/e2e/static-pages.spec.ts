import { expect, test } from "@playwright/test";
import { withDb } from "./helpers";

// Shared pages are rendered once and then served whole from the cache: no request-time read
// anywhere in their route tree. A page that starts reading the request (cookies, headers, the
// session) stops being served from the cache, or comes back with a postponed part; this fails then.

function sharedPages(): string[] {
  return withDb((db) => {
    const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T;
    const review = one<string>("select slug from posts where status = 'published' order by comment_count desc limit 1");
    const user = one<string>("select username from users where is_system = 0 order by badge_points desc limit 1");
    return [
      "/",
      "/feed/new",
      "/feed/top-week",
      `/reviews/${review}`,
      `/reviews/${review}/comments/newest`,
      `/reviews/${review}/revisions`,
      `/reviews/${review}/upvotes`,
      `/comments/${one<number>("select id from comments where deleted_at is null order by id limit 1")}`,
      `/films/${one<string>("select slug from films order by review_count desc limit 1")}`,
      `/tags/${encodeURIComponent(one<string>("select tag from post_tags order by tag limit 1"))}`,
      `/u/${user}`,
      `/u/${user}/badges`,
      "/badges",
      `/badges/${one<string>("select slug from badges order by holder_count desc limit 1")}`,
      "/ranking",
      "/ranking/upvotes/month",
    ];
  });
}

test("every shared page is served whole from the cache, for a signed-out and a signed-in reader alike", async ({ request }) => {
  for (const url of sharedPages()) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    const variants: Record<string, string>[] = [{}, { cookie: "authjs.session-token=not-a-real-session" }];
    for (const headers of variants) {
      const again = await request.get(url, { headers });
      expect(again.status(), url).toBe(200);
      expect(again.headers()["x-nextjs-cache"], `${url}: served from the cache`).toBe("HIT");
      expect(again.headers()["x-nextjs-postponed"], `${url}: nothing left to render per request`).toBeUndefined();
    }
  }
});
