import { Fragment } from "react";
import type { DiffPiece } from "@/lib/reviews/diff";
import { countLabel } from "@/lib/count-labels";

// A word diff for reading: additions underlined, removals struck, long unchanged stretches shortened.
export function BodyDiff({ pieces }: { pieces: DiffPiece[] }) {
  return (
    <div className="rev-diff rev-diff--body">
      <DiffText pieces={pieces} />
    </div>
  );
}

export function DiffText({ pieces }: { pieces: DiffPiece[] }) {
  return pieces.map((p, i) => {
    switch (p.kind) {
      case "same":
        return <Fragment key={i}>{p.text}</Fragment>;
      case "added":
      case "removed":
        return <Change key={i} kind={p.kind} text={p.text} />;
      case "gap":
        return (
          <span key={i} className="rev-diff__gap">
            {p.words === 0 ? "…" : `… ${countLabel(p.words, "unchanged word")} …`}
          </span>
        );
    }
  });
}

/** An addition or removal; spaces at its edges stay outside the mark so only words are underlined or struck. */
function Change({ kind, text }: { kind: "added" | "removed"; text: string }) {
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  if (end <= start) return text;
  const Mark = kind === "added" ? "ins" : "del";
  return (
    <>
      {text.slice(0, start)}
      <Mark>
        <span className="visually-hidden">{kind}: </span>
        {text.slice(start, end)}
      </Mark>
      {text.slice(end)}
    </>
  );
}
