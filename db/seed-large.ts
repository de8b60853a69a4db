// The large seed (`npm run seed:large`): a deterministic Marquee database at benchmark scale —
// tens of thousands of members, a hundred thousand reviews, a million comments, millions of upvotes.
//
// It does not replay history through the verbs (db/seed.ts does that for the demo): at this size
// that takes hours. Instead it plans every row in memory from one seeded generator and a fixed
// "now", writes the rows with raw prepared statements in large transactions, and derives what the
// verbs would have kept. Counters per row (reviews, comments, films, members) are computed while
// planning; badges, monthly standings and the badge notices come from set-based SQL that mirrors
// lib/badges/backfill.ts and lib/recount.ts. Those two app functions are too slow at this size
// (see `derive`), and the integration test holds the fast path equal to them at a small size.
//
// Files built from the same options hold the same rows, id for id.
import { createHash, scryptSync } from "node:crypto";
import type Database from "better-sqlite3";
import type { DB } from "@/db";
import { BACKFILL_QUIET_AFTER_MS, backfillBadges } from "@/lib/badges/backfill";
import { BADGES, LADDER_SPECS, type LadderKey } from "@/lib/badges/catalog";
import { MAX_THREAD_DEPTH } from "@/lib/comments/create-comment";
import { childPath } from "@/lib/comments/path";
import { RENDERER_VERSION, renderMarkdown } from "@/lib/markdown/render";
import { isMilestone } from "@/lib/notifications/notify";
import { MONTHLY_STANDINGS_SQL } from "@/lib/recount";
import { RESERVED_SLUGS } from "@/lib/reviews/create-review";
import { hotScore } from "@/lib/reviews/hot";
import { MAX_TAGS, TAG_PATTERN } from "@/lib/reviews/schemas";
import { foldText, uniqueSlug, urlSlug } from "@/lib/slug";
import { NEWCOMER_CONTRIBUTIONS, NEWCOMER_DAYS } from "@/lib/users/newcomer";
import { isReservedUsername, usernameKey, USERNAME_MAX, USERNAME_MIN, USERNAME_PATTERN } from "@/lib/users/username";

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
// As lib/badges/backfill.ts counts a year of membership.
const YEAR_MS = 365 * DAY;

/** The moment the large database describes: nothing in it happens later. */
export const LARGE_NOW = new Date("2026-11-20T00:00:00.000Z");
/** Every member of the large database signs in with this password. */
export const LARGE_PASSWORD = "marquee-large-2026";
/** The scrypt cost of the shared hash: the app's default (SCRYPT_COST). */
const LARGE_SCRYPT_LOG_N = 17;
/** Review threads of exactly these sizes (live comments), for the thread benchmarks. */
export const LARGE_THREAD_SIZES: readonly number[] = [200, 1000];

const HISTORY_DAYS = 3 * 365;
// Recent enough to sit in someone's bell: reply and milestone notices of the last month.
const NOTICE_DAYS = 30;
// As db/seed.ts: notices older than three days have been read, six hours after they came.
const READ_BEFORE_MS = 3 * DAY;
const READ_AFTER_MS = 6 * HOUR;
// The member with a full badge board: what each ladder's top rung needs, with a margin.
const STAR_REVIEWS = 106;
const STAR_COMMENTS = 540;
const STAR_UPVOTES = 5_300;
const STAR_VIEWS = 10_400;
const STAR_REVIEW_COMMENTS = 4;
const STAR_COMMENT_UPVOTES = 12;

export class LargeSeedError extends Error {}

export type LargeOptions = {
  users: number;
  reviews: number;
  comments: number;
  /** Upvotes on reviews and comments together. */
  votes: number;
  /** post_views rows (one reader, one review, one day); by default half the votes, and what the landmarks need. */
  views?: number;
  /** By default one film for every 30 reviews (at least 20). */
  films?: number;
  /** The generator's seed: the same seed and counts give the same rows. */
  seed?: number;
  now?: Date;
  /** Live comment counts of the landmark threads (default 200 and 1,000). */
  threadSizes?: readonly number[];
  /** One member earns every badge in the catalog (default true). */
  fullBoard?: boolean;
  /**
   * How badges, monthly standings and counters are derived. "sql" (default): computed while
   * planning and by set-based SQL. "app": rows are written with zero counters, then the app's own
   * backfillBadges (which ends with recountAll) fills them in — the reference, far too slow at
   * full size: both walk every comment once per member for replies received.
   */
  derive?: "sql" | "app";
  /** A precomputed hash of LARGE_PASSWORD (largePasswordHash), to skip the scrypt. */
  passwordHash?: string;
  log?: (line: string) => void;
};

export type LargeLandmarks = {
  /** Reviews with exactly the asked number of live comments, in one threaded discussion each. */
  threads: { comments: number; slug: string }[];
  /** The film with the most published reviews. */
  popularFilm: { slug: string; reviews: number };
  /** The published review with the most upvotes. */
  popularReview: { slug: string; upvotes: number };
  /** The member holding every badge in the catalog (null without `fullBoard`). */
  fullBoard: { username: string; badges: number } | null;
  admin: string | null;
  moderator: string | null;
};

