// The demo discussion under the reviews of Sunrise: A Song of Two Humans (1927). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const ingridAlvarado: SeedThread = {
  review: "ingrid_alvarado/sunrise",
  comments: [
    {
      author: "mara_kowalczyk",
      after: "40d",
      body: "The superimposition in the marsh is one of the things that made me want to draw for a living. Animation does double exposure all the time and it usually looks like a trick. Here it looks like weather. I'd give a lot to see Murnau's storyboards, if there ever were any.",
      replies: [
        {
          author: "ingrid_alvarado",
          after: "1d 2h",
          body: "Not storyboards as you'd know them, as far as I'm aware, but the city was built on the lot around what the camera would see, with its perspective cheated so that the far end of a street is much nearer than it looks. A storyboard made of plywood, if you like.",
          replies: [
            {
              author: "mara_kowalczyk",
              after: "3h",
              body: "A storyboard made of plywood. I'm having that, and the plywood.",
            },
          ],
        },
      ],
    },
    {
      author: "tobias_renner",
      after: "80d 6h",
      body: "Finally watched it, as promised, and wrote it up from my end of the building. One gentle push: your notes for first-timers praise the original synchronised score and then the review never mentions it again. It's doing more than you give it credit for, especially the few sounds that break through the music. Worth a paragraph?",
      replies: [
        {
          author: "ingrid_alvarado",
          after: "14h",
          body: "A year of nagging you to watch it, and you come back with homework for me. Fair homework. I'll add something once I've listened again properly, on better speakers than the print shop's.",
          replies: [
            {
              author: "tobias_renner",
              after: "4d 10h",
              body: "Read the new section. \"The world intruding on the couple\" is it exactly, and better put than anything in my review.",
            },
          ],
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "190d 1h",
      body: "Posted my dissent separately so as not to trample your thread. For the record: the first reel is a ten. Everything after the boat is a very pleasant day out.",
      replies: [
        {
          author: "ingrid_alvarado",
          after: "1h",
          body: "Noted, and filed under \"Kenji looked at his watch at the fairground\". Some of us were busy laughing at the pig.",
        },
      ],
    },
    {
      author: "hollis_greer",
      after: "329d 2h",
      body: "I think I was at one of your Tuesday screenings of this last month! Folding chairs, and a projector that clicked a bit at the start? Your notes for first-timers would have helped me, especially the part about the first twenty minutes being the heaviest. I nearly left during the marsh.",
      replies: [
        {
          author: "ingrid_alvarado",
          after: "1h",
          body: "That was us, and the click is the projector's way of saying hello. I'm very glad you stayed past the marsh. Welcome, Hollis; there are a few suggestions waiting under your own review.",
        },
      ],
    },
  ],
};

export const tobiasRenner: SeedThread = {
  review: "tobias_renner/sunrise",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "3h",
      body: "On *headphones*. I'll forgive you, because you heard the held stretch on the lake, which most people don't even notice is a choice. Next spring we're showing it with a live trio. You're coming, and you're sitting where I can watch your face during the boat scene.",
      replies: [
        {
          author: "tobias_renner",
          after: "1h",
          body: "Deal. I'll bring a notebook and compare the two mixes, which I realise is the least romantic thing anyone has ever said about this film.",
        },
      ],
    },
    {
      author: "femi_oyelaran",
      after: "8d 3h",
      body: "*Sunrise* went on my list after your workshop answer under *The Conversation*, and this sealed it. What I like most is the idea that the silences are authored. Documentaries have the same fight the other way round: you argue for every quiet stretch in the edit, because someone always wants to fill it with music.",
    },
    {
      author: "kenji_nakamura",
      after: "110d 7h",
      body: `> I found the long day in the city a little slack, but I'm a thriller person.

Tobias, my brother in arms. We were outvoted on Tuesday, but we were right.`,
      replies: [
        {
          author: "ingrid_alvarado",
          after: "2h",
          body: "You were outvoted because you were wrong and in the minority, which is the usual order of things.",
          replies: [
            { author: "kenji_nakamura", after: "30m", body: "The minority is where the good seats are." },
          ],
        },
      ],
    },
    {
      author: "hollis_greer",
      after: "248d 8h",
      body: "Were you at the print shop screening too? I think I sat behind someone who kept their headphones on the whole time, and I've been wondering what they were listening to.",
      deletedAfter: "8m",
    },
  ],
};

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/sunrise",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "3h",
      body: "For the record, you were outvoted forty-one to one. I'll defend the city properly: it isn't padding, it's the reconciliation done in small steps, which is the only way a reconciliation has ever worked. One big scene would have been a lie.",
      replies: [
        {
          author: "kenji_nakamura",
          after: "1h 10m",
          body: "One big scene would have been *shorter*.",
          replies: [
            { author: "ingrid_alvarado", after: "1h 10m", body: "So is a divorce." },
          ],
        },
      ],
    },
    {
      author: "mara_kowalczyk",
      after: "2d",
      body: "A five! I'm typing this from behind a cushion. The fairground is the best *animation* in the film, by the way: the crowds, the lights, the dancing. It's a cartoon made with people.",
      replies: [
        { author: "kenji_nakamura", after: "3h", body: "Then it should have been a short one." },
      ],
    },
    {
      author: "hollis_greer",
      after: "138d 10h",
      body: "I saw this for the first time last month and I have to disagree, sorry! The city part was my favourite. When they wander into the wedding and he breaks down, I was gone. And at the end the Wife is found alive on the bulrushes and I actually cheered out loud.",
      edits: [
        {
          after: "2h",
          by: "tobias_renner",
          reason: "Moderator: hid the ending behind a spoiler tag, since this review has no spoiler warning",
          bodyEdits: [
            { find: "end the", replace: "end >!the" },
            { find: "bulrushes", replace: "bulrushes!<" },
          ],
        },
      ],
      replies: [
        {
          author: "tobias_renner",
          after: "2h 5m",
          body: "Welcome, Hollis. I've put your last sentence behind a spoiler tag: on a review without a spoiler warning, writing `>!like this!<` keeps the words hidden until a reader clicks them. No harm done. I cheered too, the first time.",
          replies: [
            {
              author: "hollis_greer",
              after: "20m",
              body: "Oh no, thank you! I didn't know that was a thing. Still learning where everything is.",
              replies: [
                {
                  author: "kenji_nakamura",
                  after: "1h",
                  body: "Cheering out loud is the correct response to that ending, and I say so as the man who gave it a five. Welcome.",
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};

export const hollisGreer: SeedThread = {
  review: "hollis_greer/sunrise",
  comments: [
    {
      author: "ingrid_alvarado",
      after: "1h",
      body: `Welcome, Hollis, and no, nine isn't too high. A few suggestions from the same years, in the order I'd show them:

- *The Crowd* (1928): a big city swallowing an ordinary man
- *City Lights* (1931), for the last scene alone
- *The Passion of Joan of Arc* (1928), when you're feeling brave

And for something with dialogue that leaves you feeling the same way, *Tokyo Story*. Read @femi_oyelaran's review of it first: no spoilers, and the gentlest way in.`,
      replies: [
        {
          author: "hollis_greer",
          after: "1h 50m",
          body: "Thank you so much! I've written all of these down. Is *The Crowd* sad? I have a feeling it's going to be sad.",
          replies: [
            { author: "ingrid_alvarado", after: "1h", body: "Yes. Watch *City Lights* straight afterwards." },
          ],
        },
      ],
    },
    {
      author: "tobias_renner",
      after: "3h",
      body: "Nine is a fine score. If you see it again, close your eyes for a minute during the city traffic. It went out with its music and a handful of sounds printed on the film, and the city noises are there on purpose.",
      replies: [
        {
          author: "hollis_greer",
          after: "1h",
          body: "I'll try that! I didn't know silent films could have sound effects at all.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "5h",
      body: "Nine is too high, but you're allowed: everyone's first silent film deserves a nine. When you want the other end of the mood scale, try *Double Indemnity*. No pigs. Then ask @mara_kowalczyk about the shadows of the blinds, and keep the evening free.",
      replies: [
        { author: "hollis_greer", after: "20m", body: "Noted. No pigs. Adding it to the list." },
      ],
    },
    {
      author: "lucia_del_prado",
      after: "8h",
      body: "Welcome! If you'd like a way in, do what I'm doing and pick a list to work through. It makes choosing the next film easier, and you end up watching things you'd never have picked for yourself.",
    },
  ],
};
