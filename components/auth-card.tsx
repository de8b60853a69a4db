import type { ReactNode } from "react";

export function AuthCard({ title, intro, children, footer }: { title: string; intro?: ReactNode; children: ReactNode; footer?: ReactNode }) {
  return (
    <section className="auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title">{title}</h1>
      {intro ? <p className="muted">{intro}</p> : null}
      {children}
      {footer ? <p className="auth-card__footer">{footer}</p> : null}
    </section>
  );
}
