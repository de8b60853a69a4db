// The demo discussion under the reviews of The Third Man (1949). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/the-third-man",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "3h",
      body: "I'm closing our noir month with this in a couple of weeks, and your last paragraph has gone straight into my thinking. The walk down the avenue is exactly what I want people to carry home. I'm keeping the zither, though; you can't have everything.",
      replies: [
        {
          author: "kenji_nakamura",
          after: "1h",
          body: "I never asked for everything. I asked for one minute of silence during the avenue, which is what any sensible composer would have given us.",
          replies: [
            {
              author: "tobias_renner",
              after: "4h",
              body: "Speaking as the resident sound person: no. The zither carrying on while she walks past him is the cruellest thing in the film. The music doesn't care, and neither does she.",
              replies: [
                {
                  author: "kenji_nakamura",
                  after: "2h",
                  body: "Outvoted again. I'm beginning to think this whole forum is a Tuesday screening with extra steps.",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      author: "samir_haddad",
      after: "2d",
      body: "The sewers are the best production design in any noir: a second city under the first, lit like a cathedral, with water running through the nave. Harry spends the film above ground pretending to be dead, and dies in the one place that was built to carry things away. I'd like @tobias_renner's ears on the echo down there: from my sofa it sounds as big as it looks.",
    },
  ],
};

export const luciaDelPrado: SeedThread = {
  review: "lucia_del_prado/the-third-man",
  comments: [
    {
      author: "kenji_nakamura",
      after: "5h",
      body: "To answer your question: yes. If the zither ever stopped I'd miss it within four seconds. That doesn't mean I want it during the avenue. >!She walks straight past him and out of the frame, and the music keeps plucking away as if it's a nice afternoon in a café. It's the one moment I want silence, and the film refuses me.!< Which, I admit, is probably the point.",
      replies: [
        {
          author: "lucia_del_prado",
          after: "1h",
          body: "So the zither wins by refusing you. That's going in my notes.",
        },
      ],
    },
    {
      author: "ingrid_alvarado",
      after: "1d",
      body: "A lovely prequel entry. The frame tilting because the moral ground does is the clearest explanation of those angles I've come across, and I'd like to borrow it for my introduction on Tuesday, with credit.",
      replies: [
        { author: "lucia_del_prado", after: "2h", body: "Please do! Credit optional; attendance certain." },
      ],
    },
    {
      author: "hollis_greer",
      after: "2d 14h",
      body: "Is this a good one to watch after *Sunrise*? It keeps coming up when I ask people what to see next, so I've stopped reading here before I spoil anything.",
      replies: [
        {
          author: "lucia_del_prado",
          after: "1h",
          body: "Yes, and you stopped reading at exactly the right place. Go in knowing as little as you can. Keep an eye on the cat. Afterwards, read @kenji_nakamura's review and pick a side on the zither; everyone here has one.",
        },
      ],
    },
  ],
};
