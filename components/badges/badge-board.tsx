import Link from "@/components/link";
import { formatDate } from "@/lib/format";
import { BADGE_BY_SLUG } from "@/lib/badges/catalog";
import type { Board, HeldBadge } from "@/lib/badges/queries";
import { BadgeIcon } from "./badge-icon";
import "./badges.css";
import { countLabel, pointsLabel } from "@/lib/count-labels";

function EarnedBy({ held }: { held: HeldBadge }) {
  if (held.commentId && held.reviewSlug) return <Link href={`/comments/${held.commentId}`}>a comment on “<bdi>{held.reviewTitle}</bdi>”</Link>;
  if (held.reviewSlug) return <Link href={`/reviews/${held.reviewSlug}`}>“<bdi>{held.reviewTitle}</bdi>”</Link>;
  return null;
}

/** A member's badge board: what they earned (newest first, with what earned it), every ladder's progress, the one-offs. */
export function BadgeBoard({ board, name }: { board: Board; name: string }) {
  const points = pointsLabel(board.points);
  return (
    <section className="board" aria-label={`${name}'s badges`}>
      <p className="board__summary muted" data-testid="board-summary">
        {board.earned.length === 0 ? (
          <>
            <bdi>{name}</bdi> has no badges yet.
          </>
        ) : (
          `${countLabel(board.earned.length, "badge")}, ${points}.`
        )}{" "}
        Compare with others in the <Link href="/ranking">Ranking</Link>, or see <Link href="/badges">every badge</Link>.
      </p>
      {board.earned.length ? (
        <>
          <h2>Earned</h2>
          <ol className="earned-list">
            {board.earned.map((h) => {
              const b = BADGE_BY_SLUG.get(h.slug);
              if (!b) return null;
              return (
                <li key={h.slug}>
                  <BadgeIcon icon={b.icon} tier={b.tier} size={32} />
                  <span>
                    <Link href={`/badges/${b.slug}`}>
                      <strong>{b.name}</strong>
                    </Link>{" "}
                    <span className={`tier tier--${b.tier}`}>{b.tier}</span>
                    <br />
                    <span className="muted">
                      <time dateTime={h.grantedAt.toISOString()}>{formatDate(h.grantedAt)}</time>
                      {h.reviewSlug ? (
                        <>
                          {" "}
                          · earned by <EarnedBy held={h} />
                        </>
                      ) : null}
                    </span>
                  </span>
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
      <h2>Ladders</h2>
      {board.ladders.map((l) => (
        <section key={l.key} className="ladder" aria-labelledby={`ladder-${l.key}`} data-ladder={l.key}>
          <div className="ladder__head">
            <h3 id={`ladder-${l.key}`}>{l.title}</h3>
            <span className="muted" data-testid={`progress-${l.key}`}>
              {l.target === null ? `${l.progress}: ladder complete` : `${l.value.toLocaleString("en-US")} / ${l.target.toLocaleString("en-US")}`}
            </span>
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label={`${l.title}: progress to the next badge`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={l.percent}
            aria-valuetext={l.target === null ? "complete" : `${l.value} of ${l.target}`}
          >
            <span className="progress__bar" style={{ width: `${l.percent}%` }} />
          </div>
          <p className="muted">
            {l.progress}
            {l.target === null ? "." : `; next badge at ${l.target.toLocaleString("en-US")}.`}
          </p>
          <ol className="ladder__rungs">
            {l.rungs.map(({ badge, held }) => (
              <li key={badge.slug} className={held ? "rung--earned" : "rung--unearned"} title={badge.rule}>
                <BadgeIcon icon={badge.icon} tier={badge.tier} size={36} muted={!held} />
                <span>{badge.name}</span>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <h2>One-off badges</h2>
      <ul className="badge-grid">
        {board.oneOffs.map(({ badge, held }) => (
          <li key={badge.slug} className={held ? "badge-card" : "badge-card badge-card--unearned"}>
            <BadgeIcon icon={badge.icon} tier={badge.tier} size={36} muted={!held} />
            <div>
              <h3>{badge.name}</h3>
              <p className="badge-card__rule">{badge.rule}</p>
              {held ? (
                <p className="muted">
                  <time dateTime={held.grantedAt.toISOString()}>{formatDate(held.grantedAt)}</time>
                </p>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
