import type { Metadata, Viewport } from "next";
import Link from "@/components/link";
import type { ReactNode } from "react";
import { ViewerBits } from "@/components/viewer-bits";
import { ViewerMenu } from "@/components/viewer-menu";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Marquee — long-form film reviews", template: "%s · Marquee" },
  description: "A community for long-form film reviews: write, discuss, upvote and earn your badges.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#17150f" },
  ],
};

// Shared by every page: nothing here reads the request, so pages below can be static.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="wrap site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__mark" aria-hidden="true">
                ▚
              </span>
              Marquee
            </Link>
            <nav className="site-nav" aria-label="Site">
              <Link href="/ranking">Ranking</Link>
              <Link href="/badges">Badges</Link>
            </nav>
            <ViewerMenu />
          </div>
          <ViewerBits />
        </header>
        <main id="main" className="wrap site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="wrap">
            <p>
              <strong>Marquee</strong> — long-form film reviews, written and argued over by its members.
            </p>
            <p className="muted">Every review keeps its full edit history. Spoilers stay folded until you ask for them.</p>
            <p className="site-footer__links">
              <Link href="/ranking">Ranking</Link> · <Link href="/badges">Badges</Link> · <Link href="/feed/new">New reviews</Link>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
