/** The 1–10 score histogram as a bar chart, with a text summary for screen readers. */
export function ScoreHistogram({ histogram }: { histogram: number[] }) {
  const total = histogram.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...histogram);
  const summary = histogram
    .map((n, i) => (n ? `${n} × ${i + 1}/10` : null))
    .filter(Boolean)
    .join(", ");
  return (
    <figure className="histogram">
      <figcaption>How members scored it</figcaption>
      <div className="histogram__chart" role="img" aria-label={total ? `Scores: ${summary}.` : "No scores yet."}>
        {histogram.map((n, i) => (
          <div className="histogram__col" key={i}>
            <span className="histogram__count" aria-hidden="true">
              {n || ""}
            </span>
            <span className="histogram__bar" style={{ height: `${(n / max) * 100}%` }} aria-hidden="true" />
            <span className="histogram__label" aria-hidden="true">
              {i + 1}
            </span>
          </div>
        ))}
      </div>
    </figure>
  );
}
