import Link from "@/components/link";

export default function NotFound() {
  return (
    <section className="state-page">
      <p className="state-page__code">404</p>
      <h1>This page is not showing</h1>
      <p className="muted">The address may be mistyped, or what was here has been taken down.</p>
      <p>
        <Link href="/" className="button">
          Back to the front page
        </Link>
      </p>
    </section>
  );
}
