// The demo reviews of Man on Wire (2008). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const femiOyelaran: SeedReview = {
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
};

export const ingridAlvarado: SeedReview = {
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
      bodyEdits: [
        {
          find: "Six, for now. I suspect I'll be told I'm wrong, and I suspect I'll go back.",
          replace: `I gave it a six at first, and said I suspected I'd go back.

I went back. The second time through, knowing where it was heading, I noticed how much more the editing gives the accomplices than I had remembered: how often Marsh cuts away from Petit to his friends at exactly the moments Petit is most pleased with himself, and how long he stays on their faces. Marsh isn't under the spell; he is showing us that everybody was. That's a harder and better film than the one I described a few days ago.

Seven. Femi, you may say it.`,
        },
      ],
    },
  ],
  body: `Femi wrote about this months ago and made the case that it's really a heist film. I agree, and I think that is both its great strength and the thing that leaves me a little uneasy.

The strength first. [*Man on Wire*](https://en.wikipedia.org/wiki/Man_on_Wire) is immaculately assembled. The archival rehearsal footage from the French countryside is so lovely (sunlight, laughter, a wire between two trees) that it already feels like a memory by the time the film shows it to you. The black-and-white reconstructions give the night itself a pulse. And the photographs of the walk, set to Satie, are simply some of the most beautiful images in any documentary I have ever programmed.

The unease. The film is made in the key of Philippe Petit, and Petit is a performer who never stops performing, even in a talking-head interview more than thirty years later. He acts scenes out, pulls faces, narrates himself. It's charming. It's meant to be. And the effect is that the costs of his dream, to Annie, to Jean-Louis, to the friends whose lives bent around his, are acknowledged in a sentence or two and then swept back into the fairy tale. When one of the accomplices says, in effect, that their friendship did not survive the day, the film lets the remark land and then moves on to the celebrations.

I don't want a different, sourer film. I want this one to notice its own spell a little more.

Six, for now. I suspect I'll be told I'm wrong, and I suspect I'll go back.`,
};

export const samirHaddad: SeedReview = {
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
};
