// The demo reviews of Double Indemnity (1944). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const kenjiNakamura: SeedReview = {
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
      bodyEdits: [
        {
          find: "I will",
          replace: `This review discusses the whole film, ending included.

I will`,
        },
      ],
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
};

export const ingridAlvarado: SeedReview = {
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
};

export const maraKowalczyk: SeedReview = {
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
};
