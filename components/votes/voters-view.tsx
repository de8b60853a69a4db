import Link from "@/components/link";
import { formatDate } from "@/lib/format";
import { NewMarker } from "@/components/new-marker";
import { pageParam } from "@/lib/pages/params";
import { avatarUrl } from "@/lib/users/avatar";
import { VOTERS_PAGE_SIZE } from "@/lib/votes/queries";
import "./votes.css";
import { upvotesLabel } from "@/lib/count-labels";

export type Voter = { username: string; name: string; image: string | null; isNew: boolean; votedAt: Date };

type Wording = { summary: (total: number) => string; pager: string; prev: string; next: string };
const UPVOTES: Wording = {
  summary: (total) => (total === 0 ? "No upvotes yet." : total === 1 ? "1 upvote." : `${upvotesLabel(total)}, newest first.`),
  pager: "Pages of upvotes",
  prev: "← Newer",
  next: "Older →",
};

/** A paged list of people with a date each: who upvoted an item (newest first), who holds a badge. */
export function VotersView({
  eyebrow,
  title,
  titleHref,
  total,
  voters,
  page,
  pageHref,
  wording = UPVOTES,
}: {
  eyebrow: string;
  title: string;
  titleHref: string;
  total: number;
  voters: Voter[];
  page: number;
  pageHref: (page: number) => string;
  wording?: Wording;
}) {
  const pages = Math.max(1, Math.ceil(total / VOTERS_PAGE_SIZE));
  return (
    <section className="voters" aria-labelledby="voters-title">
      <p className="eyebrow">{eyebrow}</p>
      <h1 id="voters-title">
        <Link href={titleHref}>
          <bdi>{title}</bdi>
        </Link>
      </h1>
      <p className="muted" data-testid="voters-total">
        {wording.summary(total)}
        {pages > 1 ? ` Page ${page} of ${pages}.` : null}
      </p>
      {voters.length ? (
        <ol className="voters__list" start={(page - 1) * VOTERS_PAGE_SIZE + 1}>
          {voters.map((v) => (
            <li key={v.username} className="voters__item">
              <img src={avatarUrl(v)} alt="" width={28} height={28} className="avatar" loading="lazy" />
              <Link href={`/u/${v.username}`} className="voters__name">
                <bdi>{v.name}</bdi>
              </Link>
              <NewMarker isNew={v.isNew} />
              <span className="muted">@{v.username}</span>
              <time className="muted voters__date" dateTime={v.votedAt.toISOString()}>
                {formatDate(v.votedAt)}
              </time>
            </li>
          ))}
        </ol>
      ) : null}
      {pages > 1 ? (
        <nav className="pager voters__pager" aria-label={wording.pager}>
          {page > 1 ? <Link href={pageHref(page - 1)}>{wording.prev}</Link> : null}
          {page < pages ? <Link href={pageHref(page + 1)}>{wording.next}</Link> : null}
        </nav>
      ) : null}
    </section>
  );
}

/** "", "2", … from an optional catch-all segment: the page number, or null when it is not one (the proxy's rule too). */
export const votersPage = pageParam;
