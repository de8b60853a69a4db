export default function Loading() {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="loading__bar" aria-hidden="true" />
      <span className="visually-hidden">Loading…</span>
    </div>
  );
}