// ————————————————————————————————————————————————————————————— random numbers

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** sfc32, seeded through splitmix32: one independent stream per name, so phases don't disturb each other. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, stream: string) {
    let h = hash32(`${seed}/${stream}`);
    const mix = () => {
      h = (h + 0x9e3779b9) | 0;
      let z = h;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = mix();
    this.b = mix();
    this.c = mix();
    this.d = mix();
    for (let i = 0; i < 15; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  /** Pareto with minimum 1: most draws near 1, a few very large. */
  pareto(alpha: number): number {
    return Math.pow(1 - this.next(), -1 / alpha);
  }
  exp(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** Draws indices by weight from a prefix of a list (members ordered by joining: those who had joined by then). */
class PrefixSampler {
  readonly cum: Float64Array;
  constructor(weights: Float64Array) {
    this.cum = new Float64Array(weights.length);
    let s = 0;
    for (let i = 0; i < weights.length; i++) this.cum[i] = s += weights[i]!;
  }
  draw(rng: Rng, k: number): number {
    const total = this.cum[k - 1]!;
    if (!(total > 0)) return 0;
    const r = rng.next() * total;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** How many of the ascending `xs` are below `x`. */
function countBelow(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How long after an item things happen to it: a mix of exponential delays [weight, mean ms]. */
type Delays = readonly (readonly [number, number])[];
// Most replies come within days, a tail over months; the landmark threads keep going for longer.
const COMMENT_DELAYS: Delays = [[0.7, 1.5 * DAY], [0.25, 15 * DAY], [0.05, 120 * DAY]];
const THREAD_DELAYS: Delays = [[0.45, 5 * DAY], [0.45, 40 * DAY], [0.1, 200 * DAY]];
const REVIEW_VOTE_DELAYS: Delays = [[0.75, 2 * DAY], [0.2, 30 * DAY], [0.05, 400 * DAY]];
const COMMENT_VOTE_DELAYS: Delays = [[0.8, DAY], [0.17, 10 * DAY], [0.03, 200 * DAY]];
const VIEW_DELAYS: Delays = [[0.6, 3 * DAY], [0.3, 60 * DAY], [0.1, 500 * DAY]];

/** The share of an item's eventual comments or votes that has arrived `span` ms after it appeared. */
function arrived(mix: Delays, span: number): number {
  let f = 0;
  for (const [w, mean] of mix) f += w * (1 - Math.exp(-Math.max(0, span) / mean));
  return f;
}

/** A delay drawn from the mix, given that it fell within `span` (what a snapshot at that moment holds). */
function delayWithin(r: Rng, mix: Delays, span: number): number {
  if (!(span > 0)) return 0;
  const parts = mix.map(([w, mean]) => w * (1 - Math.exp(-span / mean)));
  let x = r.next() * parts.reduce((a, b) => a + b, 0);
  let k = 0;
  while (k < mix.length - 1 && x >= parts[k]!) x -= parts[k++]!;
  const mean = mix[k]![1];
  return Math.min(span - 1, Math.floor(-mean * Math.log(1 - r.next() * (1 - Math.exp(-span / mean)))));
}

/**
 * Splits `total` units over items in proportion to their weights, each between its floor and its
 * cap (stochastic rounding, then unit by unit), so the parts add up to exactly `total`.
 */
function allocate(total: number, weights: Float64Array, caps: Int32Array, floors: Int32Array, rng: Rng, what: string): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  let rest = total;
  let room = 0;
  for (let i = 0; i < n; i++) {
    out[i] = Math.min(floors[i]!, caps[i]!);
    rest -= out[i]!;
    room += caps[i]! - out[i]!;
  }
  const nf = (x: number) => x.toLocaleString("en-US");
  if (rest < 0) throw new LargeSeedError(`${what}: ${nf(total)} is too few; the landmarks alone need ${nf(total - rest)}.`);
  if (rest > room) throw new LargeSeedError(`${what}: ${nf(total)} do not fit; there is room for at most ${nf(total - rest + room)}.`);
  for (let round = 0; rest > 0 && round < 8; round++) {
    let wsum = 0;
    for (let i = 0; i < n; i++) if (out[i]! < caps[i]!) wsum += weights[i]!;
    if (!(wsum > 0)) break;
    const share = rest / wsum;
    for (let i = 0; i < n; i++) {
      const free = caps[i]! - out[i]!;
      if (free <= 0) continue;
      const add = Math.min(free, Math.floor(weights[i]! * share + rng.next()));
      out[i] = out[i]! + add;
      rest -= add;
    }
    // Rounding up overshot: take single units back from items above their floor.
    while (rest < 0) {
      const i = rng.int(n);
      if (out[i]! > floors[i]!) {
        out[i] = out[i]! - 1;
        rest++;
      }
    }
  }
  while (rest > 0) {
    const open: number[] = [];
    for (let i = 0; i < n; i++) if (out[i]! < caps[i]!) open.push(i);
    const w = new Float64Array(open.map((i) => weights[i]! + 1e-9));
    const sampler = new PrefixSampler(w);
    for (let tries = 0; rest > 0 && tries < 4 * open.length + 64; tries++) {
      const i = open[sampler.draw(rng, open.length)]!;
      if (out[i]! < caps[i]!) {
        out[i] = out[i]! + 1;
        rest--;
      }
    }
  }
  return out;
}

/** Sorts a run of times and nudges repeats apart, so each is at least 1 ms after the one before. */
function strictlyIncreasing(ts: Float64Array) {
  ts.sort();
  for (let i = 1; i < ts.length; i++) if (ts[i]! <= ts[i - 1]!) ts[i] = ts[i - 1]! + 1;
}

const dayString = (() => {
  const cache = new Map<number, string>();
  return (day: number) => {
    let s = cache.get(day);
    if (s === undefined) cache.set(day, (s = new Date(day * DAY).toISOString().slice(0, 10)));
    return s;
  };
})();

// ————————————————————————————————————————————————————————————— words

const words = (s: string) => s.trim().split(/\s+/);
const list = (s: string) => s.split("|").map((x) => x.trim());

const FIRST_NAMES = words(`Ingrid Tobias Mara Femi Kenji Lucía Samir Hollis Amara Bao Chiara Dmitri Esme Farah Gideon Hana
  Ilse Jonah Kofi Leila Mateo Nadia Oskar Priya Quentin Rosa Sven Tamsin Umar Vera Wren Ximena Yusuf Zoë Anouk Bruno Céline
  Dario Elif Felix Greta Hugo Imani Jun Kasia Luca Mira Nils Olu Pilar Rafael Saoirse Tariq Ulla Vikram Wanjiru Yara Zeynep
  Aiko Björn Camila Declan Emeka Freya Gael Hiroshi Inès Jakob Kalinda Lorenzo Maëlle Noor Orla Paulo Rania Stellan Thandiwe
  Uriel Valentina Wim Xiu Yosef Zainab Agnès Bilal Clara Dagny Ezra Fatima Goran Helga Isak Jae Katja Lior Marisol Niamh
  Otto Petra Ravi Sanne Tomás Una Viggo Willa Yasmin Zeke Ada Bernard Cosima Duc Eamon Flora Giulia Hamid Ivo Juno Kamal
  Lotte Malik Nell Omar Paloma Rhys Selin Teodor Ugo Vesna Walter Yoko Amir Beatriz Caspar Dalia Enzo Fern Hiro Ida`);
const LAST_NAMES = list(`Alvarado|Renner|Kowalczyk|Oyelaran|Nakamura|del Prado|Haddad|Greer|Okafor|Lindqvist|Moreau|Tanaka|
  Ferreira|Novak|Achterberg|Brennan|Castellanos|Dubois|Eriksen|Fontaine|Gallagher|Hoffmann|Ibáñez|Jansen|Kaur|Laurent|
  Mbeki|Nieminen|O'Connell|Petrov|Quiroga|Rossi|Sato|Takahashi|Ueda|Varga|Whitlock|Xu|Yilmaz|Zamora|Abernathy|Bianchi|
  Chowdhury|Dimitriou|Esposito|Fischer|García|Halvorsen|Iwasaki|Jovanović|Kim|Lefebvre|Mendoza|Nowak|Ortega|Park|Reyes|
  Schmidt|Tran|Urquhart|Vance|Weiss|Yamamoto|Zielinski|Adeyemi|Bergström|Conti|Duarte|Ekström|Farouk|Grünwald|Horvat|
  Ishikawa|Jiménez|Kovacs|Lund|Marchetti|Nair|Olsen|Pereira|Rahman|Santos|Toivonen|Uribe|Valdés|Wójcik|Yoon|Zhou|Ambrose|
  Baptiste|Carvalho|Delacroix|Elmi|Falk|Gonzaga|Hale|Ito|Kaplan|Lowe|Maddox|Nguyen|Osei|Pike|Rask|Sorensen|Thorne|Vos|Wilde`);
const HANDLE_A = words(`noir reel frame cine film matinee midnight projector celluloid silver late slow wide long final
  quiet velvet neon paper nitrate second front back`);
const HANDLE_B = words(`owl fox hound crow moth heron otter wolf lark rook wren badger magpie cat raven whale hare seal
  goat swan finch lynx`);
const BIOS_A = list(`Projectionist at a small-town cinema|Sound editor by day|Film history student|Retired schoolteacher|
  Runs a Thursday film club|Freelance subtitler|Night-shift nurse who catches the late screenings|Architect|Librarian|
  Animation obsessive|Collects festival lanyards|Former video-shop clerk|Cinematography nerd|Writes about horror for a zine|
  Parent of two, sees one film a week if lucky|Software developer|Documentary producer|Translator|Amateur composer|Barista`);
const BIOS_B = list(`Partial to westerns and anything shot on 16mm.|Slow cinema, long takes, no apologies.|Believes every film
  is ten minutes too long.|Working through the Criterion Collection in order.|Here for the production design.|Scores
  generously, argues fiercely.|Loves a heist picture.|Will defend the 1970s to anyone.|Mostly Japanese and Korean cinema.|
  Rewatches more than is healthy.|Documentaries, musicals and the occasional kaiju film.|Still thinks about one ending from
  2009.|Notices the room tone before the dialogue.|Subtitles on, always.|Here to find films I missed.`);
const FILM_ADJ = words(`Last Silent Long Broken Golden Hidden Quiet Burning Distant Crimson Hollow Northern Lonely Endless
  Bitter Wild Pale Final Secret Shattered Summer Winter Midnight Electric Paper Glass Iron Velvet Sleeping Little Empty
  Lost Second Blue Red Black White Falling Drowned Borrowed Invisible`);
const FILM_NOUN = words(`Harbor River Light Road House Garden Mirror Shore Season City Station Orchard Tide Signal Frontier
  Horizon Crossing Letter Island Machine Kingdom Valley Window Circus Carnival Hotel Lighthouse Bridge Country Forest Sister
  Brother Mother Father Stranger Witness Summer Winter Night Morning Hour Ghost Orchestra Border Promise Silence Fever`);
const FILM_PLACE = list(`Lisbon|Kyoto|Marseille|Tbilisi|Lagos|Oaxaca|Reykjavík|Naples|Odessa|Busan|Tangier|Valparaíso|
  Galway|Trieste|Hanoi|Dakar|Bergen|Havana|Istanbul|Kraków|Montréal|Nairobi|Porto|Sarajevo|Tehran|Vilnius|Manila|Seville`);
const COUNTRIES = list(`United States|France|Japan|United Kingdom|Italy|South Korea|Germany|Iran|India|Mexico|Brazil|
  Spain|Sweden|Poland|Nigeria|Argentina|Denmark|Hong Kong|Taiwan|Soviet Union|Senegal|Turkey|Romania|Canada|Australia`);
const TAGS = words(`drama noir thriller horror comedy documentary animation sci-fi western romance slow-cinema
  neo-noir arthouse cult coming-of-age period-piece heist crime mystery fantasy musical war silent-era new-wave
  experimental rewatch first-watch festival restoration 35mm 70mm black-and-white debut adaptation remake biopic
  road-movie martial-arts giallo kaiju melodrama satire political family ensemble long-take soundtrack
  cinematography underrated overrated classic 1970s 1980s 1990s japanese-cinema french-cinema korean-cinema
  italian-cinema iranian-cinema sound-design paranoia`);

const SUBJECTS = list(`the camera|the score|the editing|the lead performance|the final shot|the production design|
  the sound design|the screenplay|the supporting cast|the cinematography|the opening sequence|the second act|the ending|
  the dialogue|the lighting|every close-up|the long takes|the pacing|the colour grading|the central relationship|
  the framing|the silence|the use of sound|the costume design|the villain|the child actor`);
const VERBS = list(`holds|withholds|earns|carries|undercuts|frames|complicates|sustains|rewards|betrays|echoes|softens|
  sharpens|unsettles|deepens|quietly rewrites|refuses|honours`);
const OBJECTS = list(`the silence between scenes|its quietest moments|a surprising amount of grief|the whole film|
  the audience's patience|the emotional weight|the city at night|every small gesture|the mystery|the tension|the humour|
  the romance|its own ambitions|the last twenty minutes|the idea of home|the genre's oldest tricks|what the plot cannot say`);
const ADJECTIVES = words(`patient tender brutal quiet restless luminous austere playful melancholy precise uneven hypnotic
  generous cold warm strange assured fragile furious gentle lucid sly unhurried bruising`);
const THEMES = words(`memory grief distance obsession loyalty home time regret desire family faith ambition solitude
  violence forgiveness class exile friendship work ageing`);
const OCCASIONS = list(`on a rainy Tuesday|at a festival screening|on a battered DVD|in a half-empty cinema|at two in the
  morning|on 35mm last spring|as a teenager|with my father|in a repertory double bill|on a long-haul flight|at an outdoor
  screening|after years of putting it off`);
const PARTS = list(`first act|second act|final act|opening minutes|last reel|middle stretch|closing scene|prologue`);
const SPOILERS = list(`the brother was dead all along|the letters were never sent|she walks out of the final shot alone|
  the house burns in the last reel|the detective made the call himself|the narrator is the daughter|the money was never
  there|the twins switch places at the wedding|the stranger is her father|nobody leaves the island`);
const HEADINGS = list(`The first hour|On the score|What the ending asks|Performances|A note on the restoration|
  Why it matters now|The look of it|Where it stumbles|Second viewing|Context|The craft|What stays`);
const QUOTES = list(`"You only get one evening like this," she says, and the film believes her.|"Nobody comes back
  from the coast the same."|"I kept the key. I don't know why."|"It was never about the money."|"Tell me the part about
  the river again."|"Some houses remember."`);
const REASONS_BODY = list(`Added a paragraph on the ending|Expanded the section on the score|Added a note about the
  restoration|Rewrote the last paragraph after a rewatch`);
const REASONS_SCORE = list(`Changed my score after a second viewing|Rewatched it; the score moved|Settled on a score`);
const REASONS_TAGS = list(`Tidied the tags|Added tags|Fixed the tags`);
const TITLE_PHRASES = list(`a quiet masterpiece|beautiful and maddening|the long goodbye|worth the wait|better on a second
  viewing|overrated, and here is why|a film about waiting|small, precise, devastating|style over substance?|the best thing
  I saw this year|a flawed, fascinating mess|patience rewarded|not for everyone|an old favourite revisited|the one that got
  away|stranger than I remembered|a love letter to the cinema|cold, clever, unforgettable|all mood, no mercy`);

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function reviewSentence(r: Rng): string {
  const s = () => r.pick(SUBJECTS);
  const a = () => r.pick(ADJECTIVES);
  const templates = [
    () => `${cap(s())} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`,
    () => `What stays with me is how ${s()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`,
    () => `It is a ${a()} film about ${r.pick(THEMES)}, and it never pretends otherwise.`,
    () => `I first saw it ${r.pick(OCCASIONS)}, and I have not stopped thinking about it.`,
    () => `There is a moment in the ${r.pick(PARTS)} where ${s()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, and everything shifts.`,
    () => `Not everything works: ${s()} feels ${a()} where it should feel ${a()}.`,
    () => `The film is at its best when it trusts ${r.pick(OBJECTS)}.`,
    () => `If ${s()} is ${a()}, ${s()} is ${a()}, and the tension between them is the point.`,
    () => `Few films this ${a()} are also this ${a()}.`,
    () => `By the ${r.pick(PARTS)}, it has turned a story about ${r.pick(THEMES)} into one about ${r.pick(THEMES)}.`,
    () => `Watch how ${s()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}; it is doing more work than the plot.`,
    () => `Some viewers will find it ${a()}; I found it ${a()}.`,
    () => `It asks for patience and pays it back with interest.`,
    () => `The ${a()} rhythm of ${s()} is the film's real subject.`,
    () => `On a second viewing, ${s()} reads very differently.`,
    () => `Nobody in it says what they want, which is exactly why it works.`,
    () => `I keep returning to the ${r.pick(PARTS)}, where ${s()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`,
    () => `It is hard to overstate how ${a()} ${s()} is here.`,
    () => `The obvious comparison is the old studio melodramas, but this is closer to a ghost story about ${r.pick(THEMES)}.`,
    () => `${cap(s())} ${r.pick(VERBS)} ${r.pick(OBJECTS)} without a single wasted frame.`,
    () => `For all its ${a()} surfaces, the film is really about ${r.pick(THEMES)}.`,
    () => `I am less sure about ${s()}, which sometimes tips from ${a()} into ${a()}.`,
    () => `Every time I watch it, ${s()} seems more ${a()}.`,
    () => `The film understands ${r.pick(THEMES)} better than most films twice its budget.`,
  ];
  let out = r.pick(templates)();
  // Markdown a reader would use: emphasis, the odd link.
  const w = out.split(" ");
  if (w.length > 6 && r.chance(0.18)) w[3] = `*${w[3]}*`;
  else if (w.length > 6 && r.chance(0.08)) w[2] = `**${w[2]}**`;
  else if (w.length > 8 && /^\p{L}+$/u.test(w[5]!) && r.chance(0.04)) w[5] = `[${w[5]}](https://example.org/notes/${r.int(900) + 100})`;
  out = w.join(" ");
  return out;
}

/** A review body of about `target` words: paragraphs, sometimes headings, quotes, lists and inline spoilers. */
function reviewBody(r: Rng, target: number, spoilers: boolean): string {
  const blocks: string[] = [];
  let count = 0;
  let sinceHeading = 0;
  const paragraph = () => Array.from({ length: r.between(3, 6) }, () => reviewSentence(r)).join(" ");
  while (count < target || blocks.length < 3) {
    let block: string;
    const x = r.next();
    if (target > 900 && sinceHeading > 320 && blocks.length > 1) {
      block = `## ${r.pick(HEADINGS)}`;
      sinceHeading = 0;
    } else if (x < 0.07) block = `> ${r.pick(QUOTES)}`;
    else if (x < 0.12) block = [`${r.pick(["Three things I loved:", "What works:", "A few notes:", "What I would change:"])}`, "", ...Array.from({ length: r.between(3, 5) }, () => `- ${reviewSentence(r)}`)].join("\n");
    else if (spoilers && x < 0.2) block = `${paragraph()} The turn, if you have seen it: >!${r.pick(SPOILERS)}!<. ${reviewSentence(r)}`;
    else block = paragraph();
    blocks.push(block);
    const n = block.split(/\s+/).length;
    count += n;
    sinceHeading += n;
  }
  return blocks.join("\n\n");
}

const COMMENT_OPENERS = list(`This.|Completely agree.|Respectfully, I think you're wrong about the ending.|Great review.|
  I had the opposite reaction.|Saw it last week because of this review.|Thanks for writing this.|Hmm.|Spot on about the
  score.|Interesting take!|Fair, but|Counterpoint:|Same here.|Beautifully put.|I'm not convinced.|Yes! Finally someone
  says it.|Good catch.|Did anyone else notice this?`);

function commentBody(r: Rng): string {
  const x = r.next();
  const sentences = (n: number) => Array.from({ length: n }, () => reviewSentence(r)).join(" ");
  if (x < 0.12) return r.pick(COMMENT_OPENERS);
  if (x < 0.45) return `${r.pick(COMMENT_OPENERS)} ${sentences(r.between(1, 2))}`;
  if (x < 0.6) return `> ${reviewSentence(r)}\n\n${r.pick(COMMENT_OPENERS)} ${sentences(r.between(1, 3))}`;
  if (x < 0.7) return `${sentences(1)} Also, >!${r.pick(SPOILERS)}!< — that changes how the ${r.pick(PARTS)} plays.`;
  if (x < 0.78) return `${r.pick(COMMENT_OPENERS)}\n\n${Array.from({ length: r.between(2, 4) }, () => `- ${reviewSentence(r)}`).join("\n")}`;
  if (x < 0.9) return sentences(r.between(2, 4));
  return `${sentences(r.between(3, 5))}\n\n${sentences(r.between(2, 4))}`;
}

/**
 * Which earlier comment of a discussion its `j`-th comment answers (an index below `j`), or -1
 * when it starts a thread of its own. Conversations: half reply to one of the last few comments
 * (chains), half to any earlier one; none goes deeper than MAX_THREAD_DEPTH.
 */
function replyTo(r: Rng, j: number, pTop: number, depthOf: (i: number) => number): number {
  if (j === 0 || r.chance(pTop)) return -1;
  const parent = r.chance(0.55) ? j - 1 - r.int(Math.min(j, 4)) : r.int(j);
  return depthOf(parent) >= MAX_THREAD_DEPTH ? -1 : parent;
}

/**
 * A discussion of `n` comments drawn as this seed draws its long discussions: whom each answers
 * (-1: nobody) and its body (markdown). The benchmark gives its demo discussions these, so a
 * discussion on the demo and on the large database is the same kind of page.
 */
export function sampleDiscussion(n: number): { parent: number; body: string }[] {
  const r = new Rng(20261120, "sample-discussion");
  const depth: number[] = [];
  return Array.from({ length: n }, (_, j) => {
    const parent = replyTo(r, j, 0.3, (i) => depth[i]!);
    depth[j] = parent < 0 ? 1 : depth[parent]! + 1;
    return { parent, body: commentBody(r) };
  });
}

type Body = { md: string; html: string; excerpt: string; words: number; readingMinutes: number; spoilers: boolean; earlierMd: string };
type Pools = { reviews: Body[]; comments: { md: string; html: string }[] };

// Rendered once per process with the app's renderer and shared round-robin: rendering a million
// bodies would take longer than writing them.
let pools: Pools | undefined;
function renderPools(): Pools {
  if (pools) return pools;
  const r = new Rng(20261120, "bodies");
  const reviews: Body[] = [];
  for (let i = 0; i < 100; i++) {
    const x = r.next();
    const target = x < 0.2 ? r.between(120, 250) : x < 0.7 ? r.between(250, 550) : x < 0.92 ? r.between(550, 1100) : r.between(1200, 2500);
    const md = reviewBody(r, target, r.chance(0.4));
    const out = renderMarkdown(md);
    // The text before its last paragraph was added: what an earlier revision held.
    const earlierMd = md.slice(0, md.lastIndexOf("\n\n"));
    reviews.push({ md, html: out.html, excerpt: out.excerpt, words: out.words, readingMinutes: out.readingMinutes, spoilers: out.hasSpoilers, earlierMd });
  }
  const comments = Array.from({ length: 160 }, () => {
    const md = commentBody(r);
    return { md, html: renderMarkdown(md, { demoteHeadings: true }).html };
  });
  return (pools = { reviews, comments });
}

// ————————————————————————————————————————————————————————————— planning: members

type Members = {
  n: number;
  ids: string[];
  usernames: string[];
  keys: string[];
  names: string[];
  bios: string[];
  roles: ("member" | "moderator" | "admin")[];
  /** Ascending: members are numbered in the order they joined. */
  joined: Float64Array;
  reviewW: Float64Array;
  commentW: Float64Array;
  voteW: Float64Array;
  /** The member with the full badge board, or -1. */
  star: number;
};

function uuid(r: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 16; i++) hex.push(r.int(256).toString(16).padStart(2, "0"));
  hex[6] = (0x40 | (parseInt(hex[6]!, 16) & 0x0f)).toString(16);
  hex[8] = (0x80 | (parseInt(hex[8]!, 16) & 0x3f)).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ascii = (s: string) => foldText(s).replace(/ /g, "");

function planMembers(o: Required<Pick<LargeOptions, "users" | "seed">> & { now: number; fullBoard: boolean }): Members {
  const r = new Rng(o.seed, "members");
  const n = o.users;
  const start = o.now - HISTORY_DAYS * DAY;
  const span = o.now - HOUR - start;
  const joined = new Float64Array(n);
  // The founders arrive in the first days; after that, more join every month than the month before.
  const founders = Math.min(n, 3);
  for (let i = 0; i < n; i++) joined[i] = Math.floor(i < founders ? start + r.next() * 3 * DAY : start + DAY + (span - DAY) * Math.pow(r.next(), 1 / 1.6));
  strictlyIncreasing(joined);
  const admins = Math.max(1, Math.round(n / 10_000));
  const moderators = Math.max(1, Math.round(n / 4_000));
  const taken = new Set<string>();
  const m: Members = {
    n,
    ids: [],
    usernames: [],
    keys: [],
    names: [],
    bios: [],
    roles: [],
    joined,
    reviewW: new Float64Array(n),
    commentW: new Float64Array(n),
    voteW: new Float64Array(n),
    star: -1,
  };
  for (let i = 0; i < n; i++) {
    const first = r.pick(FIRST_NAMES);
    const last = r.pick(LAST_NAMES);
    const f = ascii(first);
    const l = ascii(last);
    const x = r.next();
    let base =
      x < 0.35 ? `${f}_${l}`
      : x < 0.5 ? `${f}${l}`
      : x < 0.62 ? `${f}${r.between(1, 99)}`
      : x < 0.72 ? `${f.charAt(0)}${l}`
      : x < 0.82 ? `${r.pick(HANDLE_A)}_${r.pick(HANDLE_B)}`
      : x < 0.9 ? `${f}_${l}_${r.between(70, 99)}`
      : `${cap(f)}${cap(l)}`;
    base = base.slice(0, USERNAME_MAX);
    let username = base;
    for (let k = 2; username.length < USERNAME_MIN || !USERNAME_PATTERN.test(username) || isReservedUsername(username) || taken.has(usernameKey(username)); k++) {
      const suffix = String(k);
      username = `${base.slice(0, USERNAME_MAX - suffix.length)}${suffix}`;
    }
    taken.add(usernameKey(username));
    m.ids.push(uuid(r));
    m.usernames.push(username);
    m.keys.push(usernameKey(username));
    m.names.push(`${first} ${last}`);
    m.bios.push(r.chance(0.35) ? `${r.pick(BIOS_A)}. ${r.pick(BIOS_B)}` : "");
    m.roles.push(i < admins ? "admin" : i < admins + moderators ? "moderator" : "member");
    // Engagement: most members are occasional, a few write and vote a lot.
    const e = Math.min(r.pareto(1.3), 200);
    m.reviewW[i] = e * (0.2 + r.next());
    m.commentW[i] = e * (0.3 + r.next());
    m.voteW[i] = Math.pow(e, 0.7) * (0.3 + r.next());
  }
  if (o.fullBoard) {
    // An early member, well past a year of membership; their reviews and comments are placed by hand.
    const star = Math.min(n - 1, admins + moderators + r.int(Math.max(1, Math.floor(n / 100))));
    if (o.now - joined[star]! < YEAR_MS + 30 * DAY) throw new LargeSeedError("The member with a full badge board must have joined over a year ago; use more members.");
    m.star = star;
    m.reviewW[star] = 0;
    m.commentW[star] = 0;
  }
  return m;
}

// ————————————————————————————————————————————————————————————— planning: films and reviews

type Films = { n: number; titles: string[]; keys: string[]; years: Int32Array; directors: (string | null)[]; countries: (string | null)[]; weight: Float64Array };

function planFilms(count: number, seed: number, now: number): Films {
  const r = new Rng(seed, "films");
  const lastYear = new Date(now).getUTCFullYear();
  const f: Films = { n: count, titles: [], keys: [], years: new Int32Array(count), directors: [], countries: [], weight: new Float64Array(count) };
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    let title = "";
    let year = 0;
    for (let tries = 0; ; tries++) {
      const x = r.next();
      const adj = r.pick(FILM_ADJ);
      const noun = r.pick(FILM_NOUN);
      title =
        x < 0.25 ? `The ${adj} ${noun}`
        : x < 0.4 ? `${noun} of the ${adj} ${r.pick(FILM_NOUN)}`
        : x < 0.52 ? `${adj} ${noun}`
        : x < 0.62 ? `A ${noun} in ${r.pick(FILM_PLACE)}`
        : x < 0.7 ? `${r.pick(FIRST_NAMES)}'s ${noun}`
        : x < 0.78 ? `The ${noun} and the ${r.pick(FILM_NOUN)}`
        : x < 0.85 ? `Before the ${noun}`
        : x < 0.92 ? `${r.pick(FILM_PLACE)}, ${r.pick(["Night", "Summer", "Winter", "Morning", "Again", "Forever"])}`
        : `${noun}s`;
      if (tries > 4) title = `${title} ${["II", "III", "Redux", "Returns", "Revisited"][tries % 5]}`;
      // Most films reviewed are recent; a long tail reaches back to the silent era.
      year = lastYear - Math.floor(Math.pow(r.next(), 2.2) * 100);
      const key = `${foldText(title)}|${year}`;
      if (!seen.has(key)) {
        seen.add(key);
        break;
      }
    }
    f.titles.push(title);
    f.keys.push(foldText(title));
    f.years[i] = year;
    f.directors.push(r.chance(0.85) ? `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}` : null);
    f.countries.push(r.chance(0.8) ? r.pick(COUNTRIES) : null);
    // A handful of films everyone reviews, a long tail with one or two reviews each.
    f.weight[i] = 1 / Math.pow(i + 4, 0.85);
  }
  return f;
}

type Edit = { at: number; kind: "body" | "score" | "tags"; reason: string };

type Reviews = {
  n: number;
  /** Indexed by post id - 1 (ids follow creation). */
  author: Int32Array;
  film: Int32Array;
  title: string[];
  slug: string[];
  body: Int32Array;
  score: Int32Array; // 0 = none
  spoilers: Uint8Array;
  tags: string[][];
  published: Uint8Array;
  createdAt: Float64Array;
  publishedAt: Float64Array; // 0 for drafts
  updatedAt: Float64Array;
  edits: (Edit[] | null)[];
  popularity: Float64Array;
  /** The landmark threads: post index → live comments asked. */
  threads: Map<number, number>;
  starReviews: number[];
};

function planReviews(o: { reviews: number; seed: number; now: number; threadSizes: readonly number[] }, m: Members, f: Films, pool: Pools): Reviews {
  const r = new Rng(o.seed, "reviews");
  const n = o.reviews;
  const badTag = TAGS.find((t) => !TAG_PATTERN.test(t));
  if (badTag) throw new Error(`"${badTag}" is not a tag the app accepts.`);
  const start = o.now - HISTORY_DAYS * DAY;
  // Slots first (status and times), then authors, then everything else in creation order.
  type Slot = { created: number; published: number; updated: number; author: number };
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) {
    const draft = r.chance(0.06);
    const t = Math.floor(start + 3 * DAY + (o.now - 2 * HOUR - start - 3 * DAY) * Math.pow(r.next(), 1 / 1.8));
    if (draft) slots.push({ created: t, published: 0, updated: Math.min(o.now - MINUTE, t + Math.floor(r.exp(3 * DAY))), author: -1 });
    // Some were saved as drafts first and published later.
    else slots.push({ created: r.chance(0.15) ? t - Math.floor(HOUR + r.next() * 6 * DAY) : t, published: t, updated: t, author: -1 });
  }
  const stars: number[] = [];
  if (m.star >= 0) {
    const after = m.joined[m.star]! + DAY;
    const candidates = slots.map((s, i) => i).filter((i) => slots[i]!.published && slots[i]!.created > after);
    if (candidates.length < STAR_REVIEWS) throw new LargeSeedError("Too few reviews for the member with a full badge board; use more reviews.");
    for (let k = 0; k < STAR_REVIEWS; k++) {
      const j = k + r.int(candidates.length - k);
      [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
      slots[candidates[k]!]!.author = m.star;
      stars.push(candidates[k]!);
    }
  }
  const sampler = new PrefixSampler(m.reviewW);
  for (const s of slots) {
    if (s.author >= 0) continue;
    const k = Math.max(1, countBelow(m.joined, s.created - HOUR));
    s.author = sampler.draw(r, k);
    if (s.created < m.joined[s.author]! + MINUTE) s.created = m.joined[s.author]! + MINUTE + r.int(HOUR);
  }
  for (const s of slots) {
    if (s.published) {
      s.published = Math.max(s.published, s.created);
      s.updated = s.published;
    } else s.updated = Math.max(s.updated, s.created);
  }
  // Ids follow creation.
  const order = slots.map((_, i) => i).sort((a, b) => slots[a]!.created - slots[b]!.created || a - b);
  const position = new Int32Array(n);
  order.forEach((slot, id) => (position[slot] = id));
  const rv: Reviews = {
    n,
    author: new Int32Array(n),
    film: new Int32Array(n),
    title: [],
    slug: [],
    body: new Int32Array(n),
    score: new Int32Array(n),
    spoilers: new Uint8Array(n),
    tags: [],
    published: new Uint8Array(n),
    createdAt: new Float64Array(n),
    publishedAt: new Float64Array(n),
    updatedAt: new Float64Array(n),
    edits: [],
    popularity: new Float64Array(n),
    threads: new Map(),
    starReviews: stars.map((s) => position[s]!).sort((a, b) => a - b),
  };
  // Every film gets a review (films are created by the review that first names them): the first
  // reviews of the plan go one to each film, released by then; the rest follow the films' popularity.
  const filmSampler = new PrefixSampler(f.weight);
  const filmOf = new Int32Array(n).fill(-1);
  const unassigned = order.slice();
  for (let film = 0; film < f.n && unassigned.length; film++) {
    let pickAt = -1;
    for (let tries = 0; tries < 40 && pickAt < 0; tries++) {
      const j = r.int(unassigned.length);
      if (new Date(slots[unassigned[j]!]!.created).getUTCFullYear() >= f.years[film]!) pickAt = j;
    }
    if (pickAt < 0) {
      pickAt = r.int(unassigned.length);
      f.years[film] = Math.min(f.years[film]!, new Date(slots[unassigned[pickAt]!]!.created).getUTCFullYear());
    }
    filmOf[unassigned[pickAt]!] = film;
    unassigned[pickAt] = unassigned[unassigned.length - 1]!;
    unassigned.pop();
  }
  for (const slot of unassigned) {
    const year = new Date(slots[slot]!.created).getUTCFullYear();
    let film = filmSampler.draw(r, f.n);
    for (let tries = 0; tries < 30 && f.years[film]! > year; tries++) film = filmSampler.draw(r, f.n);
    if (f.years[film]! > year) film = 0;
    filmOf[slot] = film;
  }
  const takenSlugs = new Set<string>();
  const tagSampler = new PrefixSampler(new Float64Array(TAGS.map((_, i) => 1 / (i + 2))));
  const scoreSampler = new PrefixSampler(new Float64Array([1, 1, 2, 3, 5, 9, 16, 22, 15, 8]));
  for (let id = 0; id < n; id++) {
    const s = slots[order[id]!]!;
    const film = filmOf[order[id]!]!;
    rv.author[id] = s.author;
    rv.film[id] = film;
    rv.published[id] = s.published ? 1 : 0;
    rv.createdAt[id] = s.created;
    rv.publishedAt[id] = s.published;
    rv.updatedAt[id] = s.updated;
    const ft = f.titles[film]!;
    const fy = f.years[film]!;
    const x = r.next();
    const title =
      x < 0.3 ? `${ft}: ${r.pick(TITLE_PHRASES)}`
      : x < 0.4 ? `Why ${ft} still works`
      : x < 0.48 ? `Notes on ${ft}`
      : x < 0.55 ? `Rewatching ${ft}`
      : x < 0.62 ? `${ft} (${fy})`
      : x < 0.68 ? `In defence of ${ft}`
      : x < 0.74 ? `${ft} and the art of ${r.pick(THEMES)}`
      : x < 0.8 ? `First impressions: ${ft}`
      : x < 0.85 ? `The ending of ${ft}`
      : x < 0.9 ? `${ft} on 35mm`
      : cap(r.pick(TITLE_PHRASES));
    rv.title.push(title);
    const slug = uniqueSlug(urlSlug(title) || "review", (c) => RESERVED_SLUGS.has(c) || takenSlugs.has(c));
    takenSlugs.add(slug);
    rv.slug.push(slug);
    const body = id % pool.reviews.length;
    rv.body[id] = body;
    rv.score[id] = r.chance(0.88) ? scoreSampler.draw(r, 10) + 1 : 0;
    rv.spoilers[id] = r.chance(pool.reviews[body]!.spoilers ? 0.5 : 0.08) ? 1 : 0;
    const tagCount = Math.min(MAX_TAGS, [0, 1, 1, 2, 2, 2, 3, 3, 4, 5][r.int(10)]!);
    const tags = new Set<string>();
    while (tags.size < tagCount) tags.add(TAGS[tagSampler.draw(r, TAGS.length)]!);
    rv.tags.push([...tags].sort());
    rv.popularity[id] = s.published ? Math.min(r.pareto(1.5), 600) * (0.5 + r.next()) : 0;
    // Later edits, each a while after the one before (never a grace edit).
    let edits: Edit[] | null = null;
    if (s.published && r.chance(0.12)) {
      edits = [];
      let at = s.published;
      const count = r.chance(0.25) ? 2 : 1;
      for (let k = 0; k < count; k++) {
        at += Math.floor(HOUR + r.exp(4 * DAY));
        if (at > o.now - MINUTE) break;
        const kind = k === 0 && r.chance(0.5) ? "body" : rv.score[id] && r.chance(0.5) ? "score" : "tags";
        edits.push({ at, kind, reason: r.pick(kind === "body" ? REASONS_BODY : kind === "score" ? REASONS_SCORE : REASONS_TAGS) });
      }
      if (!edits.length) edits = null;
      else rv.updatedAt[id] = edits[edits.length - 1]!.at;
    }
    rv.edits.push(edits);
  }
  if (m.star >= 0) {
    // What the one-off badges need: a scored review, a spoiler-flagged one, an edited one.
    const [a, b] = rv.starReviews;
    rv.score[a!] ||= 8;
    rv.spoilers[b!] = 1;
    if (!rv.edits[a!]) {
      const at = rv.publishedAt[a!]! + 2 * DAY;
      rv.edits[a!] = [{ at, kind: "body", reason: REASONS_BODY[0]! }];
      rv.updatedAt[a!] = at;
    }
  }
  // The landmark threads go to reviews that had months to gather them.
  const owners = m.star >= 0 ? rv.starReviews : Array.from({ length: n }, (_, i) => i).filter((i) => rv.published[i]);
  const seasoned = owners.filter((i) => rv.publishedAt[i]! < o.now - 120 * DAY && !rv.edits[i]);
  const pickFrom = seasoned.length >= o.threadSizes.length ? seasoned : owners;
  if (pickFrom.length < o.threadSizes.length) throw new LargeSeedError("Too few published reviews for the landmark threads.");
  o.threadSizes.forEach((size, k) => rv.threads.set(pickFrom[Math.floor(((k + 0.5) * pickFrom.length) / o.threadSizes.length)]!, size));
  return rv;
}

// ————————————————————————————————————————————————————————————— planning: comments

type Comments = {
  n: number;
  // By plan index (thread by thread); ids come from the time order.
  post: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  time: Float64Array;
  deletedAt: Float64Array; // 0 = live
  editedAt: Float64Array; // 0 = never edited
  author: Int32Array;
  body: Int32Array;
  earlierBody: Int32Array;
  replies: Int32Array;
  id: Int32Array;
  /** Plan indices in id order. */
  byId: Int32Array;
  path: string[];
  /** Plan index of each review's first comment, and how many it has. */
  first: Int32Array;
  count: Int32Array;
};

function planComments(o: { comments: number; seed: number; now: number }, m: Members, rv: Reviews, pool: Pools): Comments {
  const r = new Rng(o.seed, "comments");
  const threadTotal = [...rv.threads.values()].reduce((a, b) => a + b, 0);
  const star = m.star;
  const starMinimum = star >= 0 ? (rv.starReviews.length - rv.threads.size) * STAR_REVIEW_COMMENTS : 0;
  if (o.comments < threadTotal + starMinimum)
    throw new LargeSeedError(`comments: ${nf(o.comments)} is too few; the landmark threads and reviews need ${nf(threadTotal + starMinimum)}.`);
  // How many comments each published review gets: landmark threads exactly, the rest by popularity
  // (fewer for reviews too young to have gathered many).
  const weights = new Float64Array(rv.n);
  const caps = new Int32Array(rv.n);
  const floors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i] || rv.threads.has(i)) continue;
    // Young reviews have had only part of their discussion yet.
    weights[i] = Math.pow(rv.popularity[i]!, 0.9) * arrived(COMMENT_DELAYS, o.now - rv.publishedAt[i]!);
    caps[i] = 20_000;
  }
  if (star >= 0) for (const i of rv.starReviews) if (!rv.threads.has(i)) floors[i] = STAR_REVIEW_COMMENTS;
  const counts = allocate(o.comments - threadTotal, weights, caps, floors, r, "--comments");
  for (const [i, size] of rv.threads) counts[i] = size;

  const n = o.comments;
  const c: Comments = {
    n,
    post: new Int32Array(n),
    parent: new Int32Array(n),
    depth: new Int32Array(n),
    time: new Float64Array(n),
    deletedAt: new Float64Array(n),
    editedAt: new Float64Array(n),
    author: new Int32Array(n),
    body: new Int32Array(n),
    earlierBody: new Int32Array(n),
    replies: new Int32Array(n),
    id: new Int32Array(n),
    byId: new Int32Array(n),
    path: [],
    first: new Int32Array(rv.n).fill(-1),
    count: counts,
  };
  const sizes = new Set(rv.threads.values());
  const lastChild = new Float64Array(n);
  let g = 0;
  for (let p = 0; p < rv.n; p++) {
    const k = counts[p]!;
    if (!k) continue;
    const landmark = rv.threads.has(p);
    c.first[p] = g;
    const pub = rv.publishedAt[p]!;
    const lo = pub + MINUTE;
    const span = o.now - k - lo;
    const times = new Float64Array(k);
    // Discussions are busiest in the first days and trail off.
    for (let j = 0; j < k; j++) times[j] = lo + delayWithin(r, landmark ? THREAD_DELAYS : COMMENT_DELAYS, span);
    strictlyIncreasing(times);
    const pTop = landmark ? 0.3 : 0.35;
    for (let j = 0; j < k; j++) {
      const at = g + j;
      c.post[at] = p;
      c.time[at] = times[j]!;
      const answers = replyTo(r, j, pTop, (i) => c.depth[g + i]!);
      const parent = answers < 0 ? -1 : g + answers;
      c.parent[at] = parent;
      c.depth[at] = parent < 0 ? 1 : c.depth[parent]! + 1;
      if (parent >= 0) lastChild[parent] = times[j]!;
    }
    if (!landmark) {
      // A few comments were deleted later; replies came before the deletion.
      let live = k;
      for (let j = 0; j < k; j++) {
        const at = g + j;
        if (!r.chance(0.012)) continue;
        const when = Math.max(c.time[at]!, lastChild[at]!) + Math.floor(HOUR + r.exp(3 * DAY));
        if (when >= o.now) continue;
        c.deletedAt[at] = when;
        live--;
      }
      // Only the landmarks have exactly their size: one more deletion moves any other review off it.
      for (let j = k - 1; sizes.has(live) && j >= 0; j--) {
        const at = g + j;
        if (c.deletedAt[at] || lastChild[at]! > 0) continue;
        const when = c.time[at]! + Math.max(HOUR, Math.floor((o.now - c.time[at]!) / 2));
        if (when >= o.now) continue;
        c.deletedAt[at] = when;
        live--;
      }
    }
    g += k;
  }

  // Authors: anyone who had joined by then, by appetite; the review's author often answers.
  const sampler = new PrefixSampler(m.commentW);
  for (let i = 0; i < n; i++) {
    const p = c.post[i]!;
    const parent = c.parent[i]!;
    const reviewAuthor = rv.author[p]!;
    const parentAuthor = parent >= 0 ? c.author[parent]! : -1;
    if (parent >= 0 && parentAuthor !== reviewAuthor && r.chance(0.12)) {
      c.author[i] = reviewAuthor;
      continue;
    }
    const k = Math.max(1, countBelow(m.joined, c.time[i]! - MINUTE));
    let a = sampler.draw(r, k);
    if (a === parentAuthor) a = sampler.draw(r, k);
    c.author[i] = a;
  }
  if (star >= 0) {
    let have = 0;
    for (let i = 0; i < n; i++) if (c.author[i] === star && !c.deletedAt[i]) have++;
    const after = m.joined[star]! + DAY;
    const candidates: number[] = [];
    for (let i = 0; i < n; i++) {
      if (c.deletedAt[i] || c.time[i]! < after || c.author[i] === star) continue;
      const parent = c.parent[i]!;
      if (parent < 0 ? rv.author[c.post[i]!] === star : c.author[parent] === star) continue;
      candidates.push(i);
    }
    const need = Math.max(0, STAR_COMMENTS - have);
    if (candidates.length < need) throw new LargeSeedError("Too few comments for the member with a full badge board; use more comments.");
    for (let k = 0; k < need; k++) {
      const j = k + r.int(candidates.length - k);
      [candidates[k], candidates[j]] = [candidates[j]!, candidates[k]!];
      c.author[candidates[k]!] = star;
    }
  }

  // Bodies, and a few edits (a new revision, well after posting).
  for (let i = 0; i < n; i++) {
    c.body[i] = i % pool.comments.length;
    c.earlierBody[i] = -1;
    if (!c.deletedAt[i] && r.chance(0.02)) {
      const at = c.time[i]! + Math.floor(10 * MINUTE + r.exp(DAY));
      if (at < o.now) {
        c.editedAt[i] = at;
        c.earlierBody[i] = (i + 1 + r.int(pool.comments.length - 1)) % pool.comments.length;
      }
    }
    const parent = c.parent[i]!;
    if (parent >= 0 && !c.deletedAt[i]) c.replies[parent] = c.replies[parent]! + 1;
  }

  // Ids in time order (as the app hands them out), then paths from them.
  const byId = new Int32Array(n);
  for (let i = 0; i < n; i++) byId[i] = i;
  byId.sort((a, b) => c.time[a]! - c.time[b]! || a - b);
  c.byId = byId;
  for (let k = 0; k < n; k++) c.id[byId[k]!] = k + 1;
  c.path = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const i = byId[k]!;
    const parent = c.parent[i]!;
    c.path[i] = childPath(parent >= 0 ? c.path[parent]! : null, k + 1);
  }
  return c;
}

