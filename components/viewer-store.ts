// The viewer's own data for static pages: fetched once per page load from /api/viewer and
// remembered for the tab, so a signed-in header does not flash "Sign in" between pages.
export type Viewer = { username: string; name: string; role: string; avatar: string; unread: number } | null;

const KEY = "marquee:viewer";
let current: Viewer | undefined;
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

function fetchViewer() {
  return fetch("/api/viewer", { cache: "no-store", headers: { accept: "application/json" } })
    .then((r) => r.json() as Promise<{ user: Viewer }>)
    .then(({ user }) => {
      current = user;
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

export function forgetViewer() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // ignore
  }
}
