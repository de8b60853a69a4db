// The demo reviews of Spirited Away (2001). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const maraKowalczyk: SeedReview = {
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
      bodyEdits: [
        {
          after: "tiny.!<",
          insert: `

## The train (added)

I somehow forgot to write about the train, which is unforgivable, because it's my favourite five minutes of the film. Chihiro, No-Face and a few small passengers ride a single-carriage train across a shallow sea that has flooded the tracks, past stations where nobody is waiting. The other passengers are dark, semi-transparent figures, like shadows on their way home from work. Nothing happens. Hardly anyone speaks. Evening comes on. For a storyboard artist this sequence is a masterclass in holding: wide shots kept long past comfort, a cut to a lone figure on a platform who is never explained, the light going orange and then blue. It's the quietest stretch in any big-studio film I know, it sits right in the middle of a fantasy adventure, and Miyazaki trusts children to sit with it. They do.`,
        },
      ],
    },
    {
      atDaysAgo: 100,
      reason: "Rewatched it with my niece: new title, a note at the end, and the rewatch tag",
      title: "Spirited Away is still the best animated film ever made (rewatched, still fighting)",
      tags: ["animation", "japanese-cinema", "ghibli", "rewatch"],
      bodyEdits: [
        {
          after: "disagrees.",
          insert: `

**After a rewatch:** I showed it to my eight-year-old niece last weekend. She hid behind a cushion through No-Face's rampage, demanded we go back and watch the stink spirit again, and then asked, very seriously, whether her parents could ever turn into pigs. I told her only if they ate without asking. She has been watching them closely at dinner ever since.`,
        },
      ],
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
};

export const kenjiNakamura: SeedReview = {
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
};

export const samirHaddad: SeedReview = {
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
};
