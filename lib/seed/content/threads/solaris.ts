// The demo discussion under the reviews of Solaris (1972). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const samirHaddad: SeedThread = {
  review: "samir_haddad/solaris",
  comments: [
    {
      author: "tobias_renner",
      after: "1d",
      body: "The paper strips in the vents! I'd forgotten them entirely. From my end that's a sound note as much as a set-dressing one: somebody on that station wanted the air to *rustle*. You've sent me back to it. I'll report.",
      replies: [
        {
          author: "samir_haddad",
          after: "5h",
          body: "Please do. I'd love to know what the station sounds like to someone who listens for a living.",
          replies: [
            {
              author: "tobias_renner",
              after: "6d 3h",
              body: "Reported, in a review of my own. The short version: it sounds like home played back through a failing speaker.",
            },
          ],
        },
      ],
    },
    {
      author: "lucia_del_prado",
      after: "5d",
      body: "For my project: *Solaris* took the Grand Prix Spécial du Jury at Cannes in 1972, the year the Palme was shared by two Italian political films. Strange to think of them in competition together. Theirs are films about the world outside; this one is about the inside of a head.",
      replies: [
        {
          author: "samir_haddad",
          after: "3h",
          body: "And the inside of this particular head is furnished like a library. I'd have given it the lot.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "12d 1h",
      body: "I tried, on your recommendation and Tobias's. My report is up. Short version: the library scene is beautiful and the motorway is a hostage situation.",
      replies: [
        {
          author: "samir_haddad",
          after: "3h",
          body: "A hostage situation in which the hostage, by the end, doesn't want to leave. That's the film, Kenji.",
          replies: [
            { author: "kenji_nakamura", after: "1h", body: "Stockholm syndrome is not a recommendation." },
          ],
        },
      ],
    },
  ],
};

export const tobiasRenner: SeedThread = {
  review: "tobias_renner/solaris",
  comments: [
    {
      author: "samir_haddad",
      after: "3h",
      body: "I'm glad you heard the Bach moving further away each time it comes back. I'd noticed the repetition, never the *distance*. That's going to change how I watch the ending.",
      replies: [
        {
          author: "tobias_renner",
          after: "2h",
          body: "It's in the mix: each return is thinner and further back. Whether anyone planned it exactly that way I can't prove, but it's what the track does.",
        },
      ],
    },
    {
      author: "kenji_nakamura",
      after: "1d",
      body: "A high seven is a six in a good coat.",
      replies: [
        {
          author: "tobias_renner",
          after: "1h",
          body: "It's a seven that hasn't heard the film in a proper room yet. Give me time.",
        },
      ],
    },
    {
      author: "mara_kowalczyk",
      after: "2d 4h",
      body: "I haven't seen it since art school, and this is the first review that makes me want to, mostly because you describe it as something to listen to rather than something to survive.",
    },
    {
      author: "samir_haddad",
      after: "3d 6h",
      body: "Eight! A 35mm print has done what I couldn't.",
      replies: [
        { author: "tobias_renner", after: "30m", body: "You did the first half. The room did the rest." },
      ],
    },
  ],
};

export const kenjiNakamura: SeedThread = {
  review: "kenji_nakamura/solaris",
  comments: [
    {
      author: "samir_haddad",
      after: "2h",
      body: "\"Texture is not an alibi.\" No, and a stopwatch isn't a review. You made tea during the most important five minutes of the film and then complained that nobody had arrived anywhere. Nobody was *supposed* to arrive anywhere. That was the point you left the room for.",
      deletedAfter: "1d",
      replies: [
        {
          author: "kenji_nakamura",
          after: "40m",
          body: "A stopwatch isn't a review, agreed. It's a witness. And for the record, I was back with the tea before the motorway ended. It was still going.",
        },
        {
          author: "tobias_renner",
          after: "3h",
          body: "Both of you are right and both of you are being a bit much. The motorway is a great piece of sound and it is also five minutes long. Those two facts can share a room.",
        },
      ],
    },
    {
      author: "samir_haddad",
      after: "1d 3h",
      body: "I've deleted my earlier comment; it was sharper than it needed to be, and an honest review deserved better than a lecture. What I should have said: the motorway isn't meant to take you anywhere, it's meant to show you a man who has already left. You're allowed to find that tedious. I just think it's the moment the film tells you what kind of film it is.",
      replies: [
        {
          author: "kenji_nakamura",
          after: "3h",
          body: "Apology accepted, point half accepted. I still made the tea.",
          replies: [
            { author: "samir_haddad", after: "1h", body: "Next time make two cups and I'll sit through it with you." },
          ],
        },
      ],
    },
  ],
};
