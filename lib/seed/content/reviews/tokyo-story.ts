// The demo reviews of Tokyo Story (1953). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const femiOyelaran: SeedReview = {
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
};

export const ingridAlvarado: SeedReview = {
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
};

export const kenjiNakamura: SeedReview = {
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
};
