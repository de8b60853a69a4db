// The large seed's words: titles, names, review and comment bodies, rendered once per process.
import { MAX_THREAD_DEPTH } from "@/lib/comments/create-comment";
import { renderMarkdown } from "@/lib/markdown/render";
import { Rng } from "./random";

const words = (s: string) => s.trim().split(/\s+/);
const list = (s: string) => s.split("|").map((x) => x.trim());

export const FIRST_NAMES = words(`Ingrid Tobias Mara Femi Kenji Lucía Samir Hollis Amara Bao Chiara Dmitri Esme Farah Gideon Hana
  Ilse Jonah Kofi Leila Mateo Nadia Oskar Priya Quentin Rosa Sven Tamsin Umar Vera Wren Ximena Yusuf Zoë Anouk Bruno Céline
  Dario Elif Felix Greta Hugo Imani Jun Kasia Luca Mira Nils Olu Pilar Rafael Saoirse Tariq Ulla Vikram Wanjiru Yara Zeynep
  Aiko Björn Camila Declan Emeka Freya Gael Hiroshi Inès Jakob Kalinda Lorenzo Maëlle Noor Orla Paulo Rania Stellan Thandiwe
  Uriel Valentina Wim Xiu Yosef Zainab Agnès Bilal Clara Dagny Ezra Fatima Goran Helga Isak Jae Katja Lior Marisol Niamh
  Otto Petra Ravi Sanne Tomás Una Viggo Willa Yasmin Zeke Ada Bernard Cosima Duc Eamon Flora Giulia Hamid Ivo Juno Kamal
  Lotte Malik Nell Omar Paloma Rhys Selin Teodor Ugo Vesna Walter Yoko Amir Beatriz Caspar Dalia Enzo Fern Hiro Ida`);
export const LAST_NAMES = list(`Alvarado|Renner|Kowalczyk|Oyelaran|Nakamura|del Prado|Haddad|Greer|Okafor|Lindqvist|Moreau|Tanaka|
  Ferreira|Novak|Achterberg|Brennan|Castellanos|Dubois|Eriksen|Fontaine|Gallagher|Hoffmann|Ibáñez|Jansen|Kaur|Laurent|
  Mbeki|Nieminen|O'Connell|Petrov|Quiroga|Rossi|Sato|Takahashi|Ueda|Varga|Whitlock|Xu|Yilmaz|Zamora|Abernathy|Bianchi|
  Chowdhury|Dimitriou|Esposito|Fischer|García|Halvorsen|Iwasaki|Jovanović|Kim|Lefebvre|Mendoza|Nowak|Ortega|Park|Reyes|
  Schmidt|Tran|Urquhart|Vance|Weiss|Yamamoto|Zielinski|Adeyemi|Bergström|Conti|Duarte|Ekström|Farouk|Grünwald|Horvat|
  Ishikawa|Jiménez|Kovacs|Lund|Marchetti|Nair|Olsen|Pereira|Rahman|Santos|Toivonen|Uribe|Valdés|Wójcik|Yoon|Zhou|Ambrose|
  Baptiste|Carvalho|Delacroix|Elmi|Falk|Gonzaga|Hale|Ito|Kaplan|Lowe|Maddox|Nguyen|Osei|Pike|Rask|Sorensen|Thorne|Vos|Wilde`);
export const HANDLE_A = words(`noir reel frame cine film matinee midnight projector celluloid silver late slow wide long final
  quiet velvet neon paper nitrate second front back`);
export const HANDLE_B = words(`owl fox hound crow moth heron otter wolf lark rook wren badger magpie cat raven whale hare seal
  goat swan finch lynx`);
export const BIOS_A = list(`Projectionist at a small-town cinema|Sound editor by day|Film history student|Retired schoolteacher|
  Runs a Thursday film club|Freelance subtitler|Night-shift nurse who catches the late screenings|Architect|Librarian|
  Animation obsessive|Collects festival lanyards|Former video-shop clerk|Cinematography nerd|Writes about horror for a zine|
  Parent of two, sees one film a week if lucky|Software developer|Documentary producer|Translator|Amateur composer|Barista`);
export const BIOS_B = list(`Partial to westerns and anything shot on 16mm.|Slow cinema, long takes, no apologies.|Believes every film
  is ten minutes too long.|Working through the Criterion Collection in order.|Here for the production design.|Scores
  generously, argues fiercely.|Loves a heist picture.|Will defend the 1970s to anyone.|Mostly Japanese and Korean cinema.|
  Rewatches more than is healthy.|Documentaries, musicals and the occasional kaiju film.|Still thinks about one ending from
  2009.|Notices the room tone before the dialogue.|Subtitles on, always.|Here to find films I missed.`);
export const FILM_ADJ = words(`Last Silent Long Broken Golden Hidden Quiet Burning Distant Crimson Hollow Northern Lonely Endless
  Bitter Wild Pale Final Secret Shattered Summer Winter Midnight Electric Paper Glass Iron Velvet Sleeping Little Empty
  Lost Second Blue Red Black White Falling Drowned Borrowed Invisible`);
export const FILM_NOUN = words(`Harbor River Light Road House Garden Mirror Shore Season City Station Orchard Tide Signal Frontier
  Horizon Crossing Letter Island Machine Kingdom Valley Window Circus Carnival Hotel Lighthouse Bridge Country Forest Sister
  Brother Mother Father Stranger Witness Summer Winter Night Morning Hour Ghost Orchestra Border Promise Silence Fever`);
export const FILM_PLACE = list(`Lisbon|Kyoto|Marseille|Tbilisi|Lagos|Oaxaca|Reykjavík|Naples|Odessa|Busan|Tangier|Valparaíso|
  Galway|Trieste|Hanoi|Dakar|Bergen|Havana|Istanbul|Kraków|Montréal|Nairobi|Porto|Sarajevo|Tehran|Vilnius|Manila|Seville`);
export const COUNTRIES = list(`United States|France|Japan|United Kingdom|Italy|South Korea|Germany|Iran|India|Mexico|Brazil|
  Spain|Sweden|Poland|Nigeria|Argentina|Denmark|Hong Kong|Taiwan|Soviet Union|Senegal|Turkey|Romania|Canada|Australia`);
export const TAGS = words(`drama noir thriller horror comedy documentary animation sci-fi western romance slow-cinema
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
export const THEMES = words(`memory grief distance obsession loyalty home time regret desire family faith ambition solitude
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
export const REASONS_BODY = list(`Added a paragraph on the ending|Expanded the section on the score|Added a note about the
  restoration|Rewrote the last paragraph after a rewatch`);
export const REASONS_SCORE = list(`Changed my score after a second viewing|Rewatched it; the score moved|Settled on a score`);
export const REASONS_TAGS = list(`Tidied the tags|Added tags|Fixed the tags`);
export const TITLE_PHRASES = list(`a quiet masterpiece|beautiful and maddening|the long goodbye|worth the wait|better on a second
  viewing|overrated, and here is why|a film about waiting|small, precise, devastating|style over substance?|the best thing
  I saw this year|a flawed, fascinating mess|patience rewarded|not for everyone|an old favourite revisited|the one that got
  away|stranger than I remembered|a love letter to the cinema|cold, clever, unforgettable|all mood, no mercy`);

export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

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
export function replyTo(r: Rng, j: number, pTop: number, depthOf: (i: number) => number): number {
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
export type Pools = { reviews: Body[]; comments: { md: string; html: string }[] };

// Rendered once per process with the app's renderer and shared round-robin: rendering a million
// bodies would take longer than writing them.
let pools: Pools | undefined;
export function renderPools(): Pools {
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
