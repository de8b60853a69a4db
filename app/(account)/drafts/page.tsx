import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { listDrafts } from "@/lib/reviews/queries";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My drafts" };
export const instant = false;

export default async function DraftsPage() {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fdrafts");
  const drafts = await listDrafts(getDb(), user.id);
  return (
    <div className="drafts-page">
      <h1>My drafts</h1>
      <p className="muted">Only you can see these. Publish one from its editor.</p>
      {drafts.length === 0 ? (
        <p className="empty">
          No drafts. <Link href="/reviews/new">Start a review</Link>
        </p>
      ) : (
        <ul className="draft-list">
          {drafts.map((d) => (
            <li key={d.id}>
              <Link href={`/reviews/${d.slug}/edit`}>
                <bdi>{d.title}</bdi>
              </Link>
              <span className="muted">
                {" "}
                · <bdi>{d.film.title}</bdi> ({d.film.year}) · last saved {formatDate(d.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