// ————————————————————————————————————————————————————————————— planning: votes and views

type Votes = {
  reviewCount: Int32Array;
  reviewStart: Int32Array;
  commentCount: Int32Array;
  commentStart: Int32Array;
  rVoter: Int32Array;
  rTime: Float64Array;
  cVoter: Int32Array;
  cTime: Float64Array;
};

type Notice = { recipient: number; kind: "review_reply" | "comment_reply" | "milestone"; actor: number; post: number; comment: number; target: string | null; amount: number | null; at: number };

function planVotes(o: { votes: number; seed: number; now: number }, m: Members, rv: Reviews, c: Comments, notices: Notice[]): Votes {
  const r = new Rng(o.seed, "votes");
  const star = m.star;
  // Floors that give the star their upvote ladder and both ten-upvote badges.
  let perStarReview = 0;
  let perStarComment = 0;
  const starComments: number[] = [];
  if (star >= 0) {
    for (const i of c.byId) if (c.author[i] === star && !c.deletedAt[i]) starComments.push(i);
    perStarReview = Math.min(m.n - 1, Math.max(STAR_COMMENT_UPVOTES, Math.ceil((0.75 * STAR_UPVOTES) / rv.starReviews.length)));
    perStarComment = Math.min(m.n - 1, Math.ceil(Math.max(0, STAR_UPVOTES - perStarReview * rv.starReviews.length) / starComments.length));
    if (perStarReview * rv.starReviews.length + perStarComment * starComments.length < STAR_UPVOTES || m.n - 1 < STAR_COMMENT_UPVOTES)
      throw new LargeSeedError("Too few members to give one member a full badge board; use more members.");
  }
  const rw = new Float64Array(rv.n);
  const rCaps = new Int32Array(rv.n);
  const rFloors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    rw[i] = rv.popularity[i]! * arrived(REVIEW_VOTE_DELAYS, o.now - rv.publishedAt[i]!);
    rCaps[i] = m.n - 1;
  }
  for (const i of rv.starReviews) rFloors[i] = perStarReview;
  const cw = new Float64Array(c.n);
  const cCaps = new Int32Array(c.n);
  const cFloors = new Int32Array(c.n);
  for (let i = 0; i < c.n; i++) {
    const deleted = c.deletedAt[i]!;
    const open = (deleted || o.now) - c.time[i]!;
    cw[i] = Math.min(r.pareto(1.6), 400) * (c.parent[i]! < 0 ? 1.5 : 1) * Math.pow(1 + rv.popularity[c.post[i]!]!, 0.3) * arrived(COMMENT_VOTE_DELAYS, open);
    // Votes on a deleted comment came before it went, from members who had joined by then.
    cCaps[i] = deleted ? Math.max(0, countBelow(m.joined, deleted - 2_000) - 1) : m.n - 1;
  }
  starComments.forEach((i, k) => (cFloors[i] = k === 0 ? Math.max(perStarComment, STAR_COMMENT_UPVOTES) : perStarComment));
  let floorR = 0;
  for (const x of rFloors) floorR += x;
  let floorC = 0;
  for (const x of cFloors) floorC += x;
  const forReviews = Math.min(o.votes - floorC, Math.max(Math.round(o.votes * 0.4), floorR));
  const reviewCount = allocate(forReviews, rw, rCaps, rFloors, r, "--votes (on reviews)");
  const commentCount = allocate(o.votes - forReviews, cw, cCaps, cFloors, r, "--votes (on comments)");
  const v: Votes = {
    reviewCount,
    reviewStart: new Int32Array(rv.n + 1),
    commentCount,
    commentStart: new Int32Array(c.n + 1),
    rVoter: new Int32Array(forReviews),
    rTime: new Float64Array(forReviews),
    cVoter: new Int32Array(o.votes - forReviews),
    cTime: new Float64Array(o.votes - forReviews),
  };
  for (let i = 0; i < rv.n; i++) v.reviewStart[i + 1] = v.reviewStart[i]! + reviewCount[i]!;
  for (let i = 0; i < c.n; i++) v.commentStart[i + 1] = v.commentStart[i]! + commentCount[i]!;

  const sampler = new PrefixSampler(m.voteW);
  const stamp = new Int32Array(m.n);
  let item = 0;
  const noticeFrom = o.now - NOTICE_DAYS * DAY;
  /**
   * `k` upvotes on an item that appeared at `from`: each one's time first (delays truncated at
   * `until`), then its voter among the members who had joined by then — active ones likelier,
   * never the author, nobody twice. When everyone that early has voted, the vote moves later.
   */
  const cast = (k: number, from: number, until: number, mix: Delays, author: number, voters: Int32Array, times: Float64Array, at: number) => {
    item++;
    const last = countBelow(m.joined, until - 1_000);
    for (let j = at; j < at + k; j++) {
      let t = from + 1_000 + delayWithin(r, mix, until - from - 1_000);
      let u = -1;
      for (let tries = 0; tries < 48 && u < 0; tries++) {
        if (tries % 12 === 11) t = Math.floor(t + (until - t) * r.next());
        const x = sampler.draw(r, Math.max(1, countBelow(m.joined, t - 1_000)));
        if (x !== author && stamp[x] !== item && m.joined[x]! < t - 1_000) u = x;
      }
      for (let step = 0, x = r.int(last); u < 0 && step < last; step++, x = (x + 1) % last) if (x !== author && stamp[x] !== item) u = x;
      if (u < 0) throw new Error("No member left to cast an upvote (the allocation allowed more than there are members).");
      stamp[u] = item;
      voters[j] = u;
      times[j] = Math.min(until, Math.max(t, m.joined[u]! + 1_000));
    }
  };
  const milestones = (times: Float64Array, recipient: number, post: number, comment: number) => {
    let latest = 0;
    for (const t of times) latest = Math.max(latest, t);
    if (latest < noticeFrom) return;
    const sorted = times.slice().sort();
    for (let k = 1; k <= sorted.length; k++) {
      if (!isMilestone(k) || sorted[k - 1]! < noticeFrom) continue;
      const target = comment >= 0 ? `c${c.id[comment]}` : `r${post + 1}`;
      notices.push({ recipient, kind: "milestone", actor: -1, post, comment, target, amount: k, at: sorted[k - 1]! });
    }
  };
  for (let i = 0; i < rv.n; i++) {
    const k = reviewCount[i]!;
    if (!k) continue;
    const at = v.reviewStart[i]!;
    cast(k, rv.publishedAt[i]!, o.now, REVIEW_VOTE_DELAYS, rv.author[i]!, v.rVoter, v.rTime, at);
    milestones(v.rTime.subarray(at, at + k), rv.author[i]!, i, -1);
  }
  for (const i of c.byId) {
    const k = commentCount[i]!;
    if (!k) continue;
    const at = v.commentStart[i]!;
    const until = c.deletedAt[i] ? c.deletedAt[i]! - 1_000 : o.now;
    cast(k, c.time[i]!, until, COMMENT_VOTE_DELAYS, c.author[i]!, v.cVoter, v.cTime, at);
    milestones(v.cTime.subarray(at, at + k), c.author[i]!, c.post[i]!, i);
  }
  return v;
}

