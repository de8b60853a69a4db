// The demo reviews of Solaris (1972). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const samirHaddad: SeedReview = {
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
};

export const tobiasRenner: SeedReview = {
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
      bodyEdits: [
        {
          find: "Seven. A high seven.",
          replace: `I first gave this a high seven.

**Later:** a cinema near me ran a 35mm print at the weekend and I went, mostly to find out whether I'd been unfair. In a proper room, through proper speakers, the low end of Artemyev's drones is physical: you feel the station before you see it. The prologue still drags. But I'm raising my score, and I'm withdrawing "endurance test" for good.

Eight.`,
        },
      ],
    },
  ],
  body: `Samir's review a week ago sent me back to [*Solaris*](https://en.wikipedia.org/wiki/Solaris_(1972_film)), which I last saw at university and remembered mainly as an endurance test. It isn't one. It's a sound film first and foremost, and I was too young to hear it.

Three things, from the mixing-desk end:

**Eduard Artemyev's score is barely music.** Much of it is synthesiser and layered electronic texture, and for long stretches it behaves like ambience rather than score: a hum, a pressure, a distant tone. On the station you can't always tell whether you're hearing the air handling or the soundtrack, and I'm convinced that confusion is intended. The planet is always in the room.

**Bach is used like a memory.** The chorale prelude heard over the opening comes back at precise moments, and each time it seems further away, as if the station's speakers were losing the signal from home. By the final sequence it has been folded into Artemyev's electronics and the two are hard to pull apart. That's the whole film in one mix decision: home, and the copy of home, blurred together.

**The expressway.** The famous five-minute drive through Tokyo is a sound-design showpiece. It starts as a realistic traffic mix, engines and tyres, and little by little the noise is processed and layered and pushed into a roar that doesn't belong to any car. It's the sound of a man's head filling up. It is also long, and I won't pretend otherwise.

Where I'm less convinced: the Earth prologue. The long conversations at the dacha are recorded dry and close, which is right, but the scenes themselves drag, and the old pilot's testimony plays more like homework than mystery.

Seven. A high seven.`,
};

export const kenjiNakamura: SeedReview = {
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
};
