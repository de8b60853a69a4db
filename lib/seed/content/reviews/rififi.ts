// The demo reviews of Rififi (1955). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const tobiasRenner: SeedReview = {
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
};

export const femiOyelaran: SeedReview = {
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
};

export const luciaDelPrado: SeedReview = {
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
};