type Views = { count: Int32Array; start: Int32Array; day: Int32Array; viewer: Int32Array };

function planViews(total: number, o: { seed: number; now: number }, m: Members, rv: Reviews, v: Votes): Views {
  const r = new Rng(o.seed, "views");
  const w = new Float64Array(rv.n);
  const caps = new Int32Array(rv.n);
  const floors = new Int32Array(rv.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    w[i] = (v.reviewCount[i]! + 3) * (0.5 + r.next());
    caps[i] = 2_000_000_000;
  }
  const starFloor = rv.starReviews.length ? Math.ceil(STAR_VIEWS / rv.starReviews.length) : 0;
  for (const i of rv.starReviews) floors[i] = starFloor;
  const count = allocate(total, w, caps, floors, r, "--views");
  const views: Views = { count, start: new Int32Array(rv.n + 1), day: new Int32Array(total), viewer: new Int32Array(total) };
  for (let i = 0; i < rv.n; i++) views.start[i + 1] = views.start[i]! + count[i]!;
  const sampler = new PrefixSampler(m.voteW);
  const lastDay = Math.floor((o.now - 1) / DAY);
  for (let i = 0; i < rv.n; i++) {
    const k = count[i]!;
    if (!k) continue;
    const firstDay = Math.min(lastDay, Math.floor(rv.publishedAt[i]! / DAY));
    const seen = new Set<number>();
    for (let j = views.start[i]!; j < views.start[i]! + k; j++) {
      const day = Math.min(lastDay, Math.floor((rv.publishedAt[i]! + delayWithin(r, VIEW_DELAYS, (lastDay + 1) * DAY - rv.publishedAt[i]!)) / DAY));
      views.day[j] = day;
      views.viewer[j] = -1;
      // A quarter are signed-in members (never the author), once a day each; the rest anonymous.
      if (r.chance(0.25)) {
        const u = sampler.draw(r, Math.max(1, countBelow(m.joined, (day + 1) * DAY)));
        const key = u * 65_536 + (day - firstDay);
        if (u !== rv.author[i] && !seen.has(key)) {
          seen.add(key);
          views.viewer[j] = u;
        }
      }
    }
  }
  return views;
}

