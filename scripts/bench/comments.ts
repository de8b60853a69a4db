// Comments through the real HTTP route under load: signed-in members posting replies that all differ.
import { SESSION_COOKIE } from "./votes";
import { postLoad, type PostLoad, type Server } from "./server";

const OPENINGS = [
  "The night exteriors carry this one",
  "I came for the lead and stayed for the editing",
  "The last reel is where it finally breathes",
  "Every cut in the market scene lands",
];

/** `connections` members post top-level comments under `reviewId` for `seconds`, each body new. */
export function loadComments(server: Server, cookies: string[], reviewId: number, seconds = 10, connections = 10): Promise<PostLoad> {
  return postLoad(
    server,
    "/api/comments",
    (i) => ({
      cookie: `${SESSION_COOKIE}=${cookies[i % cookies.length]}`,
      fields: {
        reviewId: String(reviewId),
        parentId: "",
        body: `${OPENINGS[i % OPENINGS.length]}, take ${i + 1}: the framing keeps the city at a distance until it cannot.`,
      },
    }),
    { seconds, connections },
  );
}
