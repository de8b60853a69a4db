// The demo reviews of The Conversation (1974). Data only (lib/seed/content/types.ts).
import type { SeedReview } from "../types";

export const tobiasRenner: SeedReview = {
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
      bodyEdits: [
        { find: "Much,", replace: "Murch," },
      ],
    },
    {
      atDaysAgo: 200,
      reason: "Rethought my score after a second viewing on 16mm",
      score: 10,
      tags: ["1970s", "sound-design", "palme-dor", "paranoia", "rewatch"],
      bodyEdits: [
        {
          find: "Nine out of ten. It would be a ten if I could get through the final scene without feeling that someone was listening to me.",
          replace: `## Second viewing (added)

I saw a 16mm print at a film society last month, scratches and all, through a speaker that has seen better decades, and it was better than my carefully restored home copy. Hearing Harry's tapes through a worn optical track made the whole film feel like a recording somebody had found in a drawer, and the hiss under the Union Square sequence stopped being a flaw and became part of the surveillance.

So I've changed my score. The last scene still has me checking the walls of my flat afterwards. I have decided that is a feature.

Ten out of ten.`,
        },
      ],
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
};

export const luciaDelPrado: SeedReview = {
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
};

export const samirHaddad: SeedReview = {
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
};