// ————————————————————————————————————————————————————————————— writing

/**
 * One prepared single-row INSERT per table, run once per row inside the caller's transaction.
 * (Multi-row VALUES lists measured slower here: 500k votes took 7–10 s in batches of 50–666 rows,
 * 2–3 s one row at a time.)
 */
class Bulk {
  private readonly stmt: Database.Statement;
  private rows = 0;
  constructor(client: Database.Database, head: string, width: number) {
    this.stmt = client.prepare(`${head} values (${Array.from({ length: width }, () => "?").join(",")})`);
  }
  add(...values: unknown[]) {
    this.stmt.run(values);
    this.rows++;
  }
  finish(): number {
    return this.rows;
  }
}

type Plan = { m: Members; f: Films; rv: Reviews; c: Comments; v: Votes; views: Views; notices: Notice[]; pool: Pools; filmId: Int32Array; filmCreated: Float64Array; filmSlug: string[] };

/** Counters per member, review, comment and film, as lib/recount.ts defines them. */
type Counters = {
  upvotes: Int32Array;
  upvotesAt: Float64Array;
  reviews: Int32Array;
  reviewsAt: Float64Array;
  comments: Int32Array;
  replies: Int32Array;
  views: Float64Array;
  firstReview: Uint8Array;
  editedAfter: Int32Array; // -1 = none
};

