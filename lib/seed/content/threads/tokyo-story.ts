// The demo discussion under the reviews of Tokyo Story (1953). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const femiOyelaran: SeedThread = {
  review: "femi_oyelaran/tokyo-story",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "8h",
      body: "\"Paced like a long visit from relatives\" is the best description of Ozu's rhythm I've read, and I have read a great many programme notes, some of them my own. I'll be writing it up soon with spoilers, because I can't talk about the ending without them.",
      replies: [
        {
          author: "femi_oyelaran",
          after: "2h",
          body: "I'll read it with a box of tissues and no warning needed. I've seen it twice now and the last ten minutes still get me.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "75d 4h",
      body: "You said it isn't slow. I went in with a stopwatch to prove you wrong and came out with no cuts at all. I'm holding you personally responsible.",
      replies: [
        { author: "femi_oyelaran", after: "1h", body: "I accept full responsibility and no liability." },
      ],
    },
    {
      author: "lucia_del_prado",
      after: "100d",
      body: "Ozu never won anything at Cannes, which I keep having to explain when I describe my project, and *Tokyo Story* was barely seen abroad until years after it was made. It's a useful reminder that the prize list is a record of juries, not of films.",
      replies: [
        {
          author: "femi_oyelaran",
          after: "5h",
          body: "\"A record of juries, not of films.\" That belongs on the first page of your notebook.",
          replies: [
            {
              author: "lucia_del_prado",
              after: "30m",
              body: "It's on the inside cover now. In pencil, in case a jury changes my mind.",
            },
          ],
        },
      ],
    },
  ],
};

export const ingridAlvarado: SeedThread = {
  review: "ingrid_alvarado/tokyo-story",
  comments: [
    {
      author: "femi_oyelaran",
      after: "6h",
      body: "The watch. I hadn't thought of it this way before your piece: Kyōko looks at *her* watch at the moment Noriko is holding Tomi's, and the train runs between them. Two women, one time, going in opposite directions.",
      replies: [
        {
          author: "ingrid_alvarado",
          after: "2h",
          body: "Ozu would have denied meaning anything by it, and then cut it precisely that way anyway.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "2d",
      body: "\"Isn't life disappointing?\" and the answer are the best two lines of dialogue in cinema, and I'll fight anyone on that, which for me is unusual. Normally I'm the one cutting lines.",
      replies: [
        {
          author: "lucia_del_prado",
          after: "27d",
          body: "Late to this, but a footnote on those two lines. A friend who reads Japanese tells me Kyōko's word is nearer to \"unpleasant\", even \"hateful\", than to \"disappointing\". If so, Noriko agreeing with her is harsher than the subtitle makes it sound.",
          replies: [
            {
              author: "ingrid_alvarado",
              after: "1d",
              body: "Harsher, and then softened by her smile, which is the whole performance in one exchange. Thank you, Lucía. That's going in my programme notes next time.",
            },
          ],
        },
      ],
    },
    {
      author: "tobias_renner",
      after: "3d",
      body: "The fan at the end. Slower than his speech, steady, the only rhythm left in the house. I didn't notice it until my third viewing, and now I can't hear anything else.",
    },
  ],
};

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/tokyo-story",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "6h",
      body: "Sentimental, yes. Also the most honest thing anyone has written about this film here, mine included. A notebook with one crossed-out line is a better review than most scores.",
    },
  ],
};
