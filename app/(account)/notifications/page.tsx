import type { Metadata } from "next";
import Link from "@/components/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { formatDate } from "@/lib/format";
import { countUnread, listNotifications, type NoticeView } from "@/lib/notifications/queries";
import { avatarUrl } from "@/lib/users/avatar";
import "@/components/notifications/notifications.css";

export const metadata: Metadata = { title: "Notifications" };
export const instant = false;

const ICON: Record<NoticeView["kind"], string> = { review_reply: "↩", comment_reply: "↩", mention: "@", milestone: "▲", badge: "★" };

export default async function NotificationsPage({ searchParams }: PageProps<"/notifications">) {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect("/signin?callbackUrl=%2Fnotifications");
  const raw = (await searchParams).before;
  const before = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  const db = getDb();
  const [{ items, next }, unread] = await Promise.all([listNotifications(db, user.id, before), countUnread(db, user.id)]);
  const here = before ? `/notifications?before=${before}` : "/notifications";
  return (
    <div className="notices-page">
      <header className="notices-page__head">
        <div>
          <h1>Notifications</h1>
          <p className="muted" data-testid="unread-summary">
            {unread === 0 ? "You're all caught up." : unread === 1 ? "1 unread notice." : `${unread} unread notices.`}{" "}
            <Link href="/settings#notifications">Choose which notices you get</Link>
          </p>
        </div>
        {unread > 0 ? (
          <form action="/api/notifications/read" method="post">
            <input type="hidden" name="all" value="1" />
            <input type="hidden" name="back" value={here} />
            <button type="submit" className="button button--small">
              Mark all read
            </button>
          </form>
        ) : null}
      </header>
      {items.length === 0 ? (
        <p className="empty">
          {before
            ? "No older notices."
            : "Nothing here yet. When someone replies to you, mentions you or upvotes what you wrote, you'll hear about it here."}
        </p>
      ) : (
        <ol className="notices">
          {items.map((n) => (
            <li key={n.id} id={`n-${n.id}`} className={n.read ? "notice-item" : "notice-item notice-item--unread"} data-kind={n.kind}>
              {n.actor ? (
                <img src={avatarUrl(n.actor)} alt="" width={36} height={36} className="avatar notice__avatar" loading="lazy" />
              ) : (
                <span className="notice__icon" aria-hidden="true">
                  {ICON[n.kind]}
                </span>
              )}
              <div className="notice__body">
                <p className="notice__what">
                  {n.read ? null : <span className="visually-hidden">Unread: </span>}
                  {n.actor ? (
                    <Link href={`/u/${n.actor.username}`} className="notice__actor">
                      <bdi>{n.actor.name}</bdi>
                    </Link>
                  ) : n.kind === "milestone" || n.kind === "badge" ? null : (
                    <strong>deleted user</strong>
                  )}
                  {n.actor || (n.kind !== "milestone" && n.kind !== "badge") ? " " : null}
                  {n.before}
                  {/* Opening a notice marks it read: a post, so the button looks like the link it is to the reader. */}
                  <button type="submit" form={`open-${n.id}`} className="link-button notice__link">
                    <bdi>{n.subject}</bdi>
                  </button>
                  {n.after}
                </p>
                {n.excerpt ? <p className="notice__excerpt">{n.excerpt}</p> : null}
                {n.kind === "badge" ? (
                  <p className="notice__more">
                    All your badges are on <a href={n.href}>your board</a>; see where you stand in the <Link href="/ranking">Ranking</Link>.
                  </p>
                ) : null}
                <p className="notice__meta muted">
                  <time dateTime={n.createdAt.toISOString()}>{formatDate(n.createdAt)}</time>
                </p>
              </div>
              <form id={`open-${n.id}`} action={`/api/notifications/${n.id}`} method="post" hidden />
              {n.read ? null : (
                <form action="/api/notifications/read" method="post" className="notice__mark">
                  <input type="hidden" name="id" value={n.id} />
                  <input type="hidden" name="back" value={here} />
                  <button type="submit" className="link-button" aria-label={`Mark read: ${n.before}${n.subject}${n.after}`}>
                    Mark read
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {next || before ? (
        <nav className="pager" aria-label="Pages of notifications">
          {before ? <Link href="/notifications">← Newest</Link> : <span />}
          {next ? <Link href={`/notifications?before=${next}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
