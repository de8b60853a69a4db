// Length caps for user-written markdown, in UTF-16 code units (what `string.length` and zod's
// `.max()` count). Callers enforce them at the boundary; renderMarkdown refuses anything over
// MAX_BODY_CHARS itself so that rendering time stays bounded whatever a caller forgets.
export const MAX_TITLE_CHARS = 200;
export const MAX_BODY_CHARS = 100_000;
export const MAX_COMMENT_CHARS = 10_000;
