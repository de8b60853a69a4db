// The demo discussion under the reviews of Rififi (1955). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const tobiasRenner: SeedThread = {
  review: "tobias_renner/rififi",
  comments: [
    {
      author: "femi_oyelaran",
      after: "3h",
      body: "The floor is mine, and I'll take it properly in a few days, with spoilers. For now: your list of sounds is perfect, and I'd add one more. When they finish and somebody finally *speaks*, it's louder than the drill.",
      replies: [
        {
          author: "tobias_renner",
          after: "1h",
          body: "That's the trick of it. Half an hour of quiet turns an ordinary line of dialogue into a gunshot.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "1d",
      body: "Dassin casting himself as César is a director's privilege, and >!he gives himself the best exit in the film!<. Privilege abused to perfection.",
      replies: [
        {
          author: "lucia_del_prado",
          after: "6h",
          body: "And he's credited under a made-up name, Perlo Vita, which I only found out while reading up for my notebook. A film about men hiding in plain sight, made by a man who had just been hounded out of his own industry.",
        },
      ],
    },
    {
      author: "mara_kowalczyk",
      after: "3d",
      body: "An umbrella opened under a hole in the ceiling to catch the plaster. That's a gag any of the great cartoon directors would have killed for, and it's played completely straight. I love it. It lasts about four seconds, @kenji_nakamura, so put the stopwatch away.",
    },
  ],
};

export const femiOyelaran: SeedThread = {
  review: "femi_oyelaran/rififi",
  comments: [
    {
      author: "tobias_renner",
      after: "2h",
      body: "Well, you took the floor and kept it. I'll concede the drive home. Sound-wise it's the heist turned inside out: wind, the engine, the boy laughing, all of it too loud, and none of it anyone can stop.",
      replies: [
        {
          author: "femi_oyelaran",
          after: "1h",
          body: "So we agree the heist is the best sequence and the drive is the best ending. I'm calling that a draw in my favour.",
          replies: [
            {
              author: "tobias_renner",
              after: "1h",
              body: "That isn't how draws work.",
              replies: [
                { author: "femi_oyelaran", after: "10m", body: "It is in Leeds." },
              ],
            },
          ],
        },
      ],
    },
    {
      author: "lucia_del_prado",
      after: "14d",
      body: "I'm drafting a side note on this for my notebook, and your line about competence not being the same as safety is going to haunt it. The code that makes Tony kill César reads differently when you know what Dassin had just been through with people naming names. I'm trying not to overreach, but it's hard not to see.",
      replies: [
        {
          author: "femi_oyelaran",
          after: "4h",
          body: "Don't be afraid to reach a little. A few years after the blacklist, he made a film in which the man who talks is forgiven by nobody. You don't need to force it. It's there.",
          replies: [
            {
              author: "lucia_del_prado",
              after: "2h",
              body: "\"You don't need to force it\" is now written at the top of my draft.",
            },
          ],
        },
      ],
    },
  ],
};
