// Comments through the real HTTP route under load: signed-in members posting replies that all differ.
import autocannon from "autocannon";
import { SESSION_COOKIE } from "./votes";
import type { Server } from "./server";

export type PostLoad = { posts: number; rps: number; p50: number; p99: number; errors: number; non2xx: number };

const OPENINGS = [
  "The night exteriors carry this one",
  "I came for the lead and stayed for the editing",
  "The last reel is where it finally breathes",
  "Every cut in the market scene lands",
];

/** `connections` members post top-level comments under `reviewId` for `seconds`, each body new. */
export async function loadComments(server: Server, cookies: string[], reviewId: number, seconds = 10, connections = 10): Promise<PostLoad> {
  let k = 0;
  const res = await autocannon({
    url: `${server.base}/api/comments`,
    duration: seconds,
    connections,
    requests: [
      {
        method: "POST",
        setupRequest: (req) => {
          const i = k++;
          const body = `${OPENINGS[i % OPENINGS.length]}, take ${i + 1}: the framing keeps the city at a distance until it cannot.`;
          return {
            ...req,
            headers: {
              "content-type": "application/x-www-form-urlencoded",
              accept: "application/json",
              origin: server.base,
              cookie: `${SESSION_COOKIE}=${cookies[i % cookies.length]}`,
            },
            body: new URLSearchParams({ reviewId: String(reviewId), parentId: "", body }).toString(),
          };
        },
      },
    ],
  });
  return { posts: res.requests.total, rps: res.requests.average, p50: res.latency.p50, p99: res.latency.p99, errors: res.errors + res.timeouts, non2xx: res.non2xx };
}
