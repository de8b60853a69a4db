// The demo discussion under the reviews of Spirited Away (2001). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const maraKowalczyk: SeedThread = {
  review: "mara_kowalczyk/spirited-away",
  comments: [
    {
      author: "tobias_renner",
      after: "1d 4h",
      body: "Hisaishi holding the theme back is the right thing to notice. Count how often the big cue actually plays in full: it's rationed. Most films this size would have it under every flight.",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "6h",
          body: "I counted once. I won't tell you the number, because you'll think less of me for having counted.",
          replies: [
            {
              author: "tobias_renner",
              after: "1h",
              body: "I count room tones for a living. Nobody here is in a position to judge.",
            },
          ],
        },
      ],
    },
    {
      author: "ingrid_alvarado",
      after: "5d",
      body: "Lovely, and I won't fight you. But you've left out the train, which for me is the best five minutes in the film. Was that deliberate?",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "3h",
          body: "No! It's an unforgivable gap and I'm embarrassed. Fixing it this week.",
        },
      ],
    },
    {
      author: "femi_oyelaran",
      after: "32d",
      body: "I watched it for the first time last weekend because of this, at thirty-something, with no child to blame it on. The stink spirit scene is basically a documentary about hauling a bicycle out of a river, and I mean that as the highest compliment. We used to do canal clean-ups in Leeds and it looked exactly like that, minus the god.",
    },
    {
      author: "lucia_del_prado",
      after: "181d",
      body: "The note about your niece is the best thing on this site. Did she forgive the parents in the end, or is the pig question still open?",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "2h",
          body: "Still open. She now asks the waiter \"is this ours?\" before anyone is allowed to eat. I have created a monster, and a very polite one.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "269d 3h",
      body: "Left you something under my own review. Be gentle. (You won't.)",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "20m",
          body: "I've read it. I'm making tea first. Then I'm not being gentle.",
        },
      ],
    },
  ],
};

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/spirited-away",
  comments: [
    {
      author: "mara_kowalczyk",
      after: "5h",
      body: `Tea made. Let me be precise back.

> The train ride is pretty and does nothing.

It does the most important thing in the film: it's the first journey Chihiro takes *by choice*. Everything before it happens to her. The tunnel, the pigs, the job, the stolen name. Then she asks nobody's permission and gets on a train that, Kamaji warns her, doesn't come back the way it used to. That's the hinge of the whole story, and Miyazaki gives it silence instead of a speech.

Cut it and you have a film about a girl things happen to.`,
      replies: [
        {
          author: "kenji_nakamura",
          after: "1h 30m",
          body: "I don't dispute what it *means*. I dispute how long it takes to mean it. A hinge is a small piece of metal. This one is five minutes of watercolour.",
          replies: [
            {
              author: "mara_kowalczyk",
              after: "40m",
              body: "It's under five minutes, I've timed it, and it isn't watercolour, it's *holding*. The hardest part of my job is persuading a director to leave a shot alone long enough for the audience to stop waiting for something and start feeling something. That's what the shadow passengers are for. By the third stop you've stopped asking where the plot went, which is exactly when she's ready to face Zeniba.",
              replies: [
                {
                  author: "kenji_nakamura",
                  after: "2h",
                  body: "\"Stop waiting for something and start feeling something\" is a very elegant description of being bored.",
                  replies: [
                    {
                      author: "mara_kowalczyk",
                      after: "1h",
                      body: `No. Bored is when you stop paying attention. Nobody stops paying attention on that train: children go *completely* quiet during it, and I've watched three separate rooms full of them do it. You were bored because you'd decided an hour in that the story was over and only the paperwork was left.

Name your twenty minutes. Actual scenes. I'll wait.`,
                      edits: [
                        {
                          after: "2h 30m",
                          reason: "Counted properly: it was two cinemas and one living room",
                          bodyEdits: [
                            {
                              find: "it, and I've watched three separate rooms full of them do it.",
                              replace: "it. I've watched it happen in two cinemas and one living room, the living room containing my niece, who does not go quiet for anything.",
                            },
                          ],
                        },
                      ],
                      replies: [
                        {
                          author: "kenji_nakamura",
                          after: "3h",
                          body: `Gladly.

1. No-Face's rampage through the bathhouse, which makes its point in two minutes and keeps making it for six.
2. The train, which we've covered.
3. Zeniba's cottage: one more witch, introduced in the last half hour and settled over tea.
4. The baby turned into a mouse and the bird turned into a fly, which is charming and weighs nothing.

That's about twenty. What's left is a tight, frightening film about a child holding on to her name.`,
                          replies: [
                            {
                              author: "mara_kowalczyk",
                              after: "1h 30m",
                              body: `Thank you. Now look at what your cut takes out:

- **The rampage** is where No-Face learns he can't buy Chihiro. Without it, his stillness on the train means nothing.
- **Zeniba** is Yubaba's *twin*. The film's whole point about people is that the same face can hold a tyrant and a grandmother. You'd cut the second half of that sentence.
- **The mouse** is a baby who has never walked, and who walks all the way home and then stands up to his mother. That's a character arc told without a word.

Your twenty minutes is where everybody in the film changes, not just Chihiro. You'd be left with a tight film about a girl keeping her name, surrounded by cardboard.`,
                              replies: [
                                {
                                  author: "kenji_nakamura",
                                  after: "4h",
                                  body: "The mouse standing up to Yubaba is a good gag. It isn't an arc. An arc needs more than a change of posture.",
                                  replies: [
                                    {
                                      author: "mara_kowalczyk",
                                      after: "50m",
                                      body: "An arc needs a character who wants something, is thwarted, and changes. The baby wants never to leave his room. He's shrunk, taken out into the world, walks until he can't, helps where he's needed, and comes home and *stands*. That's an arc. It's drawn rather than said. Which is my whole complaint about you and animation, Kenji: you only count what people say.",
                                      replies: [
                                        {
                                          author: "kenji_nakamura",
                                          after: "2h",
                                          body: `I count what's on screen and how long it stays there. But fine. I'll give you the mouse. I'll even give you the train, provisionally, because you've made me want to watch it again with a stopwatch in one hand and your list in the other.

I'm keeping Zeniba's cottage. Tea, knitting and a hair tie is not a third act.`,
                                          replies: [
                                            {
                                              author: "mara_kowalczyk",
                                              after: "1h",
                                              body: `A hair tie *her friends made for her*, which is the only thing from that world she's allowed to keep, and which catches the light in the last minutes when she seems to have forgotten everything else. It isn't a third act. It's the proof that the first two happened.

Four becomes what?`,
                                              replies: [
                                                {
                                                  author: "kenji_nakamura",
                                                  after: "3h",
                                                  body: "Four becomes four and a half, which this site won't let me enter. Enjoy your moral victory.",
                                                  replies: [
                                                    {
                                                      author: "mara_kowalczyk",
                                                      after: "20m",
                                                      body: "Framed, and hung next to your \"annoyingly right\". My niece says the mouse would like a word.",
                                                    },
                                                  ],
                                                },
                                              ],
                                            },
                                          ],
                                        },
                                      ],
                                    },
                                  ],
                                },
                              ],
                            },
                            {
                              author: "samir_haddad",
                              after: "5h",
                              body: "Interrupting, as the person halfway through writing about the bathhouse as a machine: the train is the only stretch of the film where the machine is switched off. No boilers, no tokens, no Yubaba. Cut it and the film never stops working, and neither does Chihiro. I think she needs the end of a shift.",
                              replies: [
                                {
                                  author: "kenji_nakamura",
                                  after: "2h",
                                  body: "Samir, you would defend any scene with a lonely figure standing on a platform. It's practically in your contract.",
                                  replies: [
                                    {
                                      author: "samir_haddad",
                                      after: "1h",
                                      body: "It is in my contract, and I'd like it noted that you haven't answered the point.",
                                    },
                                  ],
                                },
                              ],
                            },
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      author: "ingrid_alvarado",
      after: "1d 2h",
      body: "I'm staying well out of this, except to say that the two of you have just written the best programme notes a double bill ever had. Possibly the longest, too.",
    },
  ],
};

export const samirHaddad: SeedThread = {
  review: "samir_haddad/spirited-away",
  comments: [
    {
      author: "mara_kowalczyk",
      after: "2h",
      body: "Trespass welcome, always. \"The architecture *is* the class system\" is going on my studio wall. And you're right about the in-between spaces: half my favourite frames are Chihiro between rooms.",
      replies: [
        {
          author: "samir_haddad",
          after: "1h",
          body: "The outside staircase is the one I'd put on the poster. A tiny girl, an enormous building, and steps that look as if they'll give way under her.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "5h",
      body: `> I wanted another ten minutes in that world, which is precisely the opposite of what Kenji argued here

I'd like it recorded that I have since conceded the mouse.`,
      replies: [
        {
          author: "mara_kowalczyk",
          after: "30m",
          body: "And the train. Provisionally. I have it in writing.",
          replies: [
            {
              author: "kenji_nakamura",
              after: "1h",
              body: "\"Provisionally\" is doing a great deal of work in that sentence.",
            },
          ],
        },
      ],
    },
  ],
};
