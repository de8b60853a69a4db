"use client";

import { useEffect, useRef, useState } from "react";

/**
 * Text typed into a field, kept in this browser's storage until it is sent: a closed tab, a lost
 * connection or a detour through sign-in brings it back. `onRestore` hears the restored text;
 * `onlyIntoEmpty` leaves a field alone that already holds text (say, a refused post's).
 */
export function useStoredDraft(key: string, onRestore?: (text: string) => void, opts: { onlyIntoEmpty?: boolean } = {}) {
  /** Attach to the textarea. */
  const field = useRef<HTMLTextAreaElement | null>(null);
  const [restored, setRestored] = useState(false);

  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = localStorage.getItem(key);
    } catch {
      // storage disabled
    }
    const el = field.current;
    if (opts.onlyIntoEmpty && el?.value.trim()) return;
    if (saved && el && saved !== el.value && saved.trim() !== "") {
      el.value = saved;
      queueMicrotask(() => {
        onRestore?.(saved);
        setRestored(true);
      });
    }
    // Restore once per key; onRestore is a callback, not a dependency.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, opts.onlyIntoEmpty]);

  return {
    field,
    restored,
    save(value: string) {
      try {
        if (value.trim() === "") localStorage.removeItem(key);
        else localStorage.setItem(key, value);
      } catch {
        // storage full or disabled: the form still posts
      }
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // ignore
      }
      setRestored(false);
    },
  };
}
