// `@username` in text becomes a link to the member's profile when that member exists. The
// caller looks the candidate names up first (`mentionCandidates`) and passes what it found as
// `env.mentions`; anything else stays plain text. Mentions inside links and code are left alone.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { trimEndWhere } from "./trim";

export const MENTION_CLASS = "mention";
// A mention starts a word: not inside an email address, a path or another handle. An underscore
// may come first, as in `_@name_` (emphasis, which the parser strips before linking).
const MENTION = /(^|[^\p{L}\p{N}@./\\-])@(\w{3,24})(?![\p{L}\p{N}_@])/gu;
// A body may name at most this many people; more is spam, and the rest stay plain text.
export const MAX_MENTIONS = 20;

export type MentionEnv = { mentions?: ReadonlyMap<string, string>; mentioned?: Set<string> };

/** The distinct lower-cased names `@`-mentioned in some markdown, first ones first (at most MAX_MENTIONS). */
export function mentionCandidates(src: string): string[] {
  const found = new Set<string>();
  for (const m of src.matchAll(MENTION)) {
    const name = m[2]!.toLowerCase();
    found.add(name);
    // `_@name_` in the source: the closing underscore is emphasis, not part of the name.
    const bare = trimEndWhere(name, (ch) => ch === "_");
    if (bare !== name && bare.length >= 3) found.add(bare);
    if (found.size >= MAX_MENTIONS) break;
  }
  return [...found];
}

function linkMentions(state: StateCore): void {
  const env = state.env as MentionEnv;
  const known = env.mentions;
  if (!known?.size) return;
  for (const block of state.tokens) {
    if (block.type !== "inline" || !block.children) continue;
    const out: Token[] = [];
    let inLink = 0;
    for (const t of block.children) {
      if (t.type === "link_open") inLink++;
      if (t.type === "link_close") inLink--;
      if (t.type !== "text" || inLink > 0 || !t.content.includes("@")) {
        out.push(t);
        continue;
      }
      let last = 0;
      for (const m of t.content.matchAll(MENTION)) {
        const key = m[2]!.toLowerCase();
        const username = known.get(key);
        if (!username) continue;
        const at = m.index! + m[1]!.length;
        if (at > last) out.push(textToken(state, t.content.slice(last, at)));
        const open = new state.Token("link_open", "a", 1);
        open.attrs = [["href", `/u/${username}`], ["class", MENTION_CLASS]];
        out.push(open, textToken(state, `@${m[2]}`), new state.Token("link_close", "a", -1));
        env.mentioned?.add(key);
        last = at + 1 + m[2]!.length;
      }
      if (last === 0) out.push(t);
      else if (last < t.content.length) out.push(textToken(state, t.content.slice(last)));
    }
    block.children = out;
  }
}

function textToken(state: StateCore, content: string): Token {
  const t = new state.Token("text", "", 0);
  t.content = content;
  return t;
}

export function mentionPlugin(md: MarkdownIt): void {
  // After text_join: markdown-it splits text at `@` and `_`, and joins it back only there.
  md.core.ruler.after("text_join", "mentions", linkMentions);
}
