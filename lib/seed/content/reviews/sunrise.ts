// The demo reviews of Sunrise: A Song of Two Humans (1927). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const ingridAlvarado: SeedReview = {
  author: "ingrid_alvarado",
  film: "sunrise",
  title: "Sunrise: a film that believes people can change in a single day",
  score: 10,
  tags: ["silent-era", "rewatch", "repertory"],
  spoilers: false,
  status: "published",
  publishedDaysAgo: 330,
  edits: [
    {
      atDaysAgo: 329,
      reason: "Fixed the spelling of Margaret Livingston's name",
      bodyEdits: [
        { find: "Livingstone,", replace: "Livingston," },
      ],
    },
    {
      atDaysAgo: 245,
      reason: "Added a section on the Movietone soundtrack after Tobias's review",
      tags: ["silent-era", "rewatch", "repertory", "sound-design"],
      bodyEdits: [
        {
          after: "dry-eyed.",
          insert: `

## A note on the sound (added later)

Tobias's review sent me back to listen properly, and he is right that I had been treating the soundtrack as wallpaper. *Sunrise* went out with its score and a handful of effects printed on the film itself, using Fox's new Movietone process: no house pianist improvising, no orchestra of whatever size the local cinema could afford. What strikes me now is how rarely the effects are used. Most of the time the music carries everything, and when an actual noise breaks through, a horn in the traffic or the crowd at the fairground, it feels like the world intruding on the couple. The film could have had voices in it, technically. It chose music and a few sounds instead, and that choice is part of why it still feels so pure.`,
        },
      ],
    },
  ],
  body: `I have programmed [*Sunrise*](https://en.wikipedia.org/wiki/Sunrise:_A_Song_of_Two_Humans) three times in four years at our Tuesday nights, and every time somebody finds me afterwards, slightly embarrassed, to admit they did not expect to cry at a ninety-year-old picture about a farmer. I never know quite what to tell them, except that Murnau expected it, and built the whole machine to make it happen.

## The setup (spoiler-free)

A man and his wife live beside a lake. A woman from the city, lodging in the village for the summer, has got her hooks into him, and one night in the marsh she proposes a plan: drown the wife, sell the farm, come away to the city. Nobody in the film has a name. They are the Man, the Wife and the Woman from the City, and that is the first clue to how it wants to be watched. This is a fable, subtitled *A Song of Two Humans*, and it asks you to accept its simplicity the way you would accept a folk song's.

What follows is a boat trip across the lake, a crisis, and then the longest, strangest and loveliest stretch of the picture: a day in the city, in which two frightened people slowly find their way back to each other by way of a barbershop, a photographer's studio, a stranger's church wedding they wander into, and a fairground where a piglet gets loose.

## How it moves

Anyone who thinks of silent film as static should see the trolley ride. The couple board a tram at the lakeshore and the camera travels with them as meadows give way to factories and then to the city, one continuous movement that seems to carry the whole new century along with it. Murnau had just come to Hollywood from Germany, Fox gave him something close to a blank cheque, and the art director Rochus Gliese built the city as an enormous forced-perspective set. You can feel the money, but more than that you can feel the freedom.

The other thing to watch for is the superimposition. When the Man lies awake thinking of the Woman from the City, she appears over him in double exposure, her arms winding around him, as though the thought had physical weight. It ought to look dated. It doesn't. It looks exactly like temptation feels.

## The performances

George O'Brien plays the Man as a big, hunched body whose face has stopped working; for the first reel he walks as if his boots were full of wet sand. Janet Gaynor, who won the first Academy Award for Best Actress partly for this role, is extraordinary in the quiet moments: the instant in the boat when she understands what her husband means to do, and the way she shrinks from him on the tram afterwards, a whole marriage collapsing into her shoulders. Margaret Livingstone, as the Woman from the City, is all cigarette smoke and satin, and I have come to think she is funnier than people allow.

## What the ending does

I won't spell it out, but the last act returns the couple to the lake at night, a storm comes up, and the film turns its own opening inside out. The Man who rowed out meaning to kill would now give anything to save. Whether he can is the question, and for a few minutes Murnau lets you believe the worst. >!The Wife is found alive, carried on the bundle of bulrushes that was meant to keep her husband afloat, and the sun comes up.!< It is an old-fashioned resolution and I have never once sat through it dry-eyed.

## Why I keep programming it

There is a particular sound a room makes when the piglet escapes at the fairground: a surprised, collective laugh, as if everyone has briefly forgotten they are watching an Important Film. That is the best argument for seeing it with an audience. *Sunrise* is a masterpiece in the textbook sense, but it is also a comedy, a thriller and a romance, and it switches between them with a confidence the talkies took years to relearn.

A few notes for first-timers:

- Watch a restoration with the original synchronised score if you can; the music was made for the release, not added decades later.
- Don't be put off by the first twenty minutes, which are the heaviest.
- Watch Gaynor's hands in the photographer's studio.

## Verdict

A film about forgiveness that manages not to be sentimental about it, made at the exact moment silent cinema reached its summit, with sound already knocking at the door. Ten out of ten, and I do not hand out many.`,
};

