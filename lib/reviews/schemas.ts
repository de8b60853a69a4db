import { normalizeTag } from "./tag-name";
import { z } from "zod";
import { NewFilmInput, type FilmChoiceInput } from "@/lib/films/schemas";
import { MAX_BODY_CHARS, MAX_TITLE_CHARS } from "@/lib/markdown/limits";
import { cleanShortText, EditReason, longText, shortText } from "@/lib/text";

export const MAX_TAGS = 5;
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{1,29}$/;
const TOO_MANY_TAGS = `Use at most ${MAX_TAGS} tags.`;
// Room for five 30-character tags with separators, spaces and #s, not for an essay.
const MAX_TAGS_RAW = 400;

const Title = z
  .string({ error: "Give your review a title." })
  .pipe(shortText({ what: "A title", max: MAX_TITLE_CHARS, tooLong: `A title has at most ${MAX_TITLE_CHARS} characters.` }))
  .pipe(z.string().min(1, "Give your review a title."));

const bodyTooLong = () => `A review has at most ${MAX_BODY_CHARS.toLocaleString("en-US")} characters.`;
const Body = z
  .string()
  .default("")
  .pipe(longText({ what: "A review", max: MAX_BODY_CHARS, tooLong: bodyTooLong }))
  .pipe(z.string().max(MAX_BODY_CHARS, bodyTooLong()));

const Score = z
  .union([z.literal(""), z.literal(null), z.string(), z.number()])
  .optional()
  .transform((v, ctx) => {
    if (v === "" || v === null || v === undefined) return null;
    const n = typeof v === "number" ? v : Number(v.trim());
    if (!Number.isInteger(n) || n < 1 || n > 10) {
      ctx.addIssue({ code: "custom", message: "A score is a whole number from 1 to 10, or none." });
      return z.NEVER;
    }
    return n;
  });

/** Tags typed as "noir, slow-cinema" or given as a list: lower-cased, de-duplicated, at most five. */
const Tags = z
  .union([z.string().max(MAX_TAGS_RAW, TOO_MANY_TAGS), z.array(z.string().max(MAX_TAGS_RAW, TOO_MANY_TAGS)).max(MAX_TAGS * 4, TOO_MANY_TAGS)])
  .default("")
  .transform((v, ctx) => {
    const raw = Array.isArray(v) ? v : v.split(/[,\s]+/);
    for (const t of raw) {
      const clean = cleanShortText(t);
      if (!clean.ok) {
        ctx.addIssue({ code: "custom", message: "A tag cannot contain control or text-direction characters." });
        return z.NEVER;
      }
    }
    const list = raw.map(normalizeTag).filter(Boolean);
    const unique = [...new Set(list)];
    const bad = unique.find((t) => !TAG_PATTERN.test(t));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `“${bad.slice(0, 40)}” is not a tag: use 2–30 lower-case letters, digits and hyphens, like slow-cinema.` });
      return z.NEVER;
    }
    if (unique.length > MAX_TAGS) {
      ctx.addIssue({ code: "custom", message: TOO_MANY_TAGS });
      return z.NEVER;
    }
    return unique;
  });

const Checkbox = z
  .union([z.boolean(), z.string(), z.null()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

export const ReviewInput = z
  .object({
    title: Title,
    body: Body,
    score: Score,
    tags: Tags,
    hasSpoilers: Checkbox,
    intent: z.enum(["draft", "publish"], { error: "Choose to save a draft or publish." }).default("publish"),
    reason: EditReason,
    filmId: z.union([z.string(), z.number()]).optional(),
    filmTitle: z.string().optional(),
    filmYear: z.union([z.string(), z.number()]).optional(),
  })
  // Runs even when other fields failed, so every message shows at once.
  .superRefine(
    (v, ctx) => {
      const film = filmChoice(v);
      if (!film.success) for (const issue of film.issues) ctx.addIssue({ code: "custom", ...issue });
      if (v.intent === "publish" && typeof v.body === "string" && v.body.trim() === "") {
        ctx.addIssue({ code: "custom", path: ["body"], message: "Write the review before publishing it (a draft may be empty)." });
      }
    },
    { when: () => true },
  )
  .transform((v) => {
    const { filmId: _a, filmTitle: _b, filmYear: _c, ...rest } = v;
    const film = filmChoice(v);
    return { ...rest, film: film.success ? film.film : ({ filmId: 0 } as FilmChoiceInput) };
  });
export type ReviewInput = z.infer<typeof ReviewInput>;

type RawFilm = { filmId?: unknown; filmTitle?: unknown; filmYear?: unknown };

function filmChoice(v: RawFilm): { success: true; film: FilmChoiceInput } | { success: false; issues: { path: string[]; message: string }[] } {
  if (v.filmId !== undefined && v.filmId !== "") {
    const id = Number(v.filmId);
    if (Number.isInteger(id) && id > 0) return { success: true, film: { filmId: id } };
    return { success: false, issues: [{ path: ["filmId"], message: "Choose a film." }] };
  }
  const parsed = NewFilmInput.safeParse({ title: v.filmTitle ?? "", year: v.filmYear === "" ? undefined : v.filmYear });
  if (parsed.success) return { success: true, film: { newFilm: parsed.data } };
  return {
    success: false,
    issues: parsed.error.issues.map((i) => ({ path: [i.path[0] === "year" ? "filmYear" : "filmTitle"], message: i.message })),
  };
}

/** The form's fields as the route reads them. */
export function reviewFormFields(form: FormData) {
  const s = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : undefined;
  };
  return {
    title: s("title"),
    body: s("body"),
    score: s("score"),
    tags: s("tags"),
    hasSpoilers: s("hasSpoilers"),
    intent: s("intent"),
    reason: s("reason"),
    filmId: s("filmId"),
    filmTitle: s("filmTitle"),
    filmYear: s("filmYear"),
  };
}

/** Which review a verb acts on. */
export const ReviewIdInput = z.object({ reviewId: z.coerce.number().int().positive() });
export type ReviewIdInput = z.infer<typeof ReviewIdInput>;

/** A reader of a review, as the views route identifies them (see `viewerKey`); none for a bot. */
export const RecordViewInput = z.object({
  reviewId: z.coerce.number().int().positive(),
  viewer: z.object({ key: z.string().min(1), userId: z.string().nullable() }).nullable(),
});
export type RecordViewInput = z.infer<typeof RecordViewInput>;
