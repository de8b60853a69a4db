// The demo films: real ones, each reviewed by at least one demo member.
import type { SeedFilm } from "./types";

export const SEED_FILMS: SeedFilm[] = [
  {
    key: "sunrise",
    title: "Sunrise: A Song of Two Humans",
    year: 1927,
    director: "F. W. Murnau",
    country: "United States",
  },
  {
    key: "double-indemnity",
    title: "Double Indemnity",
    year: 1944,
    director: "Billy Wilder",
    country: "United States",
  },
  {
    key: "the-third-man",
    title: "The Third Man",
    year: 1949,
    director: "Carol Reed",
    country: "United Kingdom",
  },
  { key: "tokyo-story", title: "Tokyo Story", year: 1953, director: "Yasujirō Ozu", country: "Japan" },
  { key: "rififi", title: "Rififi", year: 1955, director: "Jules Dassin", country: "France" },
  { key: "solaris", title: "Solaris", year: 1972, director: "Andrei Tarkovsky", country: "Soviet Union" },
  {
    key: "the-conversation",
    title: "The Conversation",
    year: 1974,
    director: "Francis Ford Coppola",
    country: "United States",
  },
  { key: "spirited-away", title: "Spirited Away", year: 2001, director: "Hayao Miyazaki", country: "Japan" },
  { key: "man-on-wire", title: "Man on Wire", year: 2008, director: "James Marsh", country: "United Kingdom" },
  {
    key: "anatomy-of-a-fall",
    title: "Anatomy of a Fall",
    year: 2023,
    director: "Justine Triet",
    country: "France",
  },
];
