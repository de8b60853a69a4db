import Link from "@/components/link";
import { ReviewList } from "@/components/review/review-list";
import { formatDate, formatMonthYear } from "@/lib/format";
import type { ReviewCard } from "@/lib/reviews/queries";
import { NewMarker } from "@/components/new-marker";
import { avatarUrl } from "@/lib/users/avatar";
import type { MemberComment, Profile } from "@/lib/users/queries";
import { BadgeBoard } from "@/components/badges/badge-board";
import type { Board } from "@/lib/badges/queries";
import "./profile.css";
import { commentsLabel, countLabel, repliesLabel, upvotesLabel } from "@/lib/count-labels";

const ROLE_LABEL = { admin: "Admin", moderator: "Moderator", member: null } as const;

export type ProfileTab =
  | { kind: "reviews"; items: ReviewCard[]; next: string | null }
  | { kind: "comments"; items: MemberComment[]; next: number | null }
  | { kind: "badges"; board: Board };

/** A member's page: who they are, their counts, and their reviews or comments, newest first. */
/** `path`: the address of the page showing it. */
export function ProfileView({ profile, tab, first, path }: { profile: Profile; tab: ProfileTab; first: boolean; path: string }) {
  const base = `/u/${profile.username}`;
  const role = ROLE_LABEL[profile.role];
  return (
    <div className="profile">
      <header className="profile__header">
        <img src={avatarUrl(profile)} alt="" width={96} height={96} className="avatar profile__avatar" />
        <div>
          <h1 className="profile__name">
            <bdi>{profile.name}</bdi>
            <NewMarker isNew={profile.isNew} /> {role ? <span className="role-pill">{role}</span> : null}
          </h1>
          <p className="muted profile__meta">
            @{profile.username} · joined {formatMonthYear(profile.createdAt)}
          </p>
          {profile.bio ? <p className="profile__bio">{profile.bio}</p> : null}
          <ul className="profile__counts" aria-label="Counts">
            <li>{countLabel(profile.reviewCount, "review", "reviews")}</li>
            <li>{commentsLabel(profile.commentCount)}</li>
            <li>{countLabel(profile.upvotesReceived, "upvote received", "upvotes received")}</li>
            <li>
              <Link href={`${base}/badges`}>{countLabel(profile.badgePoints, "badge point", "badge points")}</Link>
            </li>
          </ul>
        </div>
      </header>
      <nav className="feed-tabs" aria-label={`${profile.name}'s writing`}>
        <ul>
          <li>
            <Link href={base} aria-current={tab.kind === "reviews" ? "page" : undefined}>
              Reviews
            </Link>
          </li>
          <li>
            <Link href={`${base}/comments`} aria-current={tab.kind === "comments" ? "page" : undefined}>
              Comments
            </Link>
          </li>
          <li>
            <Link href={`${base}/badges`} aria-current={tab.kind === "badges" ? "page" : undefined}>
              Badges
            </Link>
          </li>
        </ul>
      </nav>
      {tab.kind === "badges" ? (
        <BadgeBoard board={tab.board} name={profile.name} />
      ) : tab.kind === "reviews" ? (
        tab.items.length ? (
          <ReviewList reviews={tab.items} src={path} />
        ) : (
          <p className="empty">{first ? (
              <>
                <bdi>{profile.name}</bdi> has not published a review yet.
              </>
            ) : (
              "No older reviews."
            )}</p>
        )
      ) : tab.items.length ? (
        <ol className="profile-comments">
          {tab.items.map((c) => (
            <li key={c.id} className="profile-comment">
              <p className="profile-comment__on muted">
                On{" "}
                <Link href={`/reviews/${c.reviewSlug}`}>
                  <bdi>{c.reviewTitle}</bdi>
                </Link> ·{" "}
                <Link href={`/comments/${c.id}`}>
                  <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>
                </Link>
                {c.edited ? " (edited)" : null}
              </p>
              <div className="prose prose--comment" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
              <p className="muted profile-comment__counts">
                {upvotesLabel(c.upvoteCount)} · {repliesLabel(c.replyCount)}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{first ? (
            <>
              <bdi>{profile.name}</bdi> has not commented yet.
            </>
          ) : (
            "No older comments."
          )}</p>
      )}
      {tab.kind !== "badges" && tab.next !== null ? (
        <p className="pager">
          <Link href={`${base}/${tab.kind}/${tab.next}`}>Older {tab.kind} →</Link>
        </p>
      ) : null}
    </div>
  );
}
