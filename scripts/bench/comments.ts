// Comments through the real HTTP route under load: signed-in members posting replies that all differ.
import { SESSION_COOKIE } from "./votes";
import { postLoad, type LoadTarget, type PostLoad } from "./server";

const OPENINGS = [
  "The night exteriors carry this one",
  "I came for the lead and stayed for the editing",
  "The last reel is where it finally breathes",
  "Every cut in the market scene lands",
];

// Counted across loads: a member who posted the same text a moment ago is refused, so no two
// loads in one run may repeat a body.
let posted = 0;

/** `connections` members post top-level comments under `reviewId` for `seconds`, each body new. */
export function loadComments(server: LoadTarget, cookies: string[], reviewId: number, seconds = 10, connections = 10): Promise<PostLoad> {
  return postLoad(
    server,
    "/api/comments",
    () => ({
      cookie: `${SESSION_COOKIE}=${cookies[posted % cookies.length]}`,
      fields: {
        reviewId: String(reviewId),
        parentId: "",
        body: `${OPENINGS[posted % OPENINGS.length]}, take ${++posted}: the framing keeps the city at a distance until it cannot.`,
      },
    }),
    { seconds, connections },
  );
}
