"use client";

import Link from "@/components/link";

// Shown when a page fails to render. No details of the failure reach the reader.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="state-page" role="alert">
      <p className="state-page__code">Error</p>
      <h1>Something went wrong on our side</h1>
      <p className="muted">The page could not be shown. Nothing you wrote has been lost.</p>
      <p className="state-page__actions">
        <button type="button" className="button button--primary" onClick={() => reset()}>
          Try again
        </button>
        <Link href="/" className="button">
          Front page
        </Link>
      </p>
    </section>
  );
}
