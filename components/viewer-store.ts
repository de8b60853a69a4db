// The viewer's own data for static pages: fetched once per page load from /api/viewer and
// remembered for the tab, so a signed-in header does not flash "Sign in" between pages. A page
// about a review names it in `data-viewer-review`; the same answer then says which of that review
// and its comments the viewer upvoted.
export type Viewer = { username: string; name: string; role: string; avatar: string; unread: number } | null;
const NO_VOTES: ReadonlySet<string> = new Set();

const KEY = "marquee:viewer";
let current: Viewer | undefined;
let votes: ReadonlySet<string> = NO_VOTES;
// When the request behind `votes` was sent (performance.now()): a vote answered before then is in it.
let votesAsked = -1;
let started = false;
const listeners = new Set<() => void>();

const emit = () => listeners.forEach((l) => l());

function start() {
  if (started) return;
  started = true;
  load();
}

function load() {
  try {
    const remembered = sessionStorage.getItem(KEY);
    if (remembered) {
      current = JSON.parse(remembered) as Viewer;
      queueMicrotask(emit);
    }
  } catch {
    // storage unavailable: wait for the network
  }
  void fetchViewer();
}

function pageReview(): string {
  const id = document.querySelector<HTMLElement>("[data-viewer-review]")?.dataset.viewerReview;
  return id && /^\d+$/.test(id) ? `?review=${id}` : "";
}

function fetchViewer() {
  const asked = performance.now();
  return fetch(`/api/viewer${pageReview()}`, { cache: "no-store", headers: { accept: "application/json" } })
    .then((r) => r.json() as Promise<{ user: Viewer; votes?: string[] }>)
    .then(({ user, votes: keys }) => {
      // Two requests in flight (a move within the site): an older answer arriving last is stale.
      if (asked < votesAsked) return;
      votesAsked = asked;
      current = user;
      votes = keys?.length ? new Set(keys) : NO_VOTES;
      try {
        if (user) sessionStorage.setItem(KEY, JSON.stringify(user));
        else sessionStorage.removeItem(KEY);
      } catch {
        // ignore
      }
      emit();
    })
    .catch(() => undefined);
}

export function subscribeViewer(listener: () => void) {
  listeners.add(listener);
  start();
  return () => listeners.delete(listener);
}

/** Asks again (after moving to another page): the unread count may have changed. */
export function refreshViewer() {
  if (started) void fetchViewer();
}

export const getViewer = () => current;
export const getServerViewer = () => undefined;
/** The viewer's upvotes on this page's review and its comments ("r12", "c345"). */
export const getVotes = () => votes;
export const getServerVotes = () => NO_VOTES;
/** When the request behind getVotes() was sent, on performance.now()'s clock (-1: none yet). */
export const getVotesAsked = () => votesAsked;

export function forgetViewer() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}
