// The sanitizer's allow-list: exactly what our markdown-it setup emits, nothing more.
import type { Options as SanitizeSchema } from "rehype-sanitize";
import { CLOBBER_PREFIX, HEADING_ANCHOR_CLASS, HEADING_ANCHOR_LABEL } from "./headings";
import { MENTION_CLASS } from "./mentions";

export const SPOILER_CLASS = "spoiler";
const ALIGN_CLASSES = ["align-left", "align-center", "align-right"] as const;
const CODE_LANGUAGE_CLASS = /^language-[\w+#.-]{1,40}$/i;

const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"] as const;

const ALLOWED_TAGS = [
  "p", "br", "hr", ...HEADINGS, "blockquote", "ul", "ol", "li", "pre", "code",
  "em", "strong", "del", "s", "a", "img", "span",
  "table", "thead", "tbody", "tr", "th", "td",
] as const;

export const sanitizeSchema: SanitizeSchema = {
  tagNames: [...ALLOWED_TAGS],
  attributes: {
    a: ["href", "title", ["className", HEADING_ANCHOR_CLASS, MENTION_CLASS], ["ariaLabel", HEADING_ANCHOR_LABEL]],
    img: ["src", "alt", "title"],
    code: [["className", CODE_LANGUAGE_CLASS]],
    span: [["className", SPOILER_CLASS], ["tabIndex", 0]],
    ol: [["start", /^\d{1,9}$/]],
    th: [["className", ...ALIGN_CLASSES]],
    td: [["className", ...ALIGN_CLASSES]],
    ...Object.fromEntries(HEADINGS.map((h) => [h, ["id"]])),
  },
  required: {},
  protocols: { href: ["http", "https", "mailto"], src: ["https"] },
  clobberPrefix: CLOBBER_PREFIX,
  clobber: ["id", "name", "ariaDescribedBy", "ariaLabelledBy"],
  ancestors: {
    li: ["ol", "ul"],
    tbody: ["table"], thead: ["table"], tr: ["table"], th: ["table"], td: ["table"],
  },
  // Removed with their content (everything else not allowed is unwrapped). Raw HTML is off, so
  // markdown never produces these; this is depth in defence.
  strip: ["script", "style", "template", "textarea", "title", "iframe", "noscript", "noembed", "noframes", "xmp", "plaintext", "svg", "math", "object", "embed"],
  allowComments: false,
  allowDoctypes: false,
};
