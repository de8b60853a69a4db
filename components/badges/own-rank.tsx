"use client";

import { useEffect, useState } from "react";
import { countLabel } from "@/lib/count-labels";

type Answer = { signedIn: boolean; rank: number | null; value: number; page: number } | null;

/**
 * The viewer's own place in the ranking shown ("You are #412"), even when it is far off the
 * first page. The page is the same for everyone; this asks /api/ranking/me once it has loaded.
 */
export function OwnRank({ by, period, unit }: { by: string; period: string; unit: [string, string] }) {
  const [answer, setAnswer] = useState<Answer>(null);
  useEffect(() => {
    let live = true;
    fetch(`/api/ranking/me?by=${by}&period=${period}`, { cache: "no-store", headers: { accept: "application/json" } })
      .then((r) => (r.ok ? (r.json() as Promise<Answer>) : null))
      .then((a) => live && setAnswer(a))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [by, period]);
  if (!answer?.signedIn) return <p className="ranking__you" data-testid="own-rank" />;
  const here = period === "all" ? "" : "/month";
  return (
    <p className="ranking__you" data-testid="own-rank" aria-live="polite">
      {answer.rank === null ? (
        <>You are not in this ranking yet. Your first {unit[0]} puts you on it.</>
      ) : (
        <>
          You are <strong>#{answer.rank.toLocaleString("en-US")}</strong> with {countLabel(answer.value, ...unit)}.{" "}
          {answer.page > 1 ? <a href={`/ranking/${by}${here || "/all"}/${answer.page}`}>See your page</a> : null}
        </>
      )}
    </p>
  );
}
