// The demo reviews of Anatomy of a Fall (2023). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const luciaDelPrado: SeedReview = {
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
};

export const maraKowalczyk: SeedReview = {
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
};

export const femiOyelaran: SeedReview = {
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
};

export const kenjiNakamura: SeedReview = {
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
};
