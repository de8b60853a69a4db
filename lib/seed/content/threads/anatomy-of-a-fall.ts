// The demo discussion under the reviews of Anatomy of a Fall (2023). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const luciaDelPrado: SeedThread = {
  review: "lucia_del_prado/anatomy-of-a-fall",
  comments: [
    {
      author: "femi_oyelaran",
      after: "20h",
      body: "Beautifully done. One worry: your headline more or less tells me how it ends. \"Never tells you who did it\" is a spoiler of a kind for a courtroom film, isn't it? Half the tension is wondering whether there'll be a reveal.",
      replies: [
        {
          author: "lucia_del_prado",
          after: "5h",
          body: "Oh no. Your right: it tells you there's no reveal before you've even started. Changing it now. Thank you, Femi.",
          edits: [
            {
              after: "1m",
              bodyEdits: [
                { find: "Your", replace: "You're" },
              ],
            },
          ],
        },
      ],
    },
    {
      author: "mara_kowalczyk",
      after: "114d 2h",
      body: "I've posted a dissent, and I want to say here that yours is the best case *for* the film I've read. It almost talked me round. Almost.",
      replies: [
        { author: "lucia_del_prado", after: "3h", body: "Almost is a start. I'll answer properly under yours." },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "117d 2h",
      body: "You've been recommending this for months, so I owe you a report: six, posted. Please direct all complaints to the running time.",
    },
  ],
};

export const maraKowalczyk: SeedThread = {
  review: "mara_kowalczyk/anatomy-of-a-fall",
  comments: [
    {
      author: "lucia_del_prado",
      after: "3h",
      body: "The proper reply I promised. I think you're describing the film's method and calling it a flaw. The balance you can feel *is* the trial: two lawyers building equal and opposite stories out of the same handful of facts. The film puts you in the jury's chair, and the jury's chair is meant to be uncomfortable.",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "1h",
          body: "But a jury's discomfort is about someone's actual future. Mine was a two-and-a-half-hour exercise. When the only stakes are the puzzle, you can see the balancing.",
          replies: [
            {
              author: "lucia_del_prado",
              after: "2h",
              body: "The stakes aren't the puzzle, though. They're Daniel. The whole last hour is a child deciding what he can live with believing about his parents. Nothing about that is balanced. It's terrifying.",
              replies: [
                {
                  author: "mara_kowalczyk",
                  after: "4h",
                  body: "That's the best argument anyone has made to me about this film, and it's infuriating that it's yours, because your review was already the best one. I'll grant you Daniel. I'm keeping the zooms.",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      author: "femi_oyelaran",
      after: "1d",
      body: "I'm drafting something on the documentary side of this film, and your word \"mechanism\" keeps turning up in my notes. I'm not sure I agree with you, but I can't stop using it.",
      replies: [
        { author: "mara_kowalczyk", after: "30m", body: "Use it freely. I'll want a footnote." },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "3d 3h",
      body: "I split the difference between you and Lucía and gave it a six. I'd like it noted that this is the first time I've been the moderate in any argument on this forum.",
      replies: [
        { author: "mara_kowalczyk", after: "1h", body: "Noted, and deeply suspicious." },
      ],
    },
  ],
};
