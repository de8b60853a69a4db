import type { ReactNode } from "react";
import Link from "@/components/link";

/** A full-page state (404, 403, 410): a big code, a heading, a line of explanation, a way back. */
export function StatePage({ code, title, children, back = { href: "/", label: "Back to the front page" } }: { code: string; title: string; children: ReactNode; back?: { href: string; label: string } }) {
  return (
    <section className="state-page">
      <p className="state-page__code">{code}</p>
      <h1>{title}</h1>
      <p className="muted">{children}</p>
      <p>
        <Link href={back.href} className="button">
          {back.label}
        </Link>
      </p>
    </section>
  );
}
