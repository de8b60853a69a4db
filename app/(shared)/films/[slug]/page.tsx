import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cacheLife, cacheTag } from "next/cache";
import { getDb } from "@/lib/db";
import { ALL_TAG, FEED_TAG, filmTag } from "@/lib/cache/tags";
import { getFilmBySlug } from "@/lib/films/queries";
import { listFeed } from "@/lib/reviews/queries";
import { ReviewList } from "@/components/review/review-list";
import { ScoreHistogram } from "@/components/film/score-histogram";
import { countLabel } from "@/lib/count-labels";

export const ensureStatic = "navigation";
const SHOWN = 50;

export async function generateStaticParams() {
  return [{ slug: "_" }];
}

async function loadFilm(slug: string) {
  "use cache";
  cacheLife("max");
  const db = getDb();
  const film = await getFilmBySlug(db, slug);
  cacheTag(ALL_TAG, film ? filmTag(film.id) : FEED_TAG);
  if (!film) return null;
  return { film, reviews: (await listFeed(db, { tab: "new", filmId: film.id, limit: SHOWN })).items };
}

export async function generateMetadata({ params }: PageProps<"/films/[slug]">): Promise<Metadata> {
  const data = await loadFilm((await params).slug);
  return data ? { title: `${data.film.title} (${data.film.year})` } : {};
}

export default async function FilmPage({ params }: PageProps<"/films/[slug]">) {
  const data = await loadFilm((await params).slug);
  if (!data) notFound();
  const { film, reviews } = data;
  const facts = [film.director && `Directed by ${film.director}`, film.country].filter(Boolean).join(" · ");
  return (
    <div className="film-page">
      <header className="film-page__header">
        <p className="eyebrow">Film</p>
        <h1>
          <bdi>{film.title}</bdi> <span className="muted">({film.year})</span>
        </h1>
        {facts ? <p className="muted">{facts}</p> : null}
      </header>
      <section className="film-stats" aria-label="Scores">
        <div className="film-stats__average">
          {film.average !== null ? (
            <>
              <span className="film-stats__number">{film.average.toFixed(1)}</span>
              <span className="muted">
                average of {film.scoreCount} scores
              </span>
            </>
          ) : (
            <span className="muted">
              The average appears once three members have scored it ({film.scoreCount} so far).
            </span>
          )}
          <span className="muted">
            {countLabel(film.reviewCount, "review")}
          </span>
        </div>
        <ScoreHistogram histogram={film.histogram} />
      </section>
      <section aria-labelledby="film-reviews">
        <h2 id="film-reviews">Reviews</h2>
        {reviews.length === 0 ? (
          <p className="empty">Nobody has published a review of this film yet.</p>
        ) : (
          <ReviewList reviews={reviews} showFilm={false} src={`/films/${film.slug}`} />
        )}
        {film.reviewCount > SHOWN ? <p className="muted">Showing the {SHOWN} newest reviews.</p> : null}
      </section>
    </div>
  );
}
