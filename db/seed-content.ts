// Demo content for the Marquee seed: real films and freshly written reviews by the demo members
// defined in db/seed.ts. Data only; the seed turns it into films, posts, revisions and tags.
// Times are relative ("days ago") so a fresh seed always has something in every feed window.

export type SeedFilm = { key: string; title: string; year: number; director?: string; country?: string };
export type SeedRevision = { atDaysAgo: number; reason: string; title?: string; body?: string; score?: number | null; tags?: string[]; spoilers?: boolean }; // an EDIT applied to the review: fields given replace the previous values
export type SeedReview = {
  author: string;          // one of the demo usernames in db/seed.ts
  film: string;            // a SeedFilm key
  title: string;
  score: number | null;    // 1–10 or null
  tags: string[];          // 0–5 tags, each lowercase a-z0-9 and hyphens, 2–30 chars
  spoilers: boolean;       // post-level "contains spoilers" flag
  body: string;            // markdown
  status: "published" | "draft";
  publishedDaysAgo: number; // for drafts: the day it was started
  edits?: SeedRevision[];   // later edits, each at least 1 day after the previous state
};

export const SEED_FILMS: SeedFilm[] = [
  { key: "sunrise", title: "Sunrise: A Song of Two Humans", year: 1927, director: "F. W. Murnau", country: "United States" },
  { key: "double-indemnity", title: "Double Indemnity", year: 1944, director: "Billy Wilder", country: "United States" },
  { key: "the-third-man", title: "The Third Man", year: 1949, director: "Carol Reed", country: "United Kingdom" },
  { key: "tokyo-story", title: "Tokyo Story", year: 1953, director: "Yasujirō Ozu", country: "Japan" },
  { key: "rififi", title: "Rififi", year: 1955, director: "Jules Dassin", country: "France" },
  { key: "solaris", title: "Solaris", year: 1972, director: "Andrei Tarkovsky", country: "Soviet Union" },
  { key: "the-conversation", title: "The Conversation", year: 1974, director: "Francis Ford Coppola", country: "United States" },
  { key: "spirited-away", title: "Spirited Away", year: 2001, director: "Hayao Miyazaki", country: "Japan" },
  { key: "man-on-wire", title: "Man on Wire", year: 2008, director: "James Marsh", country: "United Kingdom" },
  { key: "anatomy-of-a-fall", title: "Anatomy of a Fall", year: 2023, director: "Justine Triet", country: "France" },
];

