/** "9/10" with a small bar; nothing when the review has no score. */
export function Score({ score, size = "normal" }: { score: number | null; size?: "normal" | "small" }) {
  if (score === null) return null;
  return (
    // One picture for assistive technology: a bare span may not carry a name, an image may.
    <span className={`score score--${size}`} role="img" aria-label={`Score: ${score} out of 10`}>
      <span className="score__value" aria-hidden="true">
        {score}/10
      </span>
      <span className="score__bar" aria-hidden="true">
        <span style={{ width: `${score * 10}%` }} />
      </span>
    </span>
  );
}
