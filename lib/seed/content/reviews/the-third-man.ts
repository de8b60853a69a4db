// The demo reviews of The Third Man (1949). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const kenjiNakamura: SeedReview = {
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
};

export const ingridAlvarado: SeedReview = {
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
};

export const luciaDelPrado: SeedReview = {
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
};