export const tobiasRenner: SeedReview = {
  author: "tobias_renner",
  film: "sunrise",
  title: "Listening to Sunrise: a silent film with a soundtrack",
  score: 8,
  tags: ["silent-era", "sound-design", "first-watch"],
  spoilers: false,
  status: "published",
  publishedDaysAgo: 250,
  body: `Ingrid has been telling me to watch this for the better part of a year, and I finally did, on a decent restoration at home, on headphones, which is probably not how she would want it seen. But I wanted to hear it properly, because *Sunrise* sits on a strange fault line: a silent film released with its score and effects printed optically on the film, using Fox's brand-new Movietone system.

So, as someone who spends his working days deciding how loud a door should be, here is what I noticed.

**The effects are almost shy.** There are very few of them. A car horn in the city traffic, bells, the fairground crowd, wind under the storm. None of them is in sync the way we would expect now; they sit in the mix as if they were part of the orchestra. That restraint is the right call. The moment a film lets you hear one footstep, you start waiting to hear all of them.

**The music does the dialogue's job.** The score, assembled largely from existing pieces as was normal then, tracks the emotional temperature very closely, sometimes too closely. In the boat scene it pushes hard where Janet Gaynor's face already has everything covered. That is my one real reservation about the film: the music treats us as if we might miss the point.

**The silences are authored too.** Because the track is on the print, the quiet passages belong to the film, not to the mood of a projectionist or a tired house pianist. There is a held, nearly empty stretch out on the lake that plays as completely deliberate, and it is the most frightening moment in the picture.

As for the images: the trolley ride is every bit as good as people say, and the double exposures in the marsh still look modern. I found the long day in the city a little slack, but I'm a thriller person, and the storm at the end paid for everything.

Eight out of ten. Next time I want an audience and a live orchestra, so I can compare the two.`,
};

export const kenjiNakamura: SeedReview = {
  author: "kenji_nakamura",
  film: "sunrise",
  title: "Sunrise is a perfect short film trapped inside a feature",
  score: 5,
  tags: ["silent-era", "first-watch"],
  spoilers: false,
  status: "published",
  publishedDaysAgo: 140,
  body: `Unpopular opinion, filed from the back row of Ingrid's Tuesday screening, where I was very politely outvoted.

The first half hour of *Sunrise* is among the best things I have ever seen. The marsh at night, the Woman from the City whistling for the Man outside his house, his huge slow body deciding to do something terrible. The boat trip is pure suspense; Murnau stays on Gaynor's face until you want to look away. Had the film ended on the far shore of that lake, I would be calling it perfect.

It does not end there. It goes to the city, and then it stays in the city for what feels like a week. A haircut. A portrait. A runaway pig. A folk dance. Each scene is charming on its own terms, and I understand that the point is the couple's reconciliation, built one small step at a time. But the tension that made the opening so gripping simply drains away, and by the time the storm arrived I had stopped being afraid for anybody.

Things I would keep whatever happened:

- The trolley ride, a genuine marvel.
- The city lights shimmering over the Man's head while the temptress describes the life she is offering.
- Margaret Livingston, who plays the vamp as if she has wandered in from a much nastier film than everyone else, which is to say the film I wanted.

I know how this sounds. Ninety-odd minutes is not long by modern standards, and the people around me were laughing and weeping exactly on cue. Perhaps fables need room. I only know that I looked at my watch during the fairground, and a masterpiece should not let you do that.

Five out of ten. The first reel is a ten.`,
};

export const hollisGreer: SeedReview = {
  author: "hollis_greer",
  film: "sunrise",
  title: "My first silent film (I think I get it now?)",
  score: 9,
  tags: ["silent-era", "first-watch"],
  spoilers: false,
  status: "published",
  publishedDaysAgo: 1,
  body: `I'm new here, so please be gentle. Last month a friend dragged me to a Tuesday screening of *Sunrise* in an old print shop full of folding chairs, and I went in expecting to be bored. I wasn't. I don't think I breathed during the boat scene.

I can't explain the technical side the way other people here do. I just know that by the middle, when the couple are in the city and keep getting sidetracked by little things, I felt like I was watching two real people fall back in love, and nobody had to say a word.

I laughed at the pig. Everyone did.

Is nine too high for a first silent film? It felt like a nine. I'd really love suggestions for what to watch next.`,
};
