// The text rule's numbers (lib/text.ts), apart from it so that forms in the browser can use them
// without bringing zod along.

/** A grapheme-counted field refuses raw text past this many UTF-16 units per grapheme of its cap. */
export const RAW_UNITS_PER_GRAPHEME = 4;
/** Combining marks one grapheme may carry in a name or title. */
export const MAX_MARKS_PER_GRAPHEME = 10;

/** An edit's reason (reviews and comments), in graphemes. */
export const EDIT_REASON_MAX = 200;

/** A browser's `maxLength` counts UTF-16 units: this lets through all a grapheme cap allows. */
export const rawCeiling = (graphemes: number) => graphemes * RAW_UNITS_PER_GRAPHEME;