function countAll(p: Plan): Counters {
  const { m, rv, c, v, views } = p;
  const k: Counters = {
    upvotes: new Int32Array(m.n),
    upvotesAt: new Float64Array(m.n),
    reviews: new Int32Array(m.n),
    reviewsAt: new Float64Array(m.n),
    comments: new Int32Array(m.n),
    replies: new Int32Array(m.n),
    views: new Float64Array(m.n),
    firstReview: new Uint8Array(rv.n),
    editedAfter: new Int32Array(rv.n).fill(-1),
  };
  for (let i = 0; i < rv.n; i++) {
    const a = rv.author[i]!;
    k.upvotes[a] = k.upvotes[a]! + v.reviewCount[i]!;
    for (let j = v.reviewStart[i]!; j < v.reviewStart[i + 1]!; j++) k.upvotesAt[a] = Math.max(k.upvotesAt[a]!, v.rTime[j]!);
    k.views[a] = k.views[a]! + views.count[i]!;
    if (rv.published[i]) {
      k.reviews[a] = k.reviews[a]! + 1;
      k.reviewsAt[a] = Math.max(k.reviewsAt[a]!, rv.publishedAt[i]!);
    }
  }
  for (let i = 0; i < c.n; i++) {
    const a = c.author[i]!;
    k.upvotes[a] = k.upvotes[a]! + v.commentCount[i]!;
    for (let j = v.commentStart[i]!; j < v.commentStart[i + 1]!; j++) k.upvotesAt[a] = Math.max(k.upvotesAt[a]!, v.cTime[j]!);
    if (c.deletedAt[i]) continue;
    k.comments[a] = k.comments[a]! + 1;
    const parent = c.parent[i]!;
    const to = parent < 0 ? rv.author[c.post[i]!]! : c.author[parent]!;
    if (to !== a) k.replies[to] = k.replies[to]! + 1;
  }
  // A first review is a newcomer's first published one: a young account, or fewer than three
  // contributions before it (comments posted and not yet deleted by then; no review yet).
  const firstPub = new Int32Array(m.n).fill(-1);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    const a = rv.author[i]!;
    const prev = firstPub[a]!;
    if (prev < 0 || rv.publishedAt[i]! < rv.publishedAt[prev]!) firstPub[a] = i;
  }
  const before = new Int32Array(m.n);
  for (let i = 0; i < c.n; i++) {
    const a = c.author[i]!;
    const first = firstPub[a]!;
    if (first < 0) continue;
    const at = rv.publishedAt[first]!;
    if (c.time[i]! < at && !(c.deletedAt[i] && c.deletedAt[i]! <= at)) before[a] = before[a]! + 1;
  }
  for (let a = 0; a < m.n; a++) {
    const first = firstPub[a]!;
    if (first < 0) continue;
    const young = rv.publishedAt[first]! - m.joined[a]! < NEWCOMER_DAYS * DAY;
    k.firstReview[first] = young || before[a]! < NEWCOMER_CONTRIBUTIONS ? 1 : 0;
  }
  // "Edited after N comments": the live comments when each substantive edit came.
  for (let i = 0; i < rv.n; i++) {
    const edits = rv.edits[i];
    if (!edits) continue;
    for (const e of edits) {
      let live = 0;
      const from = c.first[i]!;
      for (let j = from; from >= 0 && j < from + c.count[i]!; j++) if (c.time[j]! < e.at && !(c.deletedAt[j] && c.deletedAt[j]! <= e.at)) live++;
      if (live > 0) k.editedAfter[i] = live;
    }
  }
  return k;
}

function writeMembers(client: Database.Database, p: Plan, k: Counters, exact: boolean, hash: string, now: number) {
  const { m } = p;
  const bulk = new Bulk(
    client,
    `insert into users (id, username, username_key, name, email, password_hash, bio, role, created_at, upvotes_received,
      review_count, comment_count, is_new, replies_received, views_received, upvotes_reached_at, reviews_reached_at)`,
    17,
  );
  for (let a = 0; a < m.n; a++) {
    const isNew = now - m.joined[a]! < NEWCOMER_DAYS * DAY || k.reviews[a]! + k.comments[a]! < NEWCOMER_CONTRIBUTIONS;
    bulk.add(
      m.ids[a],
      m.usernames[a],
      m.keys[a],
      m.names[a],
      `${m.keys[a]}@members.marquee.test`,
      hash,
      m.bios[a],
      m.roles[a],
      m.joined[a],
      exact ? k.upvotes[a] : 0,
      exact ? k.reviews[a] : 0,
      exact ? k.comments[a] : 0,
      exact ? (isNew ? 1 : 0) : 1,
      exact ? k.replies[a] : 0,
      exact ? k.views[a] : 0,
      exact && k.upvotesAt[a] ? k.upvotesAt[a] : null,
      exact && k.reviewsAt[a] ? k.reviewsAt[a] : null,
    );
  }
  return bulk.finish();
}

function writeFilms(client: Database.Database, p: Plan, exact: boolean) {
  const { f, rv } = p;
  const reviews = new Int32Array(f.n);
  const sum = new Int32Array(f.n);
  const scored = new Int32Array(f.n);
  for (let i = 0; i < rv.n; i++) {
    if (!rv.published[i]) continue;
    const film = rv.film[i]!;
    reviews[film] = reviews[film]! + 1;
    if (rv.score[i]) {
      sum[film] = sum[film]! + rv.score[i]!;
      scored[film] = scored[film]! + 1;
    }
  }
  const bulk = new Bulk(client, `insert into films (id, slug, title, title_key, year, director, country, review_count, score_sum, score_count, created_at)`, 11);
  const byId = Array.from({ length: f.n }, (_, i) => i).sort((a, b) => p.filmId[a]! - p.filmId[b]!);
  for (const film of byId) {
    bulk.add(p.filmId[film], p.filmSlug[film], f.titles[film], f.keys[film], f.years[film], f.directors[film], f.countries[film],
      exact ? reviews[film] : 0, exact ? sum[film] : 0, exact ? scored[film] : 0, p.filmCreated[film]);
  }
  return bulk.finish();
}

function writeReviews(client: Database.Database, p: Plan, k: Counters, exact: boolean) {
  const { m, rv, c, v, views, pool } = p;
  const posts = new Bulk(
    client,
    `insert into posts (id, slug, author_id, film_id, title, body_md, body_html, renderer_version, excerpt, score, has_spoilers,
      status, word_count, reading_minutes, published_at, edited_at, edited_after_comments, revision_count, upvote_count,
      comment_count, view_count, hot_score, first_review, created_at, updated_at)`,
    25,
  );
  const tags = new Bulk(client, `insert into post_tags (post_id, tag)`, 2);
  type Rev = { post: number; number: number; at: number; updated: number; reason: string | null; body: string; score: number; tags: string[] };
  const revisions: Rev[] = [];
  for (let i = 0; i < rv.n; i++) {
    const body = pool.reviews[rv.body[i]!]!;
    const edits = rv.edits[i];
    const published = !!rv.published[i];
    let live = 0;
    for (let j = c.first[i]!; c.first[i]! >= 0 && j < c.first[i]! + c.count[i]!; j++) if (!c.deletedAt[j]) live++;
    posts.add(
      i + 1,
      rv.slug[i],
      m.ids[rv.author[i]!],
      p.filmId[rv.film[i]!],
      rv.title[i],
      body.md,
      body.html,
      RENDERER_VERSION,
      body.excerpt,
      rv.score[i] || null,
      rv.spoilers[i],
      published ? "published" : "draft",
      body.words,
      body.readingMinutes,
      published ? rv.publishedAt[i] : null,
      edits ? edits[edits.length - 1]!.at : null,
      k.editedAfter[i]! >= 0 ? k.editedAfter[i] : null,
      1 + (edits?.length ?? 0),
      exact ? v.reviewCount[i] : 0,
      exact ? live : 0,
      // Not a derived counter: recountAll sums it into views received but never rebuilds it from post_views.
      views.count[i],
      exact && published ? hotScore(v.reviewCount[i]!, new Date(rv.publishedAt[i]!)) : 0,
      k.firstReview[i],
      rv.createdAt[i],
      rv.updatedAt[i],
    );
    for (const t of rv.tags[i]!) tags.add(i + 1, t);
    // Snapshots, newest first: each edit undone in turn gives the revision before it.
    let state = { body: body.md, score: rv.score[i]!, tags: rv.tags[i]! };
    const snapshots = [state];
    for (let e = (edits?.length ?? 0) - 1; e >= 0; e--) {
      const kind = edits![e]!.kind;
      state = {
        body: kind === "body" ? body.earlierMd : state.body,
        score: kind === "score" ? (state.score >= 9 ? state.score - 1 : state.score + 1) : state.score,
        tags: kind === "tags" ? (state.tags.length ? state.tags.slice(0, -1) : ["rewatch"]) : state.tags,
      };
      snapshots.unshift(state);
    }
    snapshots.forEach((s, number) => {
      const at = number === 0 ? (published ? rv.publishedAt[i]! : rv.createdAt[i]!) : edits![number - 1]!.at;
      revisions.push({
        post: i,
        number: number + 1,
        at,
        updated: number === 0 && !published ? rv.updatedAt[i]! : at,
        reason: number === 0 ? null : edits![number - 1]!.reason,
        body: s.body,
        score: s.score,
        tags: s.tags,
      });
    });
  }
  const reviewRows = posts.finish();
  const tagRows = tags.finish();
  revisions.sort((a, b) => a.at - b.at || a.post - b.post || a.number - b.number);
  const revs = new Bulk(
    client,
    `insert into post_revisions (id, post_id, number, editor_id, reason, title, body_md, score, tags, film_id, has_spoilers, created_at, updated_at)`,
    13,
  );
  revisions.forEach((x, id) =>
    revs.add(id + 1, x.post + 1, x.number, m.ids[rv.author[x.post]!], x.reason, rv.title[x.post], x.body, x.score || null, JSON.stringify(x.tags), p.filmId[rv.film[x.post]!], rv.spoilers[x.post], x.at, x.updated),
  );
  return { reviews: reviewRows, tags: tagRows, revisions: revs.finish() };
}

