// The demo discussion under the reviews of Double Indemnity (1944). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/double-indemnity",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "1d 2h",
      body: "Superb, and you're right about the match. But you might flag this as containing spoilers: the last section gives the ending away in full, and nothing on the page warns anyone. There are people here who haven't seen it yet, and I programme for them.",
      replies: [
        {
          author: "kenji_nakamura",
          after: "3h",
          body: "Fair. I wrote \"spoilers from here\" in a heading and assumed people read headings, which is optimistic of me. I'll mark the whole thing and say so at the top.",
          replies: [
            { author: "ingrid_alvarado", after: "40m", body: "Thank you. The little man in my stomach is satisfied." },
          ],
        },
      ],
    },
    {
      author: "mara_kowalczyk",
      after: "164d 6h",
      body: "I finally watched it, and wrote it up, and I'm with you on Lola being dull. I'm not with you on the car that won't start being the best ten seconds of the decade. The best *sound*, maybe. Visually it's two people sitting in a car.",
      replies: [
        {
          author: "kenji_nakamura",
          after: "2h",
          body: "Two people sitting in a car, in a silence that tells you exactly how much trouble they're in. That's the whole of noir, Mara. I bet you drew it.",
          replies: [
            {
              author: "mara_kowalczyk",
              after: "1h",
              body: "I did. It's the only thumbnail on the page I didn't cross out. Fine.",
              replies: [
                { author: "kenji_nakamura", after: "15m", body: "I'll take \"fine\". From you that's a standing ovation." },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const ingridAlvarado: SeedThread = {
  review: "ingrid_alvarado/double-indemnity",
  comments: [
    {
      author: "kenji_nakamura",
      after: "5h",
      body: "The last word, as invited: nine. Also, the wig *is* a mistake, and Phyllis knows it, and that's why it works.",
    },
  ],
};

export const maraKowalczyk: SeedThread = {
  review: "mara_kowalczyk/double-indemnity",
  comments: [
    {
      author: "kenji_nakamura",
      after: "2h",
      body: "\"Annoyingly, right.\" I'm having that framed. And seven is a respectable score from someone who storyboards the blinds.",
      replies: [
        { author: "mara_kowalczyk", after: "1h", body: "Don't get used to it." },
      ],
    },
    {
      author: "ingrid_alvarado",
      after: "1d",
      body: "Your note on the depth in Keyes's office is exactly what I'd point a new projectionist to. On a big screen the layers are even clearer: you find yourself watching the door at the back more than the man at the desk.",
      replies: [
        {
          author: "mara_kowalczyk",
          after: "3h",
          body: "That's exactly what I'd lose on a laptop, isn't it? Next time it's on at yours, I'm coming.",
          replies: [
            { author: "ingrid_alvarado", after: "2h", body: "Third row. Bring the sketchpad." },
          ],
        },
      ],
    },
  ],
};