// Oldest first.
export const SEED_REVIEWS: SeedReview[] = [
  {
    author: "tobias_renner",
    film: "the-conversation",
    title: "The Conversation: the best film ever made about my job",
    score: 9,
    tags: ["1970s", "sound-design", "palme-dor", "paranoia"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 350,
    edits: [
      {
        atDaysAgo: 348,
        reason: "Typo: Murch, not Much",
        body: `I edit sound for a living. I've spent more hours than I care to count hunched over headphones, trying to pull one line of dialogue out of a noisy location recording, and so I can't watch [*The Conversation*](https://en.wikipedia.org/wiki/The_Conversation) like a normal person. I watch it the way a surgeon watches a hospital drama, waiting for the mistakes. There aren't any. It's the most accurate film ever made about what it's like to listen for a living, and one of the saddest.

## The setup (spoiler-free)

Harry Caul (Gene Hackman) is the best surveillance man on the West Coast, a private contractor who can record anyone, anywhere. The film opens on his latest job: a young couple walking in circles around Union Square in San Francisco at lunchtime, talking quietly, while Harry's team records them with directional microphones from the rooftops and a parked van. The client is a corporate director. The tape is a jumble of crowd noise, a band and broken fragments of speech. Harry takes it back to his warehouse workshop to clean it up, and in cleaning it up he hears a sentence that suggests the couple may be in danger, and that his recording may be what puts them there.

Harry is a devout Catholic, a jazz saxophonist who plays alone along with records, a man with several locks on his door who is outraged when his landlady leaves a birthday present inside his flat. He has built a life with no surfaces for anyone to listen through. He is also, as the film slowly lets slip, haunted by an earlier job in which his recordings got people killed.

## The sound (where I get boring)

The opening sequence is a masterpiece of sound perspective. We hear Union Square the way Harry's machines hear it: fragments swim in and out as the couple drift closer to one microphone and away from another, and a strange electronic warble breaks over the voices whenever the signal drops. It sounds like real location tape because that is what real location tape sounds like, not a movie's idea of it.

Then, in the workshop, we watch Harry *do the job*. He runs three recordings in sync, rides the faders, filters the band out, and rebuilds the conversation one phrase at a time. Walter Murch, who edited the picture and shaped the sound, understood that this is the actual drama of the work: listening to the same eight seconds forty times until a word you kept missing turns into a word you can't stop hearing. Coppola lets these scenes run long. I wish every director who ever told me to "just clean it up" would sit through them.

What I admire most is that the film keeps coming back to the same recording, and each time it sounds a little different, because Harry hears it differently. The tape never changes. Harry does. >!The line everyone remembers turns on which word is stressed, and by the end you realise the couple were never the ones in danger.!<

David Shire's score is mostly solo piano, sad and jazzy and a little out of reach, which is perfect for a man who only makes music in an empty room.

## Hackman

Hackman was coming off *The French Connection* and Popeye Doyle, a man made entirely of noise and push. Harry Caul is the opposite: stooped inside a translucent plastic raincoat, barely audible, hiding behind a little moustache and a pair of glasses. It is one of the most withdrawn lead performances I know in an American film, and it never asks for sympathy. You give it anyway.

John Cazale as Stan, Harry's assistant, is wonderful in a handful of scenes, needling his boss about what the tape means when Harry won't let himself think about it. A young Harrison Ford turns up as the director's assistant, polite and plainly dangerous.

## Verdict

Coppola made this between the first two *Godfather* films, and it won the Palme d'Or, which is the right prize for it: a small, inward, formally daring picture rather than a crowd-pleaser. If you care how sound works in films, start here. If you don't, it's still a superb paranoid thriller, as tight as anything from that decade.

Nine out of ten. It would be a ten if I could get through the final scene without feeling that someone was listening to me.`,
      },
      {
        atDaysAgo: 200,
        reason: "Rethought my score after a second viewing on 16mm",
        score: 10,
        tags: ["1970s", "sound-design", "palme-dor", "paranoia", "rewatch"],
        body: `I edit sound for a living. I've spent more hours than I care to count hunched over headphones, trying to pull one line of dialogue out of a noisy location recording, and so I can't watch [*The Conversation*](https://en.wikipedia.org/wiki/The_Conversation) like a normal person. I watch it the way a surgeon watches a hospital drama, waiting for the mistakes. There aren't any. It's the most accurate film ever made about what it's like to listen for a living, and one of the saddest.

## The setup (spoiler-free)

Harry Caul (Gene Hackman) is the best surveillance man on the West Coast, a private contractor who can record anyone, anywhere. The film opens on his latest job: a young couple walking in circles around Union Square in San Francisco at lunchtime, talking quietly, while Harry's team records them with directional microphones from the rooftops and a parked van. The client is a corporate director. The tape is a jumble of crowd noise, a band and broken fragments of speech. Harry takes it back to his warehouse workshop to clean it up, and in cleaning it up he hears a sentence that suggests the couple may be in danger, and that his recording may be what puts them there.

Harry is a devout Catholic, a jazz saxophonist who plays alone along with records, a man with several locks on his door who is outraged when his landlady leaves a birthday present inside his flat. He has built a life with no surfaces for anyone to listen through. He is also, as the film slowly lets slip, haunted by an earlier job in which his recordings got people killed.

## The sound (where I get boring)

The opening sequence is a masterpiece of sound perspective. We hear Union Square the way Harry's machines hear it: fragments swim in and out as the couple drift closer to one microphone and away from another, and a strange electronic warble breaks over the voices whenever the signal drops. It sounds like real location tape because that is what real location tape sounds like, not a movie's idea of it.

Then, in the workshop, we watch Harry *do the job*. He runs three recordings in sync, rides the faders, filters the band out, and rebuilds the conversation one phrase at a time. Walter Murch, who edited the picture and shaped the sound, understood that this is the actual drama of the work: listening to the same eight seconds forty times until a word you kept missing turns into a word you can't stop hearing. Coppola lets these scenes run long. I wish every director who ever told me to "just clean it up" would sit through them.

What I admire most is that the film keeps coming back to the same recording, and each time it sounds a little different, because Harry hears it differently. The tape never changes. Harry does. >!The line everyone remembers turns on which word is stressed, and by the end you realise the couple were never the ones in danger.!<

David Shire's score is mostly solo piano, sad and jazzy and a little out of reach, which is perfect for a man who only makes music in an empty room.

## Hackman

Hackman was coming off *The French Connection* and Popeye Doyle, a man made entirely of noise and push. Harry Caul is the opposite: stooped inside a translucent plastic raincoat, barely audible, hiding behind a little moustache and a pair of glasses. It is one of the most withdrawn lead performances I know in an American film, and it never asks for sympathy. You give it anyway.

John Cazale as Stan, Harry's assistant, is wonderful in a handful of scenes, needling his boss about what the tape means when Harry won't let himself think about it. A young Harrison Ford turns up as the director's assistant, polite and plainly dangerous.

## Verdict

Coppola made this between the first two *Godfather* films, and it won the Palme d'Or, which is the right prize for it: a small, inward, formally daring picture rather than a crowd-pleaser. If you care how sound works in films, start here. If you don't, it's still a superb paranoid thriller, as tight as anything from that decade.

## Second viewing (added)

I saw a 16mm print at a film society last month, scratches and all, through a speaker that has seen better decades, and it was better than my carefully restored home copy. Hearing Harry's tapes through a worn optical track made the whole film feel like a recording somebody had found in a drawer, and the hiss under the Union Square sequence stopped being a flaw and became part of the surveillance.

So I've changed my score. The last scene still has me checking the walls of my flat afterwards. I have decided that is a feature.

Ten out of ten.`,
      },
    ],
    body: `I edit sound for a living. I've spent more hours than I care to count hunched over headphones, trying to pull one line of dialogue out of a noisy location recording, and so I can't watch [*The Conversation*](https://en.wikipedia.org/wiki/The_Conversation) like a normal person. I watch it the way a surgeon watches a hospital drama, waiting for the mistakes. There aren't any. It's the most accurate film ever made about what it's like to listen for a living, and one of the saddest.

## The setup (spoiler-free)

Harry Caul (Gene Hackman) is the best surveillance man on the West Coast, a private contractor who can record anyone, anywhere. The film opens on his latest job: a young couple walking in circles around Union Square in San Francisco at lunchtime, talking quietly, while Harry's team records them with directional microphones from the rooftops and a parked van. The client is a corporate director. The tape is a jumble of crowd noise, a band and broken fragments of speech. Harry takes it back to his warehouse workshop to clean it up, and in cleaning it up he hears a sentence that suggests the couple may be in danger, and that his recording may be what puts them there.

Harry is a devout Catholic, a jazz saxophonist who plays alone along with records, a man with several locks on his door who is outraged when his landlady leaves a birthday present inside his flat. He has built a life with no surfaces for anyone to listen through. He is also, as the film slowly lets slip, haunted by an earlier job in which his recordings got people killed.

## The sound (where I get boring)

The opening sequence is a masterpiece of sound perspective. We hear Union Square the way Harry's machines hear it: fragments swim in and out as the couple drift closer to one microphone and away from another, and a strange electronic warble breaks over the voices whenever the signal drops. It sounds like real location tape because that is what real location tape sounds like, not a movie's idea of it.

Then, in the workshop, we watch Harry *do the job*. He runs three recordings in sync, rides the faders, filters the band out, and rebuilds the conversation one phrase at a time. Walter Much, who edited the picture and shaped the sound, understood that this is the actual drama of the work: listening to the same eight seconds forty times until a word you kept missing turns into a word you can't stop hearing. Coppola lets these scenes run long. I wish every director who ever told me to "just clean it up" would sit through them.

What I admire most is that the film keeps coming back to the same recording, and each time it sounds a little different, because Harry hears it differently. The tape never changes. Harry does. >!The line everyone remembers turns on which word is stressed, and by the end you realise the couple were never the ones in danger.!<

David Shire's score is mostly solo piano, sad and jazzy and a little out of reach, which is perfect for a man who only makes music in an empty room.

## Hackman

Hackman was coming off *The French Connection* and Popeye Doyle, a man made entirely of noise and push. Harry Caul is the opposite: stooped inside a translucent plastic raincoat, barely audible, hiding behind a little moustache and a pair of glasses. It is one of the most withdrawn lead performances I know in an American film, and it never asks for sympathy. You give it anyway.

John Cazale as Stan, Harry's assistant, is wonderful in a handful of scenes, needling his boss about what the tape means when Harry won't let himself think about it. A young Harrison Ford turns up as the director's assistant, polite and plainly dangerous.

## Verdict

Coppola made this between the first two *Godfather* films, and it won the Palme d'Or, which is the right prize for it: a small, inward, formally daring picture rather than a crowd-pleaser. If you care how sound works in films, start here. If you don't, it's still a superb paranoid thriller, as tight as anything from that decade.

Nine out of ten. It would be a ten if I could get through the final scene without feeling that someone was listening to me.`,
  },
  {
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
        body: `I have programmed [*Sunrise*](https://en.wikipedia.org/wiki/Sunrise:_A_Song_of_Two_Humans) three times in four years at our Tuesday nights, and every time somebody finds me afterwards, slightly embarrassed, to admit they did not expect to cry at a ninety-year-old picture about a farmer. I never know quite what to tell them, except that Murnau expected it, and built the whole machine to make it happen.

## The setup (spoiler-free)

A man and his wife live beside a lake. A woman from the city, lodging in the village for the summer, has got her hooks into him, and one night in the marsh she proposes a plan: drown the wife, sell the farm, come away to the city. Nobody in the film has a name. They are the Man, the Wife and the Woman from the City, and that is the first clue to how it wants to be watched. This is a fable, subtitled *A Song of Two Humans*, and it asks you to accept its simplicity the way you would accept a folk song's.

What follows is a boat trip across the lake, a crisis, and then the longest, strangest and loveliest stretch of the picture: a day in the city, in which two frightened people slowly find their way back to each other by way of a barbershop, a photographer's studio, a stranger's church wedding they wander into, and a fairground where a piglet gets loose.

## How it moves

Anyone who thinks of silent film as static should see the trolley ride. The couple board a tram at the lakeshore and the camera travels with them as meadows give way to factories and then to the city, one continuous movement that seems to carry the whole new century along with it. Murnau had just come to Hollywood from Germany, Fox gave him something close to a blank cheque, and the art director Rochus Gliese built the city as an enormous forced-perspective set. You can feel the money, but more than that you can feel the freedom.

The other thing to watch for is the superimposition. When the Man lies awake thinking of the Woman from the City, she appears over him in double exposure, her arms winding around him, as though the thought had physical weight. It ought to look dated. It doesn't. It looks exactly like temptation feels.

## The performances

George O'Brien plays the Man as a big, hunched body whose face has stopped working; for the first reel he walks as if his boots were full of wet sand. Janet Gaynor, who won the first Academy Award for Best Actress partly for this role, is extraordinary in the quiet moments: the instant in the boat when she understands what her husband means to do, and the way she shrinks from him on the tram afterwards, a whole marriage collapsing into her shoulders. Margaret Livingston, as the Woman from the City, is all cigarette smoke and satin, and I have come to think she is funnier than people allow.

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
      },
      {
        atDaysAgo: 245,
        reason: "Added a section on the Movietone soundtrack after Tobias's review",
        tags: ["silent-era", "rewatch", "repertory", "sound-design"],
        body: `I have programmed [*Sunrise*](https://en.wikipedia.org/wiki/Sunrise:_A_Song_of_Two_Humans) three times in four years at our Tuesday nights, and every time somebody finds me afterwards, slightly embarrassed, to admit they did not expect to cry at a ninety-year-old picture about a farmer. I never know quite what to tell them, except that Murnau expected it, and built the whole machine to make it happen.

## The setup (spoiler-free)

A man and his wife live beside a lake. A woman from the city, lodging in the village for the summer, has got her hooks into him, and one night in the marsh she proposes a plan: drown the wife, sell the farm, come away to the city. Nobody in the film has a name. They are the Man, the Wife and the Woman from the City, and that is the first clue to how it wants to be watched. This is a fable, subtitled *A Song of Two Humans*, and it asks you to accept its simplicity the way you would accept a folk song's.

What follows is a boat trip across the lake, a crisis, and then the longest, strangest and loveliest stretch of the picture: a day in the city, in which two frightened people slowly find their way back to each other by way of a barbershop, a photographer's studio, a stranger's church wedding they wander into, and a fairground where a piglet gets loose.

## How it moves

Anyone who thinks of silent film as static should see the trolley ride. The couple board a tram at the lakeshore and the camera travels with them as meadows give way to factories and then to the city, one continuous movement that seems to carry the whole new century along with it. Murnau had just come to Hollywood from Germany, Fox gave him something close to a blank cheque, and the art director Rochus Gliese built the city as an enormous forced-perspective set. You can feel the money, but more than that you can feel the freedom.

The other thing to watch for is the superimposition. When the Man lies awake thinking of the Woman from the City, she appears over him in double exposure, her arms winding around him, as though the thought had physical weight. It ought to look dated. It doesn't. It looks exactly like temptation feels.

## The performances

George O'Brien plays the Man as a big, hunched body whose face has stopped working; for the first reel he walks as if his boots were full of wet sand. Janet Gaynor, who won the first Academy Award for Best Actress partly for this role, is extraordinary in the quiet moments: the instant in the boat when she understands what her husband means to do, and the way she shrinks from him on the tram afterwards, a whole marriage collapsing into her shoulders. Margaret Livingston, as the Woman from the City, is all cigarette smoke and satin, and I have come to think she is funnier than people allow.

## What the ending does

I won't spell it out, but the last act returns the couple to the lake at night, a storm comes up, and the film turns its own opening inside out. The Man who rowed out meaning to kill would now give anything to save. Whether he can is the question, and for a few minutes Murnau lets you believe the worst. >!The Wife is found alive, carried on the bundle of bulrushes that was meant to keep her husband afloat, and the sun comes up.!< It is an old-fashioned resolution and I have never once sat through it dry-eyed.

## A note on the sound (added later)

Tobias's review sent me back to listen properly, and he is right that I had been treating the soundtrack as wallpaper. *Sunrise* went out with its score and a handful of effects printed on the film itself, using Fox's new Movietone process: no house pianist improvising, no orchestra of whatever size the local cinema could afford. What strikes me now is how rarely the effects are used. Most of the time the music carries everything, and when an actual noise breaks through, a horn in the traffic or the crowd at the fairground, it feels like the world intruding on the couple. The film could have had voices in it, technically. It chose music and a few sounds instead, and that choice is part of why it still feels so pure.

## Why I keep programming it

There is a particular sound a room makes when the piglet escapes at the fairground: a surprised, collective laugh, as if everyone has briefly forgotten they are watching an Important Film. That is the best argument for seeing it with an audience. *Sunrise* is a masterpiece in the textbook sense, but it is also a comedy, a thriller and a romance, and it switches between them with a confidence the talkies took years to relearn.

A few notes for first-timers:

- Watch a restoration with the original synchronised score if you can; the music was made for the release, not added decades later.
- Don't be put off by the first twenty minutes, which are the heaviest.
- Watch Gaynor's hands in the photographer's studio.

## Verdict

A film about forgiveness that manages not to be sentimental about it, made at the exact moment silent cinema reached its summit, with sound already knocking at the door. Ten out of ten, and I do not hand out many.`,
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
  },
  {
    author: "mara_kowalczyk",
    film: "spirited-away",
    title: "Spirited Away is the best animated film ever made, and I will fight you",
    score: 10,
    tags: ["animation", "japanese-cinema", "ghibli"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 280,
    edits: [
      {
        atDaysAgo: 270,
        reason: "Added a section on the train sequence",
        body: `I know. Everyone says it. Let me say it with reasons, because I storyboard for a living, I have watched [*Spirited Away*](https://en.wikipedia.org/wiki/Spirited_Away) more times than is healthy, sometimes a frame at a time, and it keeps getting *better*.

## The setup (spoiler-free)

Ten-year-old Chihiro is sulking in the back of the family car on the way to a new house in a new town. Her father takes a wrong turn, finds a tunnel, and leads the family through it into what looks like an abandoned theme park. Her parents find a food stall with nobody minding it and start eating. By sunset they have turned into pigs, the place is filling up with spirits, and Chihiro has to take a job in a bathhouse for the gods if she wants any hope of getting them back.

That's the premise. The film is two hours long and I would cheerfully sit through four.

## Why Chihiro matters

What people underrate is how *unheroic* she is at the start. She whines. She clings. When she first realises she's in trouble she crouches down and tries to convince herself it's a dream. Miyazaki and his animators give her a specific, awkward body: knock-kneed, hunched, moving as if she expects the floor to be slippery. Over the film that body changes. By the time she's running along a narrow pipe on the outside of the bathhouse, she moves like someone who has made up her mind. Nobody gives her a speech about courage. The animation shows it.

## The bathhouse

This is the best single location in animation, full stop. It's a working building. You see the boiler room with its many-armed operator, Kamaji, and the soot sprites hauling coal; the lifts; the kitchens; the sliding doors to the guest rooms; the tubs filled with herbal water when a token is sent down on a line. Everything is logical in the way dreams are logical. Everyone has a job. Yubaba's rooms at the top are crammed with Western clutter (chandeliers, porcelain, an enormous baby) like a tycoon's apartment, and you grasp the whole power structure just by climbing the stairs.

## The set pieces

- **The stink spirit.** A mud-slicked thing oozes in, everyone panics, and Chihiro is given the job of bathing it. It becomes one of the most satisfying sequences in any film: she finds a thorn in its side, the whole staff hauls on a rope, and out comes a river's worth of human rubbish, bicycle included. Then it shows what it really is, laughs, and flies away. I cry every time and I'm not ashamed.
- **No-Face.** A lonely masked spirit who copies whatever he's around and turns monstrous inside a bathhouse full of greed. He's the best portrait of loneliness I know, in a children's film or anywhere else.
- **Haku.** The boy who helps her, who carries a secret about his own name. >!He's a river spirit, the Kohaku River, which was filled in and built over; Chihiro remembers because she once fell into it when she was tiny.!<

## The train (added)

I somehow forgot to write about the train, which is unforgivable, because it's my favourite five minutes of the film. Chihiro, No-Face and a few small passengers ride a single-carriage train across a shallow sea that has flooded the tracks, past stations where nobody is waiting. The other passengers are dark, semi-transparent figures, like shadows on their way home from work. Nothing happens. Hardly anyone speaks. Evening comes on. For a storyboard artist this sequence is a masterclass in holding: wide shots kept long past comfort, a cut to a lone figure on a platform who is never explained, the light going orange and then blue. It's the quietest stretch in any big-studio film I know, it sits right in the middle of a fantasy adventure, and Miyazaki trusts children to sit with it. They do.

## What Joe Hisaishi does

The main piano theme is simple enough to pick out with one finger and it flattens me. Hisaishi holds it back for long stretches, so the film has room to be quiet, which is rare in animation, where there's enormous pressure to fill every second.

## Verdict

People who think animation is a genre should start here. People who know it's a medium should start here too. Ten, and I will happily fight anyone who disagrees.`,
      },
      {
        atDaysAgo: 100,
        reason: "Rewatched it with my niece: new title, a note at the end, and the rewatch tag",
        title: "Spirited Away is still the best animated film ever made (rewatched, still fighting)",
        tags: ["animation", "japanese-cinema", "ghibli", "rewatch"],
        body: `I know. Everyone says it. Let me say it with reasons, because I storyboard for a living, I have watched [*Spirited Away*](https://en.wikipedia.org/wiki/Spirited_Away) more times than is healthy, sometimes a frame at a time, and it keeps getting *better*.

## The setup (spoiler-free)

Ten-year-old Chihiro is sulking in the back of the family car on the way to a new house in a new town. Her father takes a wrong turn, finds a tunnel, and leads the family through it into what looks like an abandoned theme park. Her parents find a food stall with nobody minding it and start eating. By sunset they have turned into pigs, the place is filling up with spirits, and Chihiro has to take a job in a bathhouse for the gods if she wants any hope of getting them back.

That's the premise. The film is two hours long and I would cheerfully sit through four.

## Why Chihiro matters

What people underrate is how *unheroic* she is at the start. She whines. She clings. When she first realises she's in trouble she crouches down and tries to convince herself it's a dream. Miyazaki and his animators give her a specific, awkward body: knock-kneed, hunched, moving as if she expects the floor to be slippery. Over the film that body changes. By the time she's running along a narrow pipe on the outside of the bathhouse, she moves like someone who has made up her mind. Nobody gives her a speech about courage. The animation shows it.

## The bathhouse

This is the best single location in animation, full stop. It's a working building. You see the boiler room with its many-armed operator, Kamaji, and the soot sprites hauling coal; the lifts; the kitchens; the sliding doors to the guest rooms; the tubs filled with herbal water when a token is sent down on a line. Everything is logical in the way dreams are logical. Everyone has a job. Yubaba's rooms at the top are crammed with Western clutter (chandeliers, porcelain, an enormous baby) like a tycoon's apartment, and you grasp the whole power structure just by climbing the stairs.

## The set pieces

- **The stink spirit.** A mud-slicked thing oozes in, everyone panics, and Chihiro is given the job of bathing it. It becomes one of the most satisfying sequences in any film: she finds a thorn in its side, the whole staff hauls on a rope, and out comes a river's worth of human rubbish, bicycle included. Then it shows what it really is, laughs, and flies away. I cry every time and I'm not ashamed.
- **No-Face.** A lonely masked spirit who copies whatever he's around and turns monstrous inside a bathhouse full of greed. He's the best portrait of loneliness I know, in a children's film or anywhere else.
- **Haku.** The boy who helps her, who carries a secret about his own name. >!He's a river spirit, the Kohaku River, which was filled in and built over; Chihiro remembers because she once fell into it when she was tiny.!<

## The train (added)

I somehow forgot to write about the train, which is unforgivable, because it's my favourite five minutes of the film. Chihiro, No-Face and a few small passengers ride a single-carriage train across a shallow sea that has flooded the tracks, past stations where nobody is waiting. The other passengers are dark, semi-transparent figures, like shadows on their way home from work. Nothing happens. Hardly anyone speaks. Evening comes on. For a storyboard artist this sequence is a masterclass in holding: wide shots kept long past comfort, a cut to a lone figure on a platform who is never explained, the light going orange and then blue. It's the quietest stretch in any big-studio film I know, it sits right in the middle of a fantasy adventure, and Miyazaki trusts children to sit with it. They do.

## What Joe Hisaishi does

The main piano theme is simple enough to pick out with one finger and it flattens me. Hisaishi holds it back for long stretches, so the film has room to be quiet, which is rare in animation, where there's enormous pressure to fill every second.

## Verdict

People who think animation is a genre should start here. People who know it's a medium should start here too. Ten, and I will happily fight anyone who disagrees.

**After a rewatch:** I showed it to my eight-year-old niece last weekend. She hid behind a cushion through No-Face's rampage, demanded we go back and watch the stink spirit again, and then asked, very seriously, whether her parents could ever turn into pigs. I told her only if they ate without asking. She has been watching them closely at dinner ever since.`,
      },
    ],
    body: `I know. Everyone says it. Let me say it with reasons, because I storyboard for a living, I have watched [*Spirited Away*](https://en.wikipedia.org/wiki/Spirited_Away) more times than is healthy, sometimes a frame at a time, and it keeps getting *better*.

## The setup (spoiler-free)

Ten-year-old Chihiro is sulking in the back of the family car on the way to a new house in a new town. Her father takes a wrong turn, finds a tunnel, and leads the family through it into what looks like an abandoned theme park. Her parents find a food stall with nobody minding it and start eating. By sunset they have turned into pigs, the place is filling up with spirits, and Chihiro has to take a job in a bathhouse for the gods if she wants any hope of getting them back.

That's the premise. The film is two hours long and I would cheerfully sit through four.

## Why Chihiro matters

What people underrate is how *unheroic* she is at the start. She whines. She clings. When she first realises she's in trouble she crouches down and tries to convince herself it's a dream. Miyazaki and his animators give her a specific, awkward body: knock-kneed, hunched, moving as if she expects the floor to be slippery. Over the film that body changes. By the time she's running along a narrow pipe on the outside of the bathhouse, she moves like someone who has made up her mind. Nobody gives her a speech about courage. The animation shows it.

## The bathhouse

This is the best single location in animation, full stop. It's a working building. You see the boiler room with its many-armed operator, Kamaji, and the soot sprites hauling coal; the lifts; the kitchens; the sliding doors to the guest rooms; the tubs filled with herbal water when a token is sent down on a line. Everything is logical in the way dreams are logical. Everyone has a job. Yubaba's rooms at the top are crammed with Western clutter (chandeliers, porcelain, an enormous baby) like a tycoon's apartment, and you grasp the whole power structure just by climbing the stairs.

## The set pieces

- **The stink spirit.** A mud-slicked thing oozes in, everyone panics, and Chihiro is given the job of bathing it. It becomes one of the most satisfying sequences in any film: she finds a thorn in its side, the whole staff hauls on a rope, and out comes a river's worth of human rubbish, bicycle included. Then it shows what it really is, laughs, and flies away. I cry every time and I'm not ashamed.
- **No-Face.** A lonely masked spirit who copies whatever he's around and turns monstrous inside a bathhouse full of greed. He's the best portrait of loneliness I know, in a children's film or anywhere else.
- **Haku.** The boy who helps her, who carries a secret about his own name. >!He's a river spirit, the Kohaku River, which was filled in and built over; Chihiro remembers because she once fell into it when she was tiny.!<

## What Joe Hisaishi does

The main piano theme is simple enough to pick out with one finger and it flattens me. Hisaishi holds it back for long stretches, so the film has room to be quiet, which is rare in animation, where there's enormous pressure to fill every second.

## Verdict

People who think animation is a genre should start here. People who know it's a medium should start here too. Ten, and I will happily fight anyone who disagrees.`,
  },
  {
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
  },
  {
    author: "femi_oyelaran",
    film: "man-on-wire",
    title: "Man on Wire is the best heist film that happens to be true",
    score: 9,
    tags: ["documentary", "heist", "1970s"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 240,
    body: `Every heist film has the same bones: a dreamer with an impossible target, a crew gathered one specialist at a time, a plan on paper, a night when everything goes wrong, and the moment when it works anyway. James Marsh's [*Man on Wire*](https://en.wikipedia.org/wiki/Man_on_Wire) has every one of those bones, and the thing the crew steals isn't money. It is three-quarters of an hour in the air between the twin towers of the World Trade Center, on the morning of 7 August 1974.

## The setup

Philippe Petit was a French street performer and high-wire walker who, as a young man, saw a magazine drawing of the towers before they were even built and decided they had been made for him. The documentary traces how he and a small, shifting group of friends spent years getting ready: practising on a wire strung between trees in a French meadow, scouting the buildings in disguise, faking credentials, and smuggling a heavy cable and all its rigging to the roof of an unfinished skyscraper under the noses of the guards.

Marsh tells it in three registers at once. There are present-day interviews with the participants, older now, still visibly moved, some of them still a little angry. There is a wealth of archival material, including home movies of the rehearsals that look, with their sunlight and bare feet, like outtakes from a French new-wave picture. And there are grainy black-and-white reconstructions of the night itself, shot like a caper: hushed, shadowy, cut to a ticking rhythm.

## The crew

The film is at its best when it lets the accomplices talk. Jean-Louis Blondeau, Petit's oldest friend and the planner, is calm and exact and still, decades later, faintly astonished at what he agreed to. Annie Allix, Petit's partner at the time, describes loving someone whose dream has no room in it for anybody else, and she is the film's quiet conscience. Another friend who was up there that night breaks down on camera remembering it. They were young, they loved him, and he used them up. The film knows that and doesn't hide it.

## The night

The reconstruction of the break-in is where Marsh's heist-movie instincts take over. Two teams go into the two towers; one lies hidden under a tarpaulin near the top for hours while a guard wanders close by; a line is sent across the gap with a bow and arrow; the main cable sways dangerously because they can't rig it properly in the dark. Everything that can go wrong does, in the small, plausible ways real plans fail. I was tense, knowing perfectly well how it ends.

Then the walk. There's no film of it, only still photographs, and Marsh's choice here is his finest: he simply shows them, one after another, under Erik Satie's *Gymnopédies*, while people describe what it was like to watch from the pavement. A man lying down on a wire more than four hundred metres up. Police officers on the roof calling for him to come in. He crossed back and forth eight times.

## What the film leaves out

The film never mentions what later happened to the towers, and it never needs to. The absence is there in every wide shot of the skyline, and Marsh trusts his audience to carry it. It's the most tactful decision in the film and one of the most powerful.

The one thing I'd argue with is how completely the film belongs to Petit. He is charismatic and mercurial, performing even in his interviews, and by the end I wanted more time with the people who paid the costs. But perhaps that is the honest shape of it: a heist film in which the crew falls apart after the score.

## Verdict

A documentary built with a thriller's craft, about an act that was illegal, pointless, and one of the most beautiful things anybody did in the twentieth century. Nine.`,
  },
  {
    author: "kenji_nakamura",
    film: "double-indemnity",
    title: "Double Indemnity: straight down the line",
    score: 9,
    tags: ["noir", "rewatch", "1940s"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 185,
    edits: [
      {
        atDaysAgo: 183,
        reason: "Marked as containing spoilers: a reader pointed out the last section gives the ending away",
        title: "Double Indemnity (full spoilers): straight down the line",
        spoilers: true,
        body: `This review discusses the whole film, ending included.

I will make an exception to my usual complaint. [*Double Indemnity*](https://en.wikipedia.org/wiki/Double_Indemnity) runs a hundred and seven minutes, and I would not cut one of them. That alone puts it in rare company.

## The setup

An insurance salesman named Walter Neff stops at a house in Los Feliz to renew a car policy. The husband is out. The wife, Phyllis Dietrichson, appears at the top of the stairs wrapped in a towel, then comes down in an anklet, and within about ten minutes of screen time the two of them are planning to kill the husband for the accident payout, which doubles if he dies on a train. Billy Wilder and Raymond Chandler adapted James M. Cain's novella, and they made one decision that changes everything: we meet Walter at the end, bleeding, talking his confession into a Dictaphone in the empty office at night. We know he is finished before we know what he did.

## Why the confession frame works

Most thrillers sell suspense about *whether*. This one sells dread about *how*. Because Walter has already told us it went wrong, every clever step of the plan plays as a mistake waiting to be found. It also gives Fred MacMurray, whom I knew first as a cheerful television father, a voice to hide behind: the narration is glib and full of insurance jargon and wisecracks, while the face on screen belongs to a man barely holding on.

> Straight down the line.

That is their promise to each other, repeated until it curdles. Neither of them ever means it.

The craft is tight everywhere. John Seitz shoots the Dietrichson living room with dust hanging in the light through the blinds, so the house always looks a little stale. Miklós Rózsa's score comes in hard, almost martial, at the worst moments. And Wilder's best idea may be the scene right after the murder, when the car won't start. There is no music. Phyllis turns the key and the engine coughs and dies. She tries again. Walter reaches across. It lasts perhaps ten seconds, and they are the most suspenseful ten seconds of the decade.

## Keyes

Edward G. Robinson, as the claims manager Barton Keyes, is the film's real heart, a strange thing to say about a man whose job is catching fraud. He has a "little man" in his stomach who tells him when a claim is phony, and he loves Walter the way a difficult uncle loves a nephew, by bullying him. Every scene between them has two layers: the investigation, and a friendship Walter is betraying as it happens. Robinson talks fast, chews his cigar, and at the crucial moment goes completely still.

## The ending (spoilers from here)

Walter and Phyllis end up in her dark living room with a gun between them. She shoots him; she cannot bring herself to shoot again; she tells him she never loved him, not until that very second; he does not believe her, and he kills her. It is one of the coldest scenes in Hollywood noir, and Stanwyck plays it with a flicker of something real that makes it worse rather than better.

Then we return to the office. Walter has been talking into the machine the whole time, and Keyes has been standing in the doorway, listening, for longer than we knew. Walter tries to walk out and collapses by the door. All through the film Walter has been lighting Keyes's cigars, because Keyes never carries a match. Now, with Walter on the floor, it is Keyes who strikes the match for him.

Wilder shot a longer ending in the gas chamber and cut it. He was right. The match says everything the execution would have said, and says it more kindly.

## Verdict

A nine, with a point held back for the one strand I find tiresome (Lola and her boyfriend, necessary and dull). Otherwise this is the template: a confession, a rulebook, a woman cleverer than the man who thinks he is using her, and a friendship that turns out to be the real casualty.`,
      },
    ],
    body: `I will make an exception to my usual complaint. [*Double Indemnity*](https://en.wikipedia.org/wiki/Double_Indemnity) runs a hundred and seven minutes, and I would not cut one of them. That alone puts it in rare company.

## The setup

An insurance salesman named Walter Neff stops at a house in Los Feliz to renew a car policy. The husband is out. The wife, Phyllis Dietrichson, appears at the top of the stairs wrapped in a towel, then comes down in an anklet, and within about ten minutes of screen time the two of them are planning to kill the husband for the accident payout, which doubles if he dies on a train. Billy Wilder and Raymond Chandler adapted James M. Cain's novella, and they made one decision that changes everything: we meet Walter at the end, bleeding, talking his confession into a Dictaphone in the empty office at night. We know he is finished before we know what he did.

## Why the confession frame works

Most thrillers sell suspense about *whether*. This one sells dread about *how*. Because Walter has already told us it went wrong, every clever step of the plan plays as a mistake waiting to be found. It also gives Fred MacMurray, whom I knew first as a cheerful television father, a voice to hide behind: the narration is glib and full of insurance jargon and wisecracks, while the face on screen belongs to a man barely holding on.

> Straight down the line.

That is their promise to each other, repeated until it curdles. Neither of them ever means it.

The craft is tight everywhere. John Seitz shoots the Dietrichson living room with dust hanging in the light through the blinds, so the house always looks a little stale. Miklós Rózsa's score comes in hard, almost martial, at the worst moments. And Wilder's best idea may be the scene right after the murder, when the car won't start. There is no music. Phyllis turns the key and the engine coughs and dies. She tries again. Walter reaches across. It lasts perhaps ten seconds, and they are the most suspenseful ten seconds of the decade.

## Keyes

Edward G. Robinson, as the claims manager Barton Keyes, is the film's real heart, a strange thing to say about a man whose job is catching fraud. He has a "little man" in his stomach who tells him when a claim is phony, and he loves Walter the way a difficult uncle loves a nephew, by bullying him. Every scene between them has two layers: the investigation, and a friendship Walter is betraying as it happens. Robinson talks fast, chews his cigar, and at the crucial moment goes completely still.

## The ending (spoilers from here)

Walter and Phyllis end up in her dark living room with a gun between them. She shoots him; she cannot bring herself to shoot again; she tells him she never loved him, not until that very second; he does not believe her, and he kills her. It is one of the coldest scenes in Hollywood noir, and Stanwyck plays it with a flicker of something real that makes it worse rather than better.

Then we return to the office. Walter has been talking into the machine the whole time, and Keyes has been standing in the doorway, listening, for longer than we knew. Walter tries to walk out and collapses by the door. All through the film Walter has been lighting Keyes's cigars, because Keyes never carries a match. Now, with Walter on the floor, it is Keyes who strikes the match for him.

Wilder shot a longer ending in the gas chamber and cut it. He was right. The match says everything the execution would have said, and says it more kindly.

## Verdict

A nine, with a point held back for the one strand I find tiresome (Lola and her boyfriend, necessary and dull). Otherwise this is the template: a confession, a rulebook, a woman cleverer than the man who thinks he is using her, and a friendship that turns out to be the real casualty.`,
  },
  {
    author: "ingrid_alvarado",
    film: "double-indemnity",
    title: "Double Indemnity on a Tuesday: what Stanwyck does with a pair of sunglasses",
    score: 8,
    tags: ["noir", "repertory", "1940s"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 175,
    body: `We ran [*Double Indemnity*](https://en.wikipedia.org/wiki/Double_Indemnity) to open a noir month, and I am writing this partly to settle an argument from the lobby afterwards about whether Barbara Stanwyck's blonde wig is a mistake. (It is not. It is a costume, and Phyllis is the one wearing it.)

What I want to praise is smaller than the plot, which everyone knows. Watch the scenes at the supermarket. Walter and Phyllis meet among shelves of tinned goods and baby food to plan a murder in low voices, and she wears dark glasses indoors. It is nearly a joke, the most conspicuous disguise in Los Angeles, and Wilder stages it with a perfectly straight face: shoppers drifting past, the two of them pretending to compare brands. It tells you everything about these people. They believe they are sophisticated, and they are hiding in the canned-beans aisle.

Stanwyck is usually described as icy here, and she is, but I find her more interesting when she is bored. Phyllis has been waiting in a big Spanish-style house for something, anything, to happen, and there are moments (fanning herself, lighting a cigarette, listening to Walter explain his clever scheme) when you can watch her work out how much of him she is going to need.

Some reservations. The film's view of women is exactly as generous as its era allowed, which is to say not very: Phyllis is a monster and her stepdaughter Lola is a child. And MacMurray, good as he is, never quite persuaded our room that Phyllis would bother with him at all.

But the lighting, the voiceover, the rhythm of the dialogue: this film invented a language that a hundred later pictures borrowed, and it remains the clearest version of it.

Eight. Kenji gave it nine, and I will let him have the last word, since he insists on having it anyway.`,
  },
  {
    author: "femi_oyelaran",
    film: "tokyo-story",
    title: "Tokyo Story and the quiet cruelty of ordinary busyness",
    score: 9,
    tags: ["japanese-cinema", "slow-cinema", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 170,
    body: `I came to Ozu late and sideways, through the slow-cinema directors who name him as an influence, people who hold a shot until you can hear the room breathing. So I expected stillness. What I did not expect was how *funny* [*Tokyo Story*](https://en.wikipedia.org/wiki/Tokyo_Story) is for its first hour, and how much that comedy prepares the grief.

The grandsons sulk because they've been turfed out of their room for the visitors. The daughter, Shige, frets about what the cakes cost. The resort at Atami, where the children pack their parents off, is full of young guests playing mahjong and singing until the small hours, while the old couple lie awake on their futons, sleepless and polite. It's a comic set piece, and then, the next morning, sitting on the sea wall, they decide to go home early, and you realise the joke was on them all along.

As a documentary person, I'm always watching for what a film allows to happen in the frame rather than what it makes happen. Ozu controlled everything, famously so, and yet the result feels observed rather than staged. People carry on with their lives at the edges of shots. A neighbour leans in at a window. A train goes by and nobody remarks on it.

What I keep returning to is Noriko's flat. It is tiny and spotless, and a photograph of her dead husband sits on a shelf where her in-laws look at it for a while without saying much. She is the only one of the family with no money, and the only one with time. I don't think Ozu is sentimental about this, and he doesn't make the busy children villains. He just puts the hours on screen and lets us count who gives how many.

A note for anyone who finds it slow: it isn't. It is paced like a long visit from relatives, which means it feels *exactly* as long as it needs to.

Nine.`,
  },
  {
    author: "ingrid_alvarado",
    film: "tokyo-story",
    title: "Tokyo Story (full spoilers): the watch, the fan and the empty room",
    score: 10,
    tags: ["japanese-cinema", "slow-cinema", "rewatch", "criterion"],
    spoilers: true,
    status: "published",
    publishedDaysAgo: 150,
    body: `This review talks about the whole film, ending included. If you haven't seen [*Tokyo Story*](https://en.wikipedia.org/wiki/Tokyo_Story), please go and see it first; it is not a film with a twist, but its last twenty minutes deserve to arrive unannounced.

## What happens

An elderly couple, Shūkichi and Tomi, travel from the port town of Onomichi to Tokyo to visit their grown children. The eldest son is a doctor in an unglamorous suburb; the elder daughter runs a beauty salon. Both are busy, and both are kind in the way busy people are kind, which is to say in the hours left over. The children club together to send their parents to a hot-spring resort at Atami, partly as a treat and partly to have them out from underfoot. The only person who gives the old couple a whole day of attention is Noriko, the widow of their middle son, who was killed in the war eight years earlier.

On the way home, Tomi is taken ill. Soon after they reach Onomichi, she dies. The children come, mourn, and leave again quickly. Noriko stays a little longer.

That is all. It is enough.

## How Ozu builds it

Everyone mentions the camera height, a little below the eye line of someone kneeling, and it is worth mentioning because it does something specific: it puts us on the tatami with the family, at the level of people who are staying rather than passing through. The camera hardly ever moves. Scenes are joined by still shots of chimneys, washing, a lighthouse, a boat crossing the harbour (critics call them pillow shots), and they work the way a pause works in conversation. You are given time to feel what just happened.

Ozu also breaks a rule that film schools still teach. When two people talk, he often cuts between them so that each looks almost straight into the lens, and the eye lines don't match the way they are supposed to. The effect is that each speaker seems to be addressing you. When Noriko talks about her husband, you are the one she is confiding in.

## The performances

Chishū Ryū was in his late forties, playing a man past seventy, and I never once thought about it. His Shūkichi meets nearly everything with the same mild little murmur of agreement, a reply that covers delight, disappointment and grief without changing tone. Chieko Higashiyama as Tomi has a laugh that slides into a sigh. Haruko Sugimura as the salon-owning daughter, Shige, is the most unfairly judged character in the film; she is brisk and a bit mean, and she is also worn out, and Ozu lets you see both.

And Setsuko Hara. Her Noriko smiles almost constantly, and the smile is a discipline, something she holds up between herself and eight years of loneliness. In the scene in her tiny flat, when she borrows sake from a neighbour to serve her father-in-law, you watch her perform contentment so well that you believe it, until later you don't.

## What the ending does

After the funeral, the youngest daughter, Kyōko, a schoolteacher still living at home, is furious with her brother and sister for leaving so fast. Noriko gently defends them: this is what happens as children grow up, she says; they make their own lives. Kyōko asks her a question I have never forgotten:

> Isn't life disappointing?

Noriko, still smiling, says that it is.

Then Shūkichi gives Noriko his late wife's watch and tells her she has been kinder to them than their own children. At last she breaks. She says she is not as good as they think, that some days she doesn't think of her husband at all, that she is lonely and afraid. It is the only time in the film the smile comes off, and it is devastating precisely because we have spent two hours watching her hold it in place.

The final scenes: Noriko on the train back to Tokyo, turning the watch over in her hands. Kyōko in her classroom, glancing at her own watch as the train passes below. And Shūkichi at home, alone, fanning himself, telling a neighbour that the days will feel long now. A boat moves across the water. Nothing else happens. It is the saddest ending I know, and it contains no event at all.

## Verdict

I have shown this film to full houses and to audiences of six. Both times the room was completely silent at the end, in the particular way a room goes silent when nobody wants to be the first to stand up. Ten, of course. If you have parents, ring them.`,
  },
  {
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
  },
  {
    author: "lucia_del_prado",
    film: "anatomy-of-a-fall",
    title: "Anatomy of a Fall: the Palme d'Or that never tells you who did it",
    score: 9,
    tags: ["palme-dor", "courtroom", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 118,
    edits: [
      {
        atDaysAgo: 116,
        reason: "Changed the title: the old one said too much about the ending",
        title: "Anatomy of a Fall: a marriage under cross-examination",
      },
      {
        atDaysAgo: 110,
        reason: "Swapped the courtroom tag for festival, to match the tags other people use",
        tags: ["palme-dor", "festival", "first-watch"],
      },
    ],
    body: `A confession first: my Palme d'Or project is supposed to go in order, and I'm nowhere near 2023. But a friend had tickets for a screening of recent winners, and I decided one exception would do me good, a look at where the list ends up before I go back to the early sixties.

## The setup (spoiler-free)

[*Anatomy of a Fall*](https://en.wikipedia.org/wiki/Anatomy_of_a_Fall) opens in a chalet in the snowy mountains near Grenoble. Sandra, a German novelist, is trying to give an interview to a student while her husband, Samuel, somewhere upstairs, plays a steel-band instrumental of a hip-hop song at deafening volume, on repeat, apparently to sabotage the conversation. The student gives up and leaves. Their son Daniel, who is eleven and has very limited sight, goes out for a walk with his dog, Snoop. When he comes back, his father is lying dead in the snow beneath the house, having fallen from an upper floor.

Accident, suicide or murder? Within a year Sandra is on trial, and the film spends most of its running time in court, as prosecution and defence build two entirely different stories out of the same handful of facts.

## What Triet does with the courtroom

French trial procedure is looser than what I know from American films: the presiding judge questions witnesses, experts argue with each other directly, the accused can stand up and interrupt. Justine Triet uses all of it. The trial isn't a machine for reaching the truth; it's an arena where people compete to tell the most persuasive story about a marriage, and the winning story needn't be the true one.

The film turns this into form. The camera often sits among the spectators, panning between speakers a beat too late, as if it, too, is trying to decide whom to watch. Sandra testifies in French she isn't fully at home in, and at key moments she switches to English, which changes how the court hears her, and how we do.

## Sandra Hüller

Hüller is astonishing. Sandra is clever, guarded, sometimes cold, frank about her own infidelity and her ambition, and flatly unwilling to play the grieving widow. The court keeps asking her to be sympathetic and she keeps declining. The whole performance is built to stop you deciding. When she cries you wonder whether it's real; when she doesn't, you wonder what that means.

## The recording

The centrepiece is an argument between Sandra and Samuel, recorded on his phone the day before he died and played in court. Triet begins it as a flashback, the two of them in the kitchen, and then, at the worst moment, cuts back to the courtroom, where we can only *hear* it. It's a brutal choice and a brilliant one: we're made to imagine the violence, exactly as the jury must.

## Daniel

The real subject, I think, is the boy. Daniel is the one person whose testimony might decide the case, and the film shows him working out, in real time, that he must choose what he believes about his parents. Milo Machado-Graner is remarkable, above all in a late scene where he tests a memory using the dog, which is very hard to watch (the dog is fine; the dog is also the best performer in the film, and collected a prize of his own at Cannes).

## Verdict, so to speak

How it ends, for those who've seen it: >!Sandra is acquitted, and the film closes with her at home, lying down beside Snoop, no closer to telling us what happened.!< Some people find that frustrating. I think it's the point: a trial delivers a result, not an answer, and Triet's last images are about what it costs to live with the difference.

Nine. It's long, and an expert witness or two could go, but I understand why it won. Back to the early sixties I go.`,
  },
  {
    author: "kenji_nakamura",
    film: "tokyo-story",
    title: "I came to time Tokyo Story and lost track of time",
    score: null,
    tags: ["japanese-cinema", "slow-cinema"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 95,
    body: `My usual practice: note the running time, note where my attention wanders, propose the cut. *Tokyo Story* runs about two hours and sixteen minutes. I brought a notebook.

I wrote down exactly one possible trim, somewhere in the Tokyo section (the drinking scene with Shūkichi and his old friends) and then, ten minutes before the end, I understood why that scene is there and crossed it out. It's the only time we see the old man unguarded, grumbling about his children to men who are grumbling about theirs. Without it, his calm at the end would look like indifference.

So: no cuts. I don't know what to do with that.

I'm also not giving it a score. Every number I tried felt like grading a person rather than a film. Ingrid says that's sentimental. She's probably right, and she gave it a ten, which is also sentimental, so we're even.`,
  },
  {
    author: "lucia_del_prado",
    film: "the-conversation",
    title: "Palme d'Or notebook, 1974: The Conversation",
    score: 8,
    tags: ["palme-dor", "1970s", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 60,
    body: `Part of my project: every Palme d'Or winner, in order. I've reached the mid-seventies, and after the Italian political films that shared the prize in 1972 and the split decision of 1973, [*The Conversation*](https://en.wikipedia.org/wiki/The_Conversation) feels almost like chamber music. One man, one tape, a handful of rooms.

Some context I found useful. The film was shot in the winter of 1972 to 1973 and released in the spring of 1974, months before Nixon resigned, and everyone at the time read it as a Watergate film. Coppola has always said he conceived it years earlier. Both things can be true: it's about the *feeling* of being recorded, which was in the air well before anyone learned what the White House had been taping.

What stands out, set against the rest of the list, is how American and how European it manages to be at once. Coppola openly took the premise from Antonioni's *Blow-Up* (a Palme winner itself, in 1967), swapping the photographer for a sound man, and the film has that European patience: long scenes without much plot, ambiguity left standing, a protagonist who is more of a question than a person. But the setting, with its corporate towers and a surveillance trade fair full of salesmen demonstrating bugs, is entirely American.

The trade fair is my favourite sequence. It's the nearest the film comes to comedy (men in cheap suits boasting about their microphones) and it leads into the party back at Harry's workshop, where a rival plays a prank on him that humiliates him in a way that tells you everything about how alone he is.

My reservations: the women are thinly written. Teri Garr's character exists to be kept at arm's length, and the woman Harry spends the night with after the party is little more than a plot device. And I found the last twenty minutes, in the hotel, more stylised than the rest: effective, but you can feel the director reaching for a big finish.

Eight. Tobias's long review of it here is excellent and far more technical than mine; read his for the sound.`,
  },
  {
    author: "tobias_renner",
    film: "rififi",
    title: "Rififi's heist is the loudest silence in cinema",
    score: 8,
    tags: ["heist", "sound-design", "noir"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 27,
    body: `Femi and I have been arguing for weeks about the best heist sequence on film, and I've decided to put my case in writing before he does.

My case is [*Rififi*](https://en.wikipedia.org/wiki/Rififi), and specifically the half-hour in the middle where four men break into a jeweller's through the ceiling without a word, and Georges Auric's score falls completely silent. The story goes that Auric wrote music for it and then agreed, once he'd seen the scene played bare, that it should stay that way. Good for him.

What strikes a sound person about the sequence is that it isn't actually silent. It's *quiet*, which is much harder. Every sound in it has been chosen. You hear:

- a chisel on plaster, soft, then softer as they learn how much pressure is safe
- the men's breathing, heavier as the night goes on
- an umbrella opening under the hole to catch the debris
- the whine of the drill on the safe, the loudest thing in the scene, arriving like an alarm of its own

With no music to steer you, you start listening the way the burglars do: every small noise could be the one that wakes the neighbours. The audience becomes part of the crew. I've never felt a film recruit me so directly.

To my ear the rest of the film is good rather than great. The nightclub song is charming and too long. The gangland plot afterwards is blunt, though the final drive has real weight, and Jean Servais's face (sagging, sick, proud) is a landscape all by itself.

Eight. The heist alone is a ten. Femi, the floor is yours.`,
  },
  {
    author: "femi_oyelaran",
    film: "rififi",
    title: "Rififi (full spoilers): half an hour of silence and a long drive home",
    score: 9,
    tags: ["heist", "noir", "criterion"],
    spoilers: true,
    status: "published",
    publishedDaysAgo: 23,
    body: `Spoilers throughout, ending included. [*Rififi*](https://en.wikipedia.org/wiki/Rififi) is seventy years old, but it deserves to be met fresh if you can manage it.

## Why I keep coming back to heist films

Most of my viewing life is spent with documentaries and with slow, patient films that watch people work. Heist films, at their best, are the fiction version of that: they're about labour. People planning, measuring, lifting, drilling, trying not to cough. And *Rififi*, the French crime film Jules Dassin made in 1955 after the Hollywood blacklist had driven him out of America, contains the finest depiction of criminal labour ever filmed.

## The setup

Tony le Stéphanois comes out of five years in prison older, sicker and harder than the man who went in. His old friend Jo and the easygoing Mario bring him a small idea, a smash-and-grab on a jeweller's window in Paris. Tony turns it down, then counters with a bigger one: the safe. They recruit a safecracker from Milan, César, played by Dassin himself under a pseudonym. They study the shop's alarm and the flat above it, buy an identical alarm to practise on, and plan to come in through the ceiling.

## The heist

The break-in lasts about half an hour and contains no dialogue and no music. I say that plainly because it still sounds impossible. Four men work through the night in near silence, knowing the smallest noise could wake the building. They chip through the floor of the flat upstairs, a fraction at a time. To catch the falling plaster they lower an umbrella through the hole and open it, the funniest and most ingenious image in the genre. They smother the alarm with foam from a fire extinguisher. César goes at the safe with a drill while the others sweat.

Dassin films it the way a documentary maker would film craftsmen: close on hands and tools, patient, procedural. You learn how the job is done. Every small sound becomes enormous: a chisel slipping, a held breath, a tool set down too quickly. I've seen audiences hold their breath through the whole sequence and then laugh out loud when it breaks.

## Where it goes wrong

The heist works. Everything after it doesn't. César, the ladies' man, gives one of the stolen rings to a nightclub singer, and the ring leads a rival gangster, Grutter, and his brothers straight to the crew. Mario and his wife are murdered. César is caught and talks. Grutter kidnaps Jo's small son to force a trade for the jewels.

This is where the film turns from caper to noir, and where it goes from clever to great. Tony finds César and, because of the crew's code, kills him, with real regret. Jo, desperate, goes to make the exchange alone and is shot dead. Tony, badly wounded in the final shoot-out at the gang's house outside the city, rescues the boy and drives him back to Paris in an open car, bleeding and swerving, while the child laughs in the back seat and waves a toy pistol, thinking it's all a game.

He reaches the house, and dies at the wheel. The police arrive. Someone lifts the boy out of the car.

## The verdict

That drive is the film's real statement. The heist was perfect, and perfection bought nothing: every man who touched the jewels is dead by the end. Dassin made a film about competence and then showed, without a sermon, that competence is not the same thing as safety. I think of that drive every time a modern heist picture ends with a champagne toast.

Nine. The gangster plot is routine in places, and the singer's number (the song that gave the film its title) stops things dead. But the heist is a lesson in cinema, and the drive home is a lesson in grief.`,
  },
  {
    author: "mara_kowalczyk",
    film: "double-indemnity",
    title: "A storyboard artist watches Double Indemnity",
    score: 7,
    tags: ["noir", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 21,
    body: `I came to this because Kenji keeps saying animation people don't watch enough noir, and because he is, annoyingly, right.

My job is mostly deciding where the camera sits and what the audience looks at first, so I watched [*Double Indemnity*](https://en.wikipedia.org/wiki/Double_Indemnity) with a sketchpad on my knee, thumbnailing shots. A few notes from that extremely nerdy exercise:

- **Wilder almost never wastes an opening frame.** Scene after scene begins on the single most important thing in it (a hand on a doorknob, the anklet on the stairs, the Dictaphone) and only then lets the context in around it. That's a storyboarding lesson I'm stealing on Monday.
- **The blinds are a cliché because this film got them right.** Slatted shadows fall across faces at exactly the moments people are lying. Tell me that's an accident.
- **Depth.** Keyes's office is staged in layers: people in the foreground, a door behind them, somebody coming through it. Animation tends to flatten this unless you fight for it, and I'm going to fight harder.

Where I got frustrated: it's a talky film. The plot is explained, then explained again in voiceover, and then Keyes explains it a third time to the company president. I understand that's part of the charm for a lot of people, and the dialogue is funny, but as a visual person I wanted more scenes like the car that won't start, where the image carries the whole load by itself.

And honestly, I never once believed Walter and Phyllis wanted each other. I believed they wanted the money, and each other's help getting it. Maybe that's the point. Maybe that's why it's so cold.

Seven. I'll be fierce about plenty of things on this forum, but not about a film this well made that I simply didn't love.`,
  },
  {
    author: "samir_haddad",
    film: "solaris",
    title: "Solaris (full spoilers): a space station furnished like a dacha",
    score: 9,
    tags: ["sci-fi", "slow-cinema", "production-design", "cold-war"],
    spoilers: true,
    status: "published",
    publishedDaysAgo: 19,
    body: `This review discusses the ending of Tarkovsky's [*Solaris*](https://en.wikipedia.org/wiki/Solaris_(1972_film)) in detail. If you haven't seen it, the short version is: see it, give the first forty minutes on Earth the benefit of the doubt, and come back.

## The premise

Kris Kelvin, a psychologist, is sent to a research station orbiting the ocean planet Solaris to decide whether decades of study there should be shut down. The station has gone strange. One scientist is dead. The two survivors, Snaut and Sartorius, are evasive and frightened. And there are other people aboard who shouldn't be, glimpsed in corridors, locked behind doors. On his first night Kelvin wakes to find his wife, Hari, sitting in his cabin. Hari took her own life on Earth ten years before.

The ocean, it turns out, reads the sleeping minds of the crew and sends them copies of the people they can't stop thinking about. Not to torment them, probably. It isn't clear that it knows what torment is. Snaut has a line about this that I think of often, that humans don't really want to find other worlds at all:

> We want mirrors.

## The station

I came to *Solaris* for the production design and I have kept coming back for it for years. The station is the anti-*2001*. Where Kubrick's interiors are white, clean and sealed, Tarkovsky's are worn and cluttered, full of cables and debris, with curved corridors whose padded walls look like quilted upholstery. Strips of paper flutter from the air vents; someone has rigged them so that at night the sound might pass for leaves. It's the most human detail I know in any spaceship: scientists so homesick they taught the ventilation to rustle.

And then the library, which I think is the heart of the film. It's furnished like a nineteenth-century drawing room: books, busts, candelabra, a chandelier, Bruegel's *Hunters in the Snow* on the wall. The station has been turned into a memory of Earth by people who can't go back. When the gravity fails for a few moments, Kelvin and Hari float up among the books and the candles, slowly turning, with Bach playing, and it's the most tender scene Tarkovsky ever shot.

## Hari

Natalya Bondarchuk plays the copy of Hari as someone being born in real time. At first she is almost a doll, with no memories beyond what Kelvin's mind supplied. Then she starts to find out what she is. She tears through a metal door because she can't bear to be apart from him; she drinks liquid oxygen in despair, and we watch her body force its way back to life, convulsing, in a sequence that is genuinely hard to sit through. By the end she is more human than anyone else aboard, and she chooses to be destroyed so that Kelvin can be free of her.

Donatas Banionis is stiff as Kelvin, and I used to count that as a weakness. Now I think it's the point. He is a man who failed to love his wife properly the first time and is handed a second chance by something that doesn't understand what love is. He still isn't very good at it.

## What the ending does

After Hari is gone, Kelvin seems to recover. He talks about going home. Then we are back at his father's house, the dacha from the opening, with its pond and its long trailing waterweed. Kelvin comes up to the window and sees his father inside, and something is wrong: it's raining *inside* the house, water pouring onto the old man's shoulders and onto the books. Kelvin kneels before his father on the doorstep, in a pose taken from Rembrandt's *Return of the Prodigal Son*.

And the camera rises, higher and higher, up through the clouds, until we see that the house and its little garden sit on an island in the middle of the Solaris ocean.

He never went home. Or he went to the only home the ocean could build him, out of his memory. I think it's the loneliest ending in science fiction, and also a kind of peace. He has chosen a copy of the past over a real and empty future. Tarkovsky doesn't judge him for it. When I watch it, neither do I.

## A note on length

Yes, the drive along the Tokyo expressways early on goes on for about five minutes with no story in it. I've heard every complaint. It's a man travelling away from Earth without leaving it, and the way the traffic noise slowly turns into Eduard Artemyev's electronic drone is the film's first trick on you.

## Verdict

Nine. Not ten, because the Earth prologue really is a hard forty minutes to sell to a friend. But there's no other film like it, and I've spent most of my adult life looking.`,
  },
  {
    author: "kenji_nakamura",
    film: "the-third-man",
    title: "The Third Man (full spoilers): the long walk down the avenue",
    score: 9,
    tags: ["noir", "cold-war", "rewatch"],
    spoilers: true,
    status: "published",
    publishedDaysAgo: 15,
    body: `Spoilers, including the last shot, which is the reason I'm writing at all.

[*The Third Man*](https://en.wikipedia.org/wiki/The_Third_Man) runs a hundred and four minutes and I have never found the slack in it. Carol Reed and Graham Greene tell a story with more turns than most noirs twice its length, and the film still feels relaxed: there's time for a cat, a balloon seller, a nervous porter, a lecture to a literary society that goes comically wrong.

The plot, briefly. Holly Martins, an American who writes cheap westerns, arrives in bombed-out, four-power Vienna to work for his old friend Harry Lime and learns that Harry has been killed in a street accident. The witnesses don't agree. There was a third man at the scene. The British major in charge of the case tells Holly, more or less:

> Leave death to the professionals.

Holly, naturally, does not. Then, about an hour in, a cat in a doorway rubs against a pair of shoes, a light goes on in a window opposite, and there is Orson Welles's face, smiling. Harry is alive, and he has been selling diluted penicillin that killed and maimed children.

Everyone talks about the Ferris wheel and the cuckoo-clock speech, which Welles is said to have written himself. Fine. They're great. The sewer chase is great too: Robert Krasker's lighting turns the tunnels into a cathedral of wet stone, voices echoing, Harry's fingers reaching up through the grating.

But the scene that makes it a masterpiece is the last one. After Harry's second and real funeral, Holly waits by the cemetery road for Anna, the woman who loved Harry and whom Holly now loves. She walks toward him down a long avenue of bare trees, from deep in the frame, for what feels like a full minute. The zither plays. Leaves fall. We wait for her to stop. She walks straight past him without turning her head and out of the frame. Holly lights a cigarette. End.

It's the bleakest romantic ending of its era, and the least sentimental. Greene had imagined something gentler; Reed talked him out of it. Good.

Nine. I'm docking a point for the zither, which I love, and which never, ever stops.`,
  },
  {
    author: "tobias_renner",
    film: "solaris",
    title: "Solaris is a film you hear before you understand it",
    score: 7,
    tags: ["sci-fi", "sound-design", "cold-war"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 12,
    edits: [
      {
        atDaysAgo: 9,
        reason: "Rethought my score after seeing it on 35mm",
        score: 8,
        tags: ["sci-fi", "sound-design", "cold-war", "35mm"],
        body: `Samir's review a week ago sent me back to [*Solaris*](https://en.wikipedia.org/wiki/Solaris_(1972_film)), which I last saw at university and remembered mainly as an endurance test. It isn't one. It's a sound film first and foremost, and I was too young to hear it.

Three things, from the mixing-desk end:

**Eduard Artemyev's score is barely music.** Much of it is synthesiser and layered electronic texture, and for long stretches it behaves like ambience rather than score: a hum, a pressure, a distant tone. On the station you can't always tell whether you're hearing the air handling or the soundtrack, and I'm convinced that confusion is intended. The planet is always in the room.

**Bach is used like a memory.** The chorale prelude heard over the opening comes back at precise moments, and each time it seems further away, as if the station's speakers were losing the signal from home. By the final sequence it has been folded into Artemyev's electronics and the two are hard to pull apart. That's the whole film in one mix decision: home, and the copy of home, blurred together.

**The expressway.** The famous five-minute drive through Tokyo is a sound-design showpiece. It starts as a realistic traffic mix, engines and tyres, and little by little the noise is processed and layered and pushed into a roar that doesn't belong to any car. It's the sound of a man's head filling up. It is also long, and I won't pretend otherwise.

Where I'm less convinced: the Earth prologue. The long conversations at the dacha are recorded dry and close, which is right, but the scenes themselves drag, and the old pilot's testimony plays more like homework than mystery.

I first gave this a high seven.

**Later:** a cinema near me ran a 35mm print at the weekend and I went, mostly to find out whether I'd been unfair. In a proper room, through proper speakers, the low end of Artemyev's drones is physical: you feel the station before you see it. The prologue still drags. But I'm raising my score, and I'm withdrawing "endurance test" for good.

Eight.`,
      },
    ],
    body: `Samir's review a week ago sent me back to [*Solaris*](https://en.wikipedia.org/wiki/Solaris_(1972_film)), which I last saw at university and remembered mainly as an endurance test. It isn't one. It's a sound film first and foremost, and I was too young to hear it.

Three things, from the mixing-desk end:

**Eduard Artemyev's score is barely music.** Much of it is synthesiser and layered electronic texture, and for long stretches it behaves like ambience rather than score: a hum, a pressure, a distant tone. On the station you can't always tell whether you're hearing the air handling or the soundtrack, and I'm convinced that confusion is intended. The planet is always in the room.

**Bach is used like a memory.** The chorale prelude heard over the opening comes back at precise moments, and each time it seems further away, as if the station's speakers were losing the signal from home. By the final sequence it has been folded into Artemyev's electronics and the two are hard to pull apart. That's the whole film in one mix decision: home, and the copy of home, blurred together.

**The expressway.** The famous five-minute drive through Tokyo is a sound-design showpiece. It starts as a realistic traffic mix, engines and tyres, and little by little the noise is processed and layered and pushed into a roar that doesn't belong to any car. It's the sound of a man's head filling up. It is also long, and I won't pretend otherwise.

Where I'm less convinced: the Earth prologue. The long conversations at the dacha are recorded dry and close, which is right, but the scenes themselves drag, and the old pilot's testimony plays more like homework than mystery.

Seven. A high seven.`,
  },
  {
    author: "kenji_nakamura",
    film: "spirited-away",
    title: "Spirited Away: gorgeous, and twenty minutes too long",
    score: 4,
    tags: ["animation", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 11,
    body: `I can feel Mara's reply forming already, so let me be precise.

The first hour of *Spirited Away* is wonderful. The empty theme park at dusk, the parents at the food stall, the lanterns coming on, Chihiro's first night in the bathhouse: the world-building is brisk, frightening and clear.

Then the film starts to wander. No-Face's rampage carries on well past the point of being scary. The train ride is pretty and does nothing. Zeniba's cottage is one more visit to one more witch, introduced late and settled fast. By the time Chihiro faced her last test I was watching the clock rather than the screen.

I know this is a minority view. I know animation is not a genre. I also know a film can be beautiful in every frame and still not know when to stop. Four, which is a three for the structure plus a point for the stink spirit, which I will concede is a perfect scene.`,
  },
  {
    author: "samir_haddad",
    film: "spirited-away",
    title: "The bathhouse as a machine: production design in Spirited Away",
    score: 8,
    tags: ["animation", "japanese-cinema", "production-design"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 9,
    body: `I mostly review science fiction here, so this is a small trespass onto Mara's territory. My excuse is that the bathhouse in [*Spirited Away*](https://en.wikipedia.org/wiki/Spirited_Away) is one of the great designed worlds in any genre, and worlds are what I watch for.

What makes it work is that it's built like a piece of industrial plant. The building is tall, narrow and red, and it runs top to bottom the way a factory does: management at the summit (Yubaba, in her cluttered Western penthouse), guests and staff on the middle floors, and at the very bottom the engine, Kamaji's boiler room, with coal fed by soot sprites and herbal water sent up through pipes. You can trace where the heat comes from. You can trace where the money goes. The architecture *is* the class system, and it's drawn without a line of exposition.

The other thing I noticed this time is how much of the film happens in transitional spaces. Bridges, corridors, stairwells, lifts, a rickety outside staircase that Chihiro goes down one terrified step at a time, and the famous train across the flooded plain. Miyazaki lingers in the spaces between rooms. For someone like me, drawn to lonely figures inside big machines, that's where the film lives: a child alone on a staircase, with a whole busy building around her that doesn't notice she's there.

Where I part company with Mara a little: the last act, after the train, is looser than the first two, and the resolution of Yubaba's final test felt quick after so much patient build-up. I wanted another ten minutes in that world, which is precisely the opposite of what Kenji argued here a couple of days ago.

Still, you could pause the film on almost any frame and study it for an hour. Eight.`,
  },
  {
    author: "lucia_del_prado",
    film: "rififi",
    title: "Palme d'Or notebook, side trip: Rififi (Best Director, 1955)",
    score: null,
    tags: ["heist", "noir"],
    spoilers: false,
    status: "draft",
    publishedDaysAgo: 8,
    body: `A detour. The first Palme d'Or, in 1955, went to *Marty*, which I wrote up in my notebook long ago and found sweet and slight. The same festival gave Best Director to Jules Dassin for *Rififi*, and having now seen both I'm tempted to say the jury got the right film into the wrong category.

## Dassin in exile

Some context first. Dassin had made tough, socially minded crime films in America (*Brute Force*, *The Naked City*) and *Night and the City* in London, before the blacklist left him unable to work in Hollywood. *Rififi* was his first film in France, made on very little money, from a pulp novel he reportedly disliked. What's striking is how much of the

Notes:

- the heist (obviously), but Tobias and Femi have covered it, so focus elsewhere?
- Paris locations: wet streets, the métro, the nightclub
- César's death: the gang's code vs. the blacklist's (informing!), careful not to overreach
- compare with *Marty*: two films about working men, same year, opposite moods`,
  },
  {
    author: "kenji_nakamura",
    film: "solaris",
    title: "Solaris: I tried. I timed it. I'm sorry.",
    score: 3,
    tags: ["sci-fi", "slow-cinema", "first-watch"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 7,
    body: `Samir and Tobias have both been singing this one's praises, so I gave it a fair chance: a clean restoration, a good chair, phone in another room.

It is two hours and forty-seven minutes long. By my estimate, ninety of those minutes are people in corridors not saying what they mean.

Some things I liked. The library scene is beautiful, the two of them drifting weightless among the candles. Natalya Bondarchuk is extraordinary, and her scene with the liquid oxygen is the only moment that made me sit forward. The final shot is a genuine surprise, and I won't spoil it.

But the drive through the city went on so long that I made tea, came back, and nobody had arrived anywhere. The Earth section could lose half its length. I know, I know: slow cinema, the texture of time, and so on. Texture is not an alibi.

Three. I'm told this makes me a philistine. I'll be over by the noir shelf.`,
  },
  {
    author: "ingrid_alvarado",
    film: "man-on-wire",
    title: "Man on Wire, and the problem of loving the charming man",
    score: 6,
    tags: ["documentary", "1970s", "repertory"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 6,
    edits: [
      {
        atDaysAgo: 3,
        reason: "Rethought my score after a second viewing",
        score: 7,
        tags: ["documentary", "1970s", "repertory", "rewatch"],
        body: `Femi wrote about this months ago and made the case that it's really a heist film. I agree, and I think that is both its great strength and the thing that leaves me a little uneasy.

The strength first. [*Man on Wire*](https://en.wikipedia.org/wiki/Man_on_Wire) is immaculately assembled. The archival rehearsal footage from the French countryside is so lovely (sunlight, laughter, a wire between two trees) that it already feels like a memory by the time the film shows it to you. The black-and-white reconstructions give the night itself a pulse. And the photographs of the walk, set to Satie, are simply some of the most beautiful images in any documentary I have ever programmed.

The unease. The film is made in the key of Philippe Petit, and Petit is a performer who never stops performing, even in a talking-head interview more than thirty years later. He acts scenes out, pulls faces, narrates himself. It's charming. It's meant to be. And the effect is that the costs of his dream, to Annie, to Jean-Louis, to the friends whose lives bent around his, are acknowledged in a sentence or two and then swept back into the fairy tale. When one of the accomplices says, in effect, that their friendship did not survive the day, the film lets the remark land and then moves on to the celebrations.

I don't want a different, sourer film. I want this one to notice its own spell a little more.

I gave it a six at first, and said I suspected I'd go back.

I went back. The second time through, knowing where it was heading, I noticed how much more the editing gives the accomplices than I had remembered: how often Marsh cuts away from Petit to his friends at exactly the moments Petit is most pleased with himself, and how long he stays on their faces. Marsh isn't under the spell; he is showing us that everybody was. That's a harder and better film than the one I described a few days ago.

Seven. Femi, you may say it.`,
      },
    ],
    body: `Femi wrote about this months ago and made the case that it's really a heist film. I agree, and I think that is both its great strength and the thing that leaves me a little uneasy.

The strength first. [*Man on Wire*](https://en.wikipedia.org/wiki/Man_on_Wire) is immaculately assembled. The archival rehearsal footage from the French countryside is so lovely (sunlight, laughter, a wire between two trees) that it already feels like a memory by the time the film shows it to you. The black-and-white reconstructions give the night itself a pulse. And the photographs of the walk, set to Satie, are simply some of the most beautiful images in any documentary I have ever programmed.

The unease. The film is made in the key of Philippe Petit, and Petit is a performer who never stops performing, even in a talking-head interview more than thirty years later. He acts scenes out, pulls faces, narrates himself. It's charming. It's meant to be. And the effect is that the costs of his dream, to Annie, to Jean-Louis, to the friends whose lives bent around his, are acknowledged in a sentence or two and then swept back into the fairy tale. When one of the accomplices says, in effect, that their friendship did not survive the day, the film lets the remark land and then moves on to the celebrations.

I don't want a different, sourer film. I want this one to notice its own spell a little more.

Six, for now. I suspect I'll be told I'm wrong, and I suspect I'll go back.`,
  },
  {
    author: "ingrid_alvarado",
    film: "the-third-man",
    title: "Programme notes: The Third Man to close a noir month",
    score: null,
    tags: ["noir", "repertory"],
    spoilers: false,
    status: "draft",
    publishedDaysAgo: 5,
    body: `Notes for the Tuesday introduction. Keep it under five minutes; people came for the film, not for me.

## Why this film, why now

We close this year's noir month with [*The Third Man*](https://en.wikipedia.org/wiki/The_Third_Man) because it is the one noir on the programme that isn't really American, and it looks back at the genre from the rubble of the war that shaped it. Everything we have shown these past weeks, the venetian blinds, the confessions, the doomed men walking into rooms they should never have entered, arrives here in a city where

Things to mention (pick three, not all):

- Welles is on screen for surprisingly little of the running time; people always remember more of him
- the zither: where Karas was found, and how the theme became a hit record
- Krasker's Oscar for the cinematography
- the sewers: some of it real Vienna, some built back in England
- finish on the last shot without describing it; just ask them to watch who walks past whom`,
  },
  {
    author: "samir_haddad",
    film: "man-on-wire",
    title: "Alone at 1,350 feet: Man on Wire as science fiction",
    score: null,
    tags: ["documentary", "1970s"],
    spoilers: false,
    status: "draft",
    publishedDaysAgo: 4,
    body: `This is going to sound like a stretch, but stay with me: the best moments in [*Man on Wire*](https://en.wikipedia.org/wiki/Man_on_Wire) feel like the best moments in space films. A single human figure, absurdly small, suspended inside a vast engineered structure, with nothing around him but air and a city very far below.

## The towers as a set

What struck me this time is that in 1974 the World Trade Center wasn't finished. The photographs show raw floors, bare steel, construction debris, tarpaulins everywhere. Petit and his friends are essentially sneaking aboard an unfinished spacecraft. The guards are the only crew, and they have no idea a mission is under way. The roof, in the dawn pictures, looks less like a building than a launch platform, and

- the rigging: the cable as an umbilical? (too cute, probably)
- set the photo of him lying on the wire beside the spacewalk in *2001*
- loneliness vs. solitude: he's alone up there, but he chose to be, which isn't the same thing
- Annie watching from the street as ground control
- score: an 8, probably`,
  },
  {
    author: "mara_kowalczyk",
    film: "anatomy-of-a-fall",
    title: "Anatomy of a Fall left me cold, and I've thought hard about why",
    score: 5,
    tags: ["palme-dor", "festival"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 4,
    body: `I know I'm out on a limb. Everyone I like on this forum loves [*Anatomy of a Fall*](https://en.wikipedia.org/wiki/Anatomy_of_a_Fall). Lucía's review is lovely. I wanted to love it.

I admired it. That isn't the same thing.

Here's my problem, stated as fiercely as I can manage: the film is *about* ambiguity, and it treats ambiguity as a virtue in itself. Every scene seems designed to hand you one reason to suspect Sandra and one reason to trust her, in exactly equal measure, like a pair of scales being carefully balanced. After about an hour I could feel the balancing. Once you can feel it, it stops being a mystery and becomes a mechanism.

Think of the films that genuinely keep you awake wondering what happened. They are passionately committed to *something* (a feeling, a character, an image) and the uncertainty grows out of that commitment. Here the uncertainty is the product.

Things I did love:

- The opening, with that maddening steel-drum music pounding down from upstairs. It's a perfect way to put you inside a marriage before you've even met one half of it.
- Snoop. Every shot of the dog is better directed than half the humans.
- The argument scene, as raw as anything I've seen in a cinema in years.

And I'll grant that Sandra Hüller is magnificent. But the courtroom scenes are long and flatly lit, and the camera's nervy little zooms started to feel like a tic rather than an idea. As an animation person I'm used to every frame being a decision, and here a lot of frames felt like coverage.

Five. I fully expect to be told I'm wrong, and I will argue back.`,
  },
  {
    author: "femi_oyelaran",
    film: "anatomy-of-a-fall",
    title: "Anatomy of a Fall and the documentary impulse",
    score: null,
    tags: ["palme-dor", "festival"],
    spoilers: false,
    status: "draft",
    publishedDaysAgo: 3,
    body: `What interests me about *Anatomy of a Fall* is how much of it plays like a courtroom documentary. I kept thinking of the French observational films about judges and lawyers, the ones that simply sit in a hearing room and let procedure unfold. Triet borrows their patience and, I think, some of their framing: the slightly-too-wide shots of the court, the camera finding a speaker a moment late, people talking over one another without a cut to sort them out.

## Evidence and the audience

The recording is the obvious place to start. A documentary maker handed that phone file would have to decide

Points to work through:

- the phone recording as found footage inside a fiction
- Daniel as the one witness who can't see clearly: what counts as evidence?
- compare with Raymond Depardon's courtroom films (which one? rewatch first)
- is the ambiguity honest, or is Mara right that it's engineered?`,
  },
  {
    author: "lucia_del_prado",
    film: "the-third-man",
    title: "Palme d'Or notebook, prequel: The Third Man (Grand Prix, 1949)",
    score: 8,
    tags: ["noir", "cold-war", "festival"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 3,
    body: `Strictly speaking, this doesn't belong in my notebook. The Palme d'Or was only introduced in 1955; before that, the top prize at Cannes was the Grand Prix, and in 1949 it went to [*The Third Man*](https://en.wikipedia.org/wiki/The_Third_Man). But my professor says you can't understand a tradition without knowing what came before it, so here I am, filling in the prequel.

What surprised me most is how *European* this British film feels next to the Hollywood noirs I've been watching. The city is the star. Vienna in 1948 was still half in ruins and divided between four occupying powers, and Reed shot on real streets, among real rubble, at night, with the cobbles hosed down so they'd shine. You can feel the early Cold War at every checkpoint and in every joint patrol (four soldiers from four armies squeezed into one jeep), and the film treats the whole arrangement as grim and faintly absurd at the same time.

The famous tilted camera angles make more sense to me now than they did in lecture slides. They aren't decoration. Almost every scene is about someone who has lost their footing: Holly, the naive American; Anna, whose papers are forged; the witnesses, whose stories keep shifting. The frame tilts because the moral ground does.

And then there's Anton Karas's zither. According to the usual story, Reed heard him playing in a Viennese wine tavern and brought him to London to record the score. It's the strangest choice imaginable for a thriller (bright, plucky, almost comic) and it works because it refuses to underline anything. The darkest moments play against something that sounds like a café.

My reservation: Joseph Cotten's Holly is hard to like, which I think is deliberate, but I found the middle stretch before Harry appears a little long on his drunken blundering.

Eight. And a question for Kenji, who reviewed it here a couple of weeks ago: if the zither ever did stop, wouldn't you miss it?`,
  },
  {
    author: "samir_haddad",
    film: "the-conversation",
    title: "The Conversation (full spoilers): the loneliest room in 1970s cinema",
    score: 9,
    tags: ["1970s", "paranoia", "sound-design"],
    spoilers: true,
    status: "published",
    publishedDaysAgo: 2,
    body: `Spoilers for the whole film, including the final scene.

I keep a private list of the loneliest images in cinema. Most of them come from science fiction (a man in a space-station corridor, a figure on a dead planet), which is why I was surprised to find the top of the list now belongs to a San Francisco flat, stripped to the floorboards, with a man sitting in the wreckage playing the saxophone.

Harry Caul spends [*The Conversation*](https://en.wikipedia.org/wiki/The_Conversation) convinced that the couple he recorded in Union Square are about to be murdered by the director who hired him. On the tape, the young man seems to say that the director would kill them given half a chance, and Harry, still guilty over an old job that ended in deaths, decides that this time he will step in. He follows them to a hotel. He takes the room next door. He listens through the wall to what he believes is a killing, and sees, or imagines, a bloodied hand against the glass.

Then the turn: it's the director who dies. The young couple kill him, and the recording Harry spent the whole film cleaning never meant what he thought. On the final playback the stress shifts to a different word, and a frightened plea becomes a justification. They were planning, not pleading. Harry wasn't listening badly; he was listening for his own guilt.

Then the coda, which is what I really want to write about. Harry gets a phone call telling him that *they* are listening to him now. He tears his flat apart looking for the bug: floorboards, walls, light fittings, and finally a plastic statue of the Virgin Mary, the one object he seemed to cherish, which he smashes without hesitating. He finds nothing. The last shot is a slow, mechanical pan across the room, back and forth, like a security camera, while Harry sits in the ruins and plays his sax alone.

As a production-design person, I love how the room tells the story. At the start it's sparse but ordered; by the end it's an opened shell, every surface exposed. The only possession that survives intact is the instrument, the one thing in his life that makes a sound he controls.

It isn't science fiction. But it is a film about a man who has turned himself into a machine for listening, who discovers that the machine can't be switched off, and that is as lonely as anything I've seen in orbit.

Nine. The last five minutes, on their own, are a ten.`,
  },
  {
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
  },
  {
    author: "kenji_nakamura",
    film: "anatomy-of-a-fall",
    title: "Anatomy of a Fall: a great 110-minute film in a 151-minute coat",
    score: 6,
    tags: ["palme-dor", "festival"],
    spoilers: false,
    status: "published",
    publishedDaysAgo: 1,
    body: `@lucia_del_prado has been pressing this on me for months and @mara_kowalczyk has just given it a five. I split the difference, and I'm roughly as pleased with that as I am with the film.

Start with what's excellent. The first fifteen minutes are a model of how to set up a mystery with sound and space: the chalet, the snow, the music thumping through the ceiling, the interview that can't go on, the boy heading out with the dog. The fall itself happens off screen, and the film has the discipline never to show it. That restraint is worth a great deal.

The trial is where I get restless. Triet is interested in how a courtroom manufactures stories, and she makes that case thoroughly. Then she makes it again. There are at least two expert witnesses on blood spatter and trajectories whose evidence could be a single scene. The prosecutor, a very good actor in a very theatrical part, asks versions of the same question about the marriage until I wanted to object myself.

The recorded argument is tremendous, and the cut from picture to sound alone is the best idea in the film. Daniel's final testimony works too, though you can see it coming.

What I miss is economy. A noir would have told this in a hundred minutes, found the same ambiguity, and let the last shot do the work. This one keeps explaining that it won't explain.

Six. Sandra Hüller should be in everything.`,
  },
];