function writeComments(client: Database.Database, p: Plan, exact: boolean) {
  const { m, c, v, pool } = p;
  const rows = new Bulk(
    client,
    `insert into comments (id, post_id, parent_id, author_id, depth, path, body_md, body_html, renderer_version, revision_count,
      edited_at, deleted_at, upvote_count, reply_count, created_at, updated_at)`,
    16,
  );
  const revs = new Bulk(client, `insert into comment_revisions (id, comment_id, number, editor_id, reason, body_md, created_at, updated_at)`, 8);
  // Revision ids in time order too: every first revision, with the later edits merged in.
  const edited = Array.from(c.byId).filter((i) => c.editedAt[i]! > 0);
  edited.sort((a, b) => c.editedAt[a]! - c.editedAt[b]! || a - b);
  let e = 0;
  let revId = 0;
  const second = (i: number) =>
    revs.add(++revId, c.id[i], 2, m.ids[c.author[i]!], null, pool.comments[c.body[i]!]!.md, c.editedAt[i], c.editedAt[i]);
  for (const i of c.byId) {
    while (e < edited.length && c.editedAt[edited[e]!]! <= c.time[i]!) second(edited[e++]!);
    const body = pool.comments[c.body[i]!]!;
    const parent = c.parent[i]!;
    const deleted = c.deletedAt[i]! || null;
    const editedAt = c.editedAt[i]! || null;
    rows.add(
      c.id[i],
      c.post[i]! + 1,
      parent >= 0 ? c.id[parent] : null,
      m.ids[c.author[i]!],
      c.depth[i],
      c.path[i],
      body.md,
      body.html,
      RENDERER_VERSION,
      editedAt ? 2 : 1,
      editedAt,
      deleted,
      exact ? v.commentCount[i] : 0,
      exact ? c.replies[i] : 0,
      c.time[i],
      deleted ?? editedAt ?? c.time[i],
    );
    const first = c.earlierBody[i]! >= 0 ? pool.comments[c.earlierBody[i]!]!.md : body.md;
    revs.add(++revId, c.id[i], 1, m.ids[c.author[i]!], null, first, c.time[i], c.time[i]);
  }
  while (e < edited.length) second(edited[e++]!);
  return { comments: rows.finish(), revisions: revs.finish() };
}

function writeVotes(client: Database.Database, p: Plan, log: (s: string) => void) {
  const { m, rv, c, v } = p;
  const postVotes = new Bulk(client, `insert into post_votes (user_id, post_id, created_at)`, 3);
  for (let i = 0; i < rv.n; i++) for (let j = v.reviewStart[i]!; j < v.reviewStart[i + 1]!; j++) postVotes.add(m.ids[v.rVoter[j]!], i + 1, v.rTime[j]);
  const reviewVotes = postVotes.finish();
  log(`  ${nf(reviewVotes)} upvotes on reviews`);
  const commentVotes = new Bulk(client, `insert into comment_votes (user_id, comment_id, post_id, created_at)`, 4);
  let done = 0;
  for (const i of c.byId) {
    for (let j = v.commentStart[i]!; j < v.commentStart[i + 1]!; j++) commentVotes.add(m.ids[v.cVoter[j]!], c.id[i], c.post[i]! + 1, v.cTime[j]);
    done += v.commentCount[i]!;
    if (done >= 1_000_000) {
      log(`  … ${nf(v.commentStart[i + 1]!)} upvotes on comments`);
      done = 0;
    }
  }
  return { reviewVotes, commentVotes: commentVotes.finish() };
}

function writeViews(client: Database.Database, p: Plan, seed: number) {
  const { m, rv, views } = p;
  const r = new Rng(seed, "viewer-keys");
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const bulk = new Bulk(client, `insert into post_views (post_id, viewer_key, day)`, 3);
  for (let i = 0; i < rv.n; i++) {
    for (let j = views.start[i]!; j < views.start[i + 1]!; j++) {
      const u = views.viewer[j]!;
      let key: string;
      if (u >= 0) key = `u:${m.ids[u]}`;
      else {
        // The shape of lib/reviews/viewer-key.ts's anonymous key: a salted hash, never an address.
        let s = "a:";
        for (let x = 0; x < 32; x++) s += alphabet[r.int(64)];
        key = s;
      }
      bulk.add(i + 1, key, dayString(views.day[j]!));
    }
  }
  return bulk.finish();
}

/** Reply and milestone notices of the last month, oldest first; read when older than three days. */
function collectReplyNotices(p: Plan, now: number, notices: Notice[]) {
  const { rv, c } = p;
  const from = now - NOTICE_DAYS * DAY;
  for (const i of c.byId) {
    if (c.time[i]! < from || c.deletedAt[i]) continue;
    const parent = c.parent[i]!;
    const to = parent < 0 ? rv.author[c.post[i]!]! : c.author[parent]!;
    if (to === c.author[i]) continue;
    notices.push({ recipient: to, kind: parent < 0 ? "review_reply" : "comment_reply", actor: c.author[i]!, post: c.post[i]!, comment: i, target: null, amount: null, at: c.time[i]! });
  }
  const rank = { review_reply: 0, comment_reply: 1, milestone: 2 };
  notices.sort((a, b) => a.at - b.at || rank[a.kind] - rank[b.kind] || a.recipient - b.recipient || (a.amount ?? 0) - (b.amount ?? 0) || a.post - b.post || a.comment - b.comment);
}

function writeNotices(client: Database.Database, p: Plan, table: string, now: number) {
  const { m, c } = p;
  const seen = now - READ_BEFORE_MS;
  const bulk = new Bulk(client, `insert into ${table} (recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at)`, 9);
  for (const n of p.notices) {
    bulk.add(m.ids[n.recipient], n.kind, n.actor >= 0 ? m.ids[n.actor] : null, n.post + 1, n.comment >= 0 ? c.id[n.comment] : null, n.target, n.amount, n.at, n.at < seen ? Math.min(n.at + READ_AFTER_MS, seen) : null);
  }
  return bulk.finish();
}

// ————————————————————————————————————————————————————————————— badges and standings in SQL

// Each ladder's events as lib/badges/backfill.ts lists them, for every member at once.
const LADDER_EVENTS: Record<LadderKey, string> = {
  upvotes: `
    select p.author_id as user_id, v.created_at as at, v.post_id as post_id, null as comment_id from post_votes v join posts p on p.id = v.post_id
    union all
    select c.author_id, v.created_at, v.post_id, v.comment_id from comment_votes v join comments c on c.id = v.comment_id`,
  reviews: `select author_id as user_id, published_at as at, id as post_id, null as comment_id from posts where status = 'published'`,
  comments: `
    select c.author_id as user_id, c.created_at as at, c.post_id as post_id, c.id as comment_id from comments c join posts p on p.id = c.post_id
    where c.deleted_at is null and p.status = 'published'`,
  replies: `
    select case when c.parent_id is null then p.author_id else parent.author_id end as user_id, c.created_at as at, c.post_id as post_id, c.id as comment_id
    from comments c left join comments parent on parent.id = c.parent_id join posts p on p.id = c.post_id
    where c.deleted_at is null and c.author_id not in (select id from users where is_system = 1)
      and c.author_id is not (case when c.parent_id is null then p.author_id else parent.author_id end)`,
  views: `
    select p.author_id as user_id, cast(strftime('%s', v.day) as integer) * 1000 as at, v.post_id as post_id, null as comment_id
    from post_views v join posts p on p.id = v.post_id`,
};

const ONE_OFF_EVENTS = (now: number): Record<string, string> => ({
  "first-edit": `
    select r.editor_id as user_id, case when r.number > 1 then r.created_at else r.updated_at end as at, r.post_id as post_id, null as comment_id
      from post_revisions r join posts p on p.id = r.post_id
      where (r.number > 1 or (r.updated_at > r.created_at and p.status = 'published' and r.updated_at > p.published_at)) and r.editor_id = p.author_id
    union all
    select r.editor_id, case when r.number > 1 then r.created_at else r.updated_at end, c.post_id, c.id
      from comment_revisions r join comments c on c.id = r.comment_id
      where (r.number > 1 or r.updated_at > r.created_at) and r.editor_id = c.author_id`,
  "first-scored-review": `select author_id as user_id, published_at as at, id as post_id, null as comment_id from posts where status = 'published' and score is not null`,
  "first-spoiler-review": `select author_id as user_id, published_at as at, id as post_id, null as comment_id from posts where status = 'published' and has_spoilers = 1`,
  "review-10-upvotes": `
    select user_id, at, post_id, null as comment_id from (
      select p.author_id as user_id, v.created_at as at, v.post_id as post_id,
             row_number() over (partition by v.post_id order by v.created_at, v.user_id) as n
      from post_votes v join posts p on p.id = v.post_id) where n = 10`,
  "comment-10-upvotes": `
    select user_id, at, post_id, comment_id from (
      select c.author_id as user_id, v.created_at as at, v.post_id as post_id, v.comment_id as comment_id,
             row_number() over (partition by v.comment_id order by v.created_at, v.user_id) as n
      from comment_votes v join comments c on c.id = v.comment_id) where n = 10`,
  "one-year": `select id as user_id, created_at + ${YEAR_MS} as at, null as post_id, null as comment_id from users where is_system = 0 and created_at + ${YEAR_MS} <= ${now}`,
});

/**
 * What backfillBadges grants, set-based: for each ladder the n-th event per member (a window over
 * all of them), each one-off's first, a year after joining; with points, holders, points reached,
 * monthly standings, and a notice for grants of the last two days. Same rows, minutes sooner.
 */
function deriveBadges(client: Database.Database, now: number, log: (s: string) => void) {
  const members = `(select id from users where is_system = 0)`;
  client.exec(`create table large_grants (user_id text not null, slug text not null, at integer not null, post_id integer, comment_id integer)`);
  const step = (what: string, sql: string) => {
    const t = performance.now();
    const n = client.prepare(sql).run().changes;
    log(`  ${what}: ${nf(n)} in ${secs(t)}`);
  };
  for (const [ladder, events] of Object.entries(LADDER_EVENTS) as [LadderKey, string][]) {
    const rungs = LADDER_SPECS[ladder].rungs.map(([t]) => t).join(", ");
    step(
      `${ladder} ladder`,
      `insert into large_grants (user_id, slug, at, post_id, comment_id)
       select user_id, '${ladder}-' || n, min(at, ${now}), post_id, comment_id from (
         select e.user_id, e.at, e.post_id, e.comment_id,
                row_number() over (partition by e.user_id order by e.at, e.post_id, e.comment_id) as n
         from (${events}) e where e.at is not null and e.user_id in ${members}
       ) where n in (${rungs})`,
    );
  }
  for (const [slug, events] of Object.entries(ONE_OFF_EVENTS(now))) {
    step(
      slug,
      `insert into large_grants (user_id, slug, at, post_id, comment_id)
       select user_id, '${slug}', min(at, ${now}), post_id, comment_id from (
         select e.user_id, e.at, e.post_id, e.comment_id,
                row_number() over (partition by e.user_id order by e.at, e.post_id, e.comment_id) as n
         from (${events}) e where e.at is not null and e.user_id in ${members}
       ) where n = 1`,
    );
  }
  step("user_badges", `insert into user_badges (user_id, badge_slug, granted_at, post_id, comment_id) select user_id, slug, at, post_id, comment_id from large_grants order by at, user_id, slug`);
  client.exec(`update badges set holder_count = (select count(*) from user_badges ub where ub.badge_slug = badges.slug)`);
  step(
    "badge points",
    `update users set badge_points = g.points, points_reached_at = g.at
     from (select ub.user_id, sum(b.points) as points, max(ub.granted_at) as at from user_badges ub join badges b on b.slug = ub.badge_slug group by ub.user_id) g
     where g.user_id = users.id`,
  );
  step("monthly standings", `insert into monthly_scores (user_id, month, points, points_at, upvotes, upvotes_at, reviews, reviews_at) ${MONTHLY_STANDINGS_SQL}`);
  // Backfilled grants of the last two days come with a notice (if the member takes badge notices).
  step(
    "badge notices",
    `insert into large_notices (recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at)
     select g.user_id, 'badge', null, g.post_id, g.comment_id, g.slug, null, g.at, null
     from large_grants g join users u on u.id = g.user_id
     where ${now} - g.at <= ${BACKFILL_QUIET_AFTER_MS} and u.notify_badges = 1`,
  );
  client.exec(`drop table large_grants`);
}

