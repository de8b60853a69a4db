// A deterministic, realistic review body for benchmarks.
/** A deterministic, realistic review body of about `words` words. */
export function realisticReview(words: number): string {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const vocab = ("the film camera light score scene actor story quiet frame long take city night rain father " +
    "daughter memory silence shot cut sound music edge heart patient brutal tender cold warm slow story " +
    "which where while before after because although never always often rarely almost every each").split(" ");
  const sentence = () => {
    const n = 8 + Math.floor(rand() * 14);
    const ws = Array.from({ length: n }, () => pick(vocab));
    if (rand() < 0.15) ws[2] = `*${ws[2]}*`;
    if (rand() < 0.08) ws[4] = `**${ws[4]}**`;
    if (rand() < 0.05) ws[5] = `[${ws[5]}](https://example.com/${ws[5]})`;
    if (rand() < 0.04) ws[6] = `>!${ws[6]} ${ws[7]}!<`;
    ws[0] = ws[0]!.charAt(0).toUpperCase() + ws[0]!.slice(1);
    return `${ws.join(" ")}.`;
  };
  const parts: string[] = [];
  let total = 0;
  let section = 0;
  while (total < words) {
    if (total > section * 400) {
      section++;
      parts.push(`## Part ${section}: ${pick(vocab)} and ${pick(vocab)}`);
    }
    const r = rand();
    const block = r < 0.08 ? `> ${sentence()}` : r < 0.13 ? [sentence(), sentence(), sentence()].map((s) => `- ${s}`).join("\n") : Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join(" ");
    parts.push(block);
    total += block.split(/\s+/).length;
  }
  return parts.join("\n\n");
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

