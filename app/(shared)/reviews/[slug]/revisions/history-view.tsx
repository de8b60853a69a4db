import Link from "@/components/link";
import { BodyDiff, DiffText } from "@/components/diff-text";
import type { Comparison, History, HistoryEntry } from "./load-history";
import "../../revisions.css";

// The comparison sits below the list; every compare link jumps straight to it.
const pairHref = (slug: string, from: number, to: number) => `/reviews/${slug}/revisions/${from}...${to}#compare`;

/** The revision history of one review: every revision, then the word diff of one pair. */
export function RevisionHistory({ history }: { history: History }) {
  const { review, entries, comparison, numbers } = history;
  const count = entries.length;
  return (
    <article className="revisions" aria-labelledby="revisions-title">
      <header className="revisions__header">
        <p className="revisions__back">
          <Link href={`/reviews/${review.slug}`}>← Back to the review</Link>
        </p>
        <h1 id="revisions-title">Revision history</h1>
        <p className="revisions__of">
          “<bdi>{review.title}</bdi>”
        </p>
        <p className="muted">
          {count === 1 ? "One revision so far." : `${count} revisions, newest first.`} Each one keeps a full copy of the
          review as it stood at the time.
        </p>
        {review.isDeleted ? (
          <p className="notice">This review was deleted. Its list of revisions stays for the record; its text is no longer shown.</p>
        ) : null}
      </header>

      <section aria-labelledby="revisions-list-heading">
        <h2 id="revisions-list-heading">All revisions</h2>
        <ol className="rev-list">
          {entries.map((e, i) => (
            <RevisionItem key={e.number} entry={e} slug={review.slug} previous={entries[i + 1]?.number ?? null} isLatest={i === 0} isDeleted={review.isDeleted} />
          ))}
        </ol>
      </section>

      {comparison ? <CompareSection slug={review.slug} comparison={comparison} numbers={numbers} /> : null}
      {!comparison && !review.isDeleted ? (
        <p className="muted">There is only one version of this review, so there is nothing to compare yet.</p>
      ) : null}
    </article>
  );
}

function RevisionItem({ entry, slug, previous, isLatest, isDeleted }: { entry: HistoryEntry; slug: string; previous: number | null; isLatest: boolean; isDeleted: boolean }) {
  return (
    <li className="rev" id={`revision-${entry.number}`}>
      <h3 className="rev__title">
        Revision {entry.number}
        {isLatest ? <span className="rev__current">{isDeleted ? " (the last)" : " (current)"}</span> : null}
      </h3>
      <p className="rev__meta">
        by {entry.editor !== null ? <bdi>{entry.editor}</bdi> : <span className="muted">a deleted account</span>} <span aria-hidden="true">·</span>{" "}
        <time dateTime={entry.createdAt}>{entry.date}</time>
      </p>
      {entry.reason ? <p className="rev__reason">Reason: {entry.reason}</p> : null}
      <ul className="rev__changes" aria-label={`What revision ${entry.number} changed`}>
        {entry.changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {!isDeleted && previous !== null ? (
        <p className="rev__links">
          <Link href={pairHref(slug, previous, entry.number)}>
            Compare with revision {previous}
          </Link>
        </p>
      ) : null}
    </li>
  );
}

function CompareSection({ slug, comparison: c, numbers }: { slug: string; comparison: Comparison; numbers: number[] }) {
  const first = numbers[0]!;
  const last = numbers[numbers.length - 1]!;
  return (
    <section id="compare" className="rev-compare" aria-labelledby="compare-heading">
      <h2 id="compare-heading">
        Changes from revision {c.from} to revision {c.to}
      </h2>
      <Chooser slug={slug} numbers={numbers} from={c.from} to={c.to} />
      {numbers.length > 2 && (c.from !== first || c.to !== last) ? (
        <p className="rev-compare__shortcut">
          <Link href={pairHref(slug, first, last)}>See everything since the first version</Link>
        </p>
      ) : null}

      <h3>Title</h3>
      {c.title.changed ? (
        <p className="rev-diff rev-diff--title">
          <DiffText pieces={c.title.pieces} />
        </p>
      ) : (
        <p className="muted">The title did not change.</p>
      )}

      <h3>Score, film, tags and spoilers</h3>
      {c.details.length ? (
        <ul className="rev__changes">
          {c.details.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">None of these changed.</p>
      )}

      <h3>Text</h3>
      {c.body ? (
        <>
          <p className="muted">
            {c.body.summary} Added words are <ins className="rev-key">underlined</ins>, removed words are{" "}
            <del className="rev-key">struck through</del>; long unchanged passages are shortened.
          </p>
          {c.hasSpoilers ? (
            <details className="rev-spoiler">
              <summary>
                <strong>These versions contain spoilers.</strong> Show the changes to the text
              </summary>
              <BodyDiff pieces={c.body.pieces} />
            </details>
          ) : (
            <BodyDiff pieces={c.body.pieces} />
          )}
        </>
      ) : (
        <p className="muted">The text did not change.</p>
      )}
    </section>
  );
}

/** Two rows of links: which revision to start from, and which to compare it with. */
function Chooser({ slug, numbers, from, to }: { slug: string; numbers: number[]; from: number; to: number }) {
  if (numbers.length <= 2) return null;
  const row = (label: string, options: number[], current: number, href: (n: number) => string, hidden: string) => (
    <div className="rev-chooser__row">
      <span className="rev-chooser__label" aria-hidden="true">
        {label}
      </span>
      <ul className="rev-chooser__options" aria-label={`${label} revision`}>
        {options.map((n) => (
          <li key={n}>
            {n === current ? (
              <span className="rev-chip rev-chip--current" aria-current="true">
                <span className="visually-hidden">{hidden}</span>
                {n}
              </span>
            ) : (
              <Link className="rev-chip" href={href(n)}>
                <span className="visually-hidden">{hidden}</span>
                {n}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
  return (
    <nav className="rev-chooser" aria-label="Choose two revisions to compare">
      {row("From", numbers.filter((n) => n < to), from, (n) => pairHref(slug, n, to), "from revision ")}
      {row("To", numbers.filter((n) => n > from), to, (n) => pairHref(slug, from, n), "to revision ")}
    </nav>
  );
}