// ————————————————————————————————————————————————————————————— the seed

const nf = (n: number) => n.toLocaleString("en-US");
const secs = (t: number) => `${((performance.now() - t) / 1000).toFixed(1)} s`;

/** The shared password hash: scrypt with a salt from the seed, in lib/auth/password.ts's format. */
export function largePasswordHash(seed = 1): string {
  const N = 2 ** LARGE_SCRYPT_LOG_N;
  const salt = createHash("sha256").update(`marquee-large-salt/${seed}`).digest().subarray(0, 16);
  const key = scryptSync(LARGE_PASSWORD.normalize("NFKC"), salt, 32, { N, r: 8, p: 1, maxmem: 256 * 1024 * 1024 });
  return ["scrypt", N, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function checkOptions(o: LargeOptions) {
  const whole = (name: string, v: number | undefined, min: number) => {
    if (v !== undefined && (!Number.isSafeInteger(v) || v < min)) throw new LargeSeedError(`${name} must be a whole number of at least ${nf(min)} (got ${v}).`);
  };
  whole("users", o.users, 2);
  whole("reviews", o.reviews, 1);
  whole("comments", o.comments, 0);
  whole("votes", o.votes, 0);
  whole("views", o.views, 0);
  whole("films", o.films, 1);
  whole("seed", o.seed, 0);
  for (const s of o.threadSizes ?? []) whole("a thread size", s, 1);
  if (new Set(o.threadSizes).size !== (o.threadSizes ?? []).length) throw new LargeSeedError("Thread sizes must differ.");
  if (o.films !== undefined && o.films > o.reviews) throw new LargeSeedError("There cannot be more films than reviews: a film comes with its first review.");
  if (o.now && Number.isNaN(o.now.getTime())) throw new LargeSeedError("now is not a valid date.");
}

/**
 * Fills an empty database (opened with openDb, so migrated and with the badge catalog) with a
 * large, deterministic history. Loads with synchronous and journal off and foreign keys off, in
 * one transaction per table, and leaves the file in WAL mode with the app's pragmas.
 */
export function seedLarge(db: DB, options: LargeOptions) {
  checkOptions(options);
  const client = db.$client;
  const log = options.log ?? (() => {});
  const now = (options.now ?? LARGE_NOW).getTime();
  const seed = options.seed ?? 1;
  const threadSizes = options.threadSizes ?? LARGE_THREAD_SIZES;
  const fullBoard = options.fullBoard ?? true;
  const exact = (options.derive ?? "sql") === "sql";
  const timings: { phase: string; seconds: number }[] = [];
  const phase = <T>(name: string, fn: () => T, detail?: (x: T) => string): T => {
    const t = performance.now();
    log(`${name} …`);
    const out = fn();
    const seconds = (performance.now() - t) / 1000;
    timings.push({ phase: name, seconds });
    log(`${name}: ${detail ? `${detail(out)}, ` : ""}${seconds.toFixed(1)} s`);
    return out;
  };
  if ((client.prepare(`select count(*) as n from users`).get() as { n: number }).n > 0) throw new LargeSeedError("The large seed needs an empty database.");

  const passwordHash = options.passwordHash ?? phase("password hash", () => largePasswordHash(seed));
  const pool = phase("render bodies", renderPools, (p) => `${p.reviews.length} review and ${p.comments.length} comment bodies`);
  const plan = phase("plan", () => {
    const m = planMembers({ users: options.users, seed, now, fullBoard });
    const f = planFilms(options.films ?? Math.min(options.reviews, Math.max(20, Math.round(options.reviews / 30))), seed, now);
    const rv = planReviews({ reviews: options.reviews, seed, now, threadSizes }, m, f, pool);
    const c = planComments({ comments: options.comments, seed, now }, m, rv, pool);
    const notices: Notice[] = [];
    const v = planVotes({ votes: options.votes, seed, now }, m, rv, c, notices);
    let published = 0;
    for (let i = 0; i < rv.n; i++) published += rv.published[i]!;
    const views = planViews(options.views ?? Math.max(Math.round(options.votes / 2), (fullBoard ? STAR_VIEWS : 0) + 2 * published), { seed, now }, m, rv, v);
    // Film ids and slugs in the order films were created: by their first review.
    const filmCreated = new Float64Array(f.n).fill(Infinity);
    for (let i = 0; i < rv.n; i++) filmCreated[rv.film[i]!] = Math.min(filmCreated[rv.film[i]!]!, rv.createdAt[i]!);
    const filmOrder = Array.from({ length: f.n }, (_, i) => i).sort((a, b) => filmCreated[a]! - filmCreated[b]! || a - b);
    const filmId = new Int32Array(f.n);
    const filmSlug = new Array<string>(f.n);
    const taken = new Set<string>();
    filmOrder.forEach((film, k) => {
      filmId[film] = k + 1;
      const slug = uniqueSlug(urlSlug(`${f.titles[film]} ${f.years[film]}`) || `film-${f.years[film]}`, (s) => taken.has(s));
      taken.add(slug);
      filmSlug[film] = slug;
    });
    const p: Plan = { m, f, rv, c, v, views, notices, pool, filmId, filmCreated, filmSlug };
    collectReplyNotices(p, now, notices);
    return p;
  });
  const counters = phase("count", () => countAll(plan));

  // Bulk-load pragmas: nothing here needs to survive a crash (a failed load is thrown away). With
  // the journal off, pages are written once instead of to the WAL and again at the checkpoint
  // (about a third faster); better-sqlite3's defensive mode refuses it unless told.
  client.pragma("foreign_keys = OFF");
  client.pragma("synchronous = OFF");
  const journal = (mode: string) => {
    if (client.memory) return;
    client.unsafeMode(true);
    try {
      if (client.pragma(`journal_mode = ${mode}`, { simple: true }) !== mode.toLowerCase()) throw new Error(`Could not set journal_mode = ${mode}.`);
    } finally {
      client.unsafeMode(false);
    }
  };
  journal("OFF");
  client.pragma("cache_size = -2000000");
  client.pragma("temp_store = MEMORY");
  const tx = <T>(fn: () => T): T => client.transaction(fn)();
  try {
    const rows: Record<string, number> = {};
    phase("members", () => tx(() => (rows.users = writeMembers(client, plan, counters, exact, passwordHash, now))), (n) => `${nf(n)} rows`);
    phase("films", () => tx(() => (rows.films = writeFilms(client, plan, exact))), (n) => `${nf(n)} rows`);
    phase("reviews", () => tx(() => Object.assign(rows, writeReviews(client, plan, counters, exact))), () => `${nf(rows.reviews!)} reviews, ${nf(rows.tags!)} tags, ${nf(rows.revisions!)} revisions`);
    phase("comments", () => tx(() => {
      const out = writeComments(client, plan, exact);
      rows.comments = out.comments;
      rows.commentRevisions = out.revisions;
    }), () => `${nf(rows.comments!)} comments, ${nf(rows.commentRevisions!)} revisions`);
    phase("votes", () => tx(() => Object.assign(rows, writeVotes(client, plan, log))), () => `${nf(rows.reviewVotes!)} on reviews, ${nf(rows.commentVotes!)} on comments`);
    phase("views", () => tx(() => (rows.views = writeViews(client, plan, seed))), (n) => `${nf(n)} rows`);
    if (exact) {
      client.exec(`create table large_notices as select recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at from notifications where 0`);
      phase("notices", () => tx(() => writeNotices(client, plan, "large_notices", now)), (n) => `${nf(n)} reply and milestone notices`);
      phase("badges", () => tx(() => deriveBadges(client, now, log)));
      phase("notifications", () =>
        tx(() => {
          rows.notifications = client
            .prepare(
              `insert into notifications (recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at)
               select recipient_id, kind, actor_id, post_id, comment_id, target, amount, created_at, read_at from large_notices
               order by created_at, kind, recipient_id, target, amount, post_id, comment_id`,
            )
            .run().changes;
          client.exec(`drop table large_notices`);
          return rows.notifications;
        }), (n) => `${nf(n)} rows`);
    } else {
      phase("notices", () => tx(() => (rows.notifications = writeNotices(client, plan, "notifications", now))), (n) => `${nf(n)} rows`);
      phase("backfill and recount (app)", () => backfillBadges(db, new Date(now)), (r) => `${nf(r.granted)} badges`);
    }
    const badges = (client.prepare(`select count(*) as n from user_badges`).get() as { n: number }).n;
    if (fullBoard) {
      const held = (client.prepare(`select count(*) as n from user_badges where user_id = ?`).get(plan.m.ids[plan.m.star]) as { n: number }).n;
      if (held !== BADGES.length) throw new LargeSeedError(`The member meant to hold every badge holds ${held} of ${BADGES.length}; use more votes, comments or views.`);
    }
    const counted: Record<string, number> = { ...rows, badges };
    return { rows: counted, timings, passwordHash, landmarks: largeLandmarks(db, { threadSizes }) };
  } finally {
    // Back to the app's settings (db/index.ts), whatever happened above.
    journal("WAL");
    client.pragma("synchronous = NORMAL");
    client.pragma("cache_size = -2000");
    client.pragma("foreign_keys = ON");
  }
}

/** Where the benchmark's landmarks are: found from the rows, so any copy of the file answers. */
export function largeLandmarks(db: DB, opts: { threadSizes?: readonly number[] } = {}): LargeLandmarks {
  const client = db.$client;
  const one = <T>(sql: string, ...params: unknown[]) => client.prepare(sql).get(...params) as T | undefined;
  const threads = (opts.threadSizes ?? LARGE_THREAD_SIZES).map((size) => {
    const row = one<{ slug: string }>(`select slug from posts where status = 'published' and comment_count = ? order by id limit 1`, size);
    return { comments: size, slug: row?.slug ?? "" };
  });
  const film = one<{ slug: string; reviews: number }>(`select slug, review_count as reviews from films order by review_count desc, id limit 1`);
  const review = one<{ slug: string; upvotes: number }>(`select slug, upvote_count as upvotes from posts where status = 'published' order by upvote_count desc, id limit 1`);
  const board = one<{ username: string; badges: number }>(
    `select u.username as username, count(*) as badges from user_badges ub join users u on u.id = ub.user_id
     group by ub.user_id having count(*) = (select count(*) from badges) order by min(u.created_at), u.username limit 1`,
  );
  const role = (r: string) => one<{ username: string }>(`select username from users where role = ? order by created_at limit 1`, r)?.username ?? null;
  return {
    threads,
    popularFilm: film ?? { slug: "", reviews: 0 },
    popularReview: review ?? { slug: "", upvotes: 0 },
    fullBoard: board ?? null,
    admin: role("admin"),
    moderator: role("moderator"),
  };
}
