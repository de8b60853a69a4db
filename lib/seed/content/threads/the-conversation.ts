// The demo discussion under the reviews of The Conversation (1974). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const tobiasRenner: SeedThread = {
  review: "tobias_renner/the-conversation",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "19h",
      body: "Lovely piece. One small thing before anyone else spots it: in the sound section you've given Walter Murch a new surname. *Much.* I'm afraid I laughed out loud, given the subject.",
      replies: [
        {
          author: "tobias_renner",
          after: "40m",
          body: "Of all the names to get wrong in a review about listening carefully. Fixing it tonight. Thank you, Ingrid.",
          replies: [
            { author: "ingrid_alvarado", after: "25m", body: "In fairness, he did do much." },
          ],
        },
      ],
    },
    {
      author: "femi_oyelaran",
      after: "105d",
      body: `I'm a documentary person, so what got me here is the workshop: the reels, the patience, the fact that nothing in Harry's cage is there for show. It's a portrait of labour as much as a thriller. You've made me want to watch it again just for his hands.

A question for the sound editor, though. How much of the Union Square recording is "real"? Did they actually put microphones out in the square, or was it all built afterwards?`,
      replies: [
        {
          author: "tobias_renner",
          after: "3h",
          body: `From what I've read, both. The actors really were recorded out in the square, through the crowd, and then a great deal was shaped by hand afterwards: the dropouts and that warble are placed, not accidents.

Which is the funny thing about my job. It takes an enormous amount of work to make a recording sound *this* bad in exactly the right way.`,
          replies: [
            {
              author: "femi_oyelaran",
              after: "1d",
              body: "\"It takes an enormous amount of work to make a recording sound this bad\" is going on a postcard above my desk.",
            },
          ],
        },
      ],
    },
    {
      author: "lucia_del_prado",
      after: "290d 2h",
      body: "I've just posted my notebook entry on this and sent people here for the sound. One thing I couldn't fit in: the rival at the trade fair who bugs Harry with a free pen. It's the one time we see Harry on the wrong end of his own trade, and it's played as a party joke. Did that scene land differently for you, knowing the work from the inside?",
      replies: [
        {
          author: "tobias_renner",
          after: "5h",
          body: "It's the scene I find hardest to watch. Everybody at that party laughs, and Harry's face goes completely still, because for him the joke is an injury. Anyone who has had a colleague play back something they muttered off mic, for a laugh, knows the feeling. It's a small scene, and the whole second half grows out of it.",
        },
      ],
    },
    {
      author: "samir_haddad",
      after: "348d 3h",
      body: "I followed the link in @lucia_del_prado's notebook entry, having just written up the ending in my own review, and the 16mm paragraph made me jealous. Something I only noticed on this watch: the final pan across the flat moves exactly like a surveillance camera. >!Harry has become the thing he was listening for, and the film looks at him the way his machines looked at the couple.!< It's as close as the film comes to science fiction.",
      replies: [
        {
          author: "tobias_renner",
          after: "6h",
          body: "Yes. And listen to what's under that pan: almost nothing but the saxophone and the room. After two hours of layered tape the mix is suddenly empty. The emptiness is the bug.",
        },
      ],
    },
  ],
};

export const samirHaddad: SeedThread = {
  review: "samir_haddad/the-conversation",
  comments: [
    {
      author: "tobias_renner",
      after: "4h",
      body: "That last pan, back and forth like a security camera, is the coldest camera movement I know. And you're right that the saxophone is the one sound he still controls. Lovely piece.",
    },
  ],
};
