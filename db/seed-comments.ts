// Demo discussion for the Marquee seed: threads under the published demo reviews, written by the
// demo members of db/seed.ts. Data only; the seed posts, edits and deletes these comments through
// the comment verbs, interleaved in time with the reviews and their edits (db/seed-content.ts).
//
// Times are durations such as "45m", "3h" or "2d 4h": a top-level comment's is counted from its
// review's publication, a reply's from its parent comment, an edit's or a deletion's from the
// comment's own posting. The seed refuses a comment dated before its author joined or after "now".

export type SeedCommentEdit = {
  after: string;
  body: string;      // the whole new text
  reason?: string;
  by?: string;       // a moderator or admin editing someone else's comment; the author when absent
};

export type SeedComment = {
  author: string;    // one of the demo usernames in db/seed.ts
  after: string;
  body: string;      // markdown
  edits?: SeedCommentEdit[];
  deletedAfter?: string; // deleted by its author; replies must come before it
  replies?: SeedComment[];
};

export type SeedThread = {
  review: string;    // "author/film" of a published review in SEED_REVIEWS
  comments: SeedComment[];
};

/**
 * An author who turns badge notes off: when the system account's note about `badge` appears under
 * their review (a vote on it earned the badge), they reply STOP to it `after` later, and the system
 * confirms in a reply of its own. Later badges reach them as notices only.
 */
export type SeedStop = {
  review: string;    // "author/film" of a published review in SEED_REVIEWS; its author replies
  badge: string;     // the slug of the badge the note announces
  after: string;     // from the note's appearance
};

export const SEED_STOPS: SeedStop[] = [
  // Ten upvotes in, Tobias wants no more noise under his reviews; his fiftieth, months later, comes quietly.
  { review: "tobias_renner/sunrise", badge: "upvotes-10", after: "2h" },
];

export const SEED_THREADS: SeedThread[] = [
  {
    review: "tobias_renner/the-conversation",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "19h",
        body: "Lovely piece. One small thing before anyone else spots it: in the sound section you've given Walter Murch a new surname. *Much.* I'm afraid I laughed out loud, given the subject.",
        replies: [
          {
            author: "tobias_renner",
            after: "40m",
            body: "Of all the names to get wrong in a review about listening carefully. Fixing it tonight. Thank you, Ingrid.",
            replies: [{ author: "ingrid_alvarado", after: "25m", body: "In fairness, he did do much." }],
          },
        ],
      },
      {
        author: "femi_oyelaran",
        after: "105d",
        body: `I'm a documentary person, so what got me here is the workshop: the reels, the patience, the fact that nothing in Harry's cage is there for show. It's a portrait of labour as much as a thriller. You've made me want to watch it again just for his hands.

A question for the sound editor, though. How much of the Union Square recording is "real"? Did they actually put microphones out in the square, or was it all built afterwards?`,
        replies: [
          {
            author: "tobias_renner",
            after: "3h",
            body: `From what I've read, both. The actors really were recorded out in the square, through the crowd, and then a great deal was shaped by hand afterwards: the dropouts and that warble are placed, not accidents.

Which is the funny thing about my job. It takes an enormous amount of work to make a recording sound *this* bad in exactly the right way.`,
            replies: [
              {
                author: "femi_oyelaran",
                after: "1d",
                body: "\"It takes an enormous amount of work to make a recording sound this bad\" is going on a postcard above my desk.",
              },
            ],
          },
        ],
      },
      {
        author: "lucia_del_prado",
        after: "290d 2h",
        body: "I've just posted my notebook entry on this and sent people here for the sound. One thing I couldn't fit in: the rival at the trade fair who bugs Harry with a free pen. It's the one time we see Harry on the wrong end of his own trade, and it's played as a party joke. Did that scene land differently for you, knowing the work from the inside?",
        replies: [
          {
            author: "tobias_renner",
            after: "5h",
            body: "It's the scene I find hardest to watch. Everybody at that party laughs, and Harry's face goes completely still, because for him the joke is an injury. Anyone who has had a colleague play back something they muttered off mic, for a laugh, knows the feeling. It's a small scene, and the whole second half grows out of it.",
          },
        ],
      },
      {
        author: "samir_haddad",
        after: "348d 3h",
        body: "I followed the link in @lucia_del_prado's notebook entry, having just written up the ending in my own review, and the 16mm paragraph made me jealous. Something I only noticed on this watch: the final pan across the flat moves exactly like a surveillance camera. >!Harry has become the thing he was listening for, and the film looks at him the way his machines looked at the couple.!< It's as close as the film comes to science fiction.",
        replies: [
          {
            author: "tobias_renner",
            after: "6h",
            body: "Yes. And listen to what's under that pan: almost nothing but the saxophone and the room. After two hours of layered tape the mix is suddenly empty. The emptiness is the bug.",
          },
        ],
      },
    ],
  },
  {
    review: "ingrid_alvarado/sunrise",
    comments: [
      {
        author: "mara_kowalczyk",
        after: "40d",
        body: "The superimposition in the marsh is one of the things that made me want to draw for a living. Animation does double exposure all the time and it usually looks like a trick. Here it looks like weather. I'd give a lot to see Murnau's storyboards, if there ever were any.",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "1d 2h",
            body: "Not storyboards as you'd know them, as far as I'm aware, but the city was built on the lot around what the camera would see, with its perspective cheated so that the far end of a street is much nearer than it looks. A storyboard made of plywood, if you like.",
            replies: [{ author: "mara_kowalczyk", after: "3h", body: "A storyboard made of plywood. I'm having that, and the plywood." }],
          },
        ],
      },
      {
        author: "tobias_renner",
        after: "80d 6h",
        body: "Finally watched it, as promised, and wrote it up from my end of the building. One gentle push: your notes for first-timers praise the original synchronised score and then the review never mentions it again. It's doing more than you give it credit for, especially the few sounds that break through the music. Worth a paragraph?",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "14h",
            body: "A year of nagging you to watch it, and you come back with homework for me. Fair homework. I'll add something once I've listened again properly, on better speakers than the print shop's.",
            replies: [
              {
                author: "tobias_renner",
                after: "4d 10h",
                body: "Read the new section. \"The world intruding on the couple\" is it exactly, and better put than anything in my review.",
              },
            ],
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "190d 1h",
        body: "Posted my dissent separately so as not to trample your thread. For the record: the first reel is a ten. Everything after the boat is a very pleasant day out.",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "1h",
            body: "Noted, and filed under \"Kenji looked at his watch at the fairground\". Some of us were busy laughing at the pig.",
          },
        ],
      },
      {
        author: "hollis_greer",
        after: "329d 2h",
        body: "I think I was at one of your Tuesday screenings of this last month! Folding chairs, and a projector that clicked a bit at the start? Your notes for first-timers would have helped me, especially the part about the first twenty minutes being the heaviest. I nearly left during the marsh.",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "1h",
            body: "That was us, and the click is the projector's way of saying hello. I'm very glad you stayed past the marsh. Welcome, Hollis; there are a few suggestions waiting under your own review.",
          },
        ],
      },
    ],
  },
  {
    review: "mara_kowalczyk/spirited-away",
    comments: [
      {
        author: "tobias_renner",
        after: "1d 4h",
        body: "Hisaishi holding the theme back is the right thing to notice. Count how often the big cue actually plays in full: it's rationed. Most films this size would have it under every flight.",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "6h",
            body: "I counted once. I won't tell you the number, because you'll think less of me for having counted.",
            replies: [{ author: "tobias_renner", after: "1h", body: "I count room tones for a living. Nobody here is in a position to judge." }],
          },
        ],
      },
      {
        author: "ingrid_alvarado",
        after: "5d",
        body: "Lovely, and I won't fight you. But you've left out the train, which for me is the best five minutes in the film. Was that deliberate?",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "3h",
            body: "No! It's an unforgivable gap and I'm embarrassed. Fixing it this week.",
          },
        ],
      },
      {
        author: "femi_oyelaran",
        after: "32d",
        body: "I watched it for the first time last weekend because of this, at thirty-something, with no child to blame it on. The stink spirit scene is basically a documentary about hauling a bicycle out of a river, and I mean that as the highest compliment. We used to do canal clean-ups in Leeds and it looked exactly like that, minus the god.",
      },
      {
        author: "lucia_del_prado",
        after: "181d",
        body: "The note about your niece is the best thing on this site. Did she forgive the parents in the end, or is the pig question still open?",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "2h",
            body: "Still open. She now asks the waiter \"is this ours?\" before anyone is allowed to eat. I have created a monster, and a very polite one.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "269d 3h",
        body: "Left you something under my own review. Be gentle. (You won't.)",
        replies: [{ author: "mara_kowalczyk", after: "20m", body: "I've read it. I'm making tea first. Then I'm not being gentle." }],
      },
    ],
  },
  {
    review: "tobias_renner/sunrise",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "3h",
        body: "On *headphones*. I'll forgive you, because you heard the held stretch on the lake, which most people don't even notice is a choice. Next spring we're showing it with a live trio. You're coming, and you're sitting where I can watch your face during the boat scene.",
        replies: [
          {
            author: "tobias_renner",
            after: "1h",
            body: "Deal. I'll bring a notebook and compare the two mixes, which I realise is the least romantic thing anyone has ever said about this film.",
          },
        ],
      },
      {
        author: "femi_oyelaran",
        after: "8d 3h",
        body: "*Sunrise* went on my list after your workshop answer under *The Conversation*, and this sealed it. What I like most is the idea that the silences are authored. Documentaries have the same fight the other way round: you argue for every quiet stretch in the edit, because someone always wants to fill it with music.",
      },
      {
        author: "kenji_nakamura",
        after: "110d 7h",
        body: "> I found the long day in the city a little slack, but I'm a thriller person.\n\nTobias, my brother in arms. We were outvoted on Tuesday, but we were right.",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "2h",
            body: "You were outvoted because you were wrong and in the minority, which is the usual order of things.",
            replies: [{ author: "kenji_nakamura", after: "30m", body: "The minority is where the good seats are." }],
          },
        ],
      },
      {
        author: "hollis_greer",
        after: "248d 8h",
        body: "Were you at the print shop screening too? I think I sat behind someone who kept their headphones on the whole time, and I've been wondering what they were listening to.",
        deletedAfter: "8m",
      },
    ],
  },
  {
    review: "femi_oyelaran/man-on-wire",
    comments: [
      {
        author: "tobias_renner",
        after: "1d 1h",
        body: "Playing the walk over still photographs and Satie is the bravest edit in the film. Any footage at all, however shaky, would have given us *information*. The stills give us time instead. You end up doing what the people on the pavement did: staring at one image until it seems to move.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "4h",
            body: "Exactly. And it's honest: the photographs are the record. Reconstructing the walk itself would have been the one lie the film couldn't afford.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "51d 2h",
        body: "A heist film where nobody gets shot and the loot is three-quarters of an hour of air. I watched it on your say-so and timed it: ninety-four minutes, and I'd keep every one. You may put that on my gravestone, because it won't happen often.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "6h",
            body: "Screenshotted, for the next time you tell me a documentary should be an hour long.",
          },
        ],
      },
      {
        author: "ingrid_alvarado",
        after: "234d 2h",
        body: "Months late, I've written a reply of sorts, and I've given the film a six, which I suspect will cost me. It's your last section I keep thinking about: \"a heist film in which the crew falls apart after the score\". That's the film I wanted more of.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "3h",
            body: "A six! I'll answer over there. Briefly: the crew falling apart *is* in the film. You have to watch the faces while Philippe is talking.",
          },
        ],
      },
      {
        author: "samir_haddad",
        after: "236d 2h",
        body: "Late to this, but I keep looking at the towers in those photographs as an unfinished set: bare concrete floors, tarpaulins, nothing fitted out. It looks less like an office block than a station being assembled in orbit. He's walking between two things that haven't finished being made.",
      },
    ],
  },
  {
    review: "kenji_nakamura/double-indemnity",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "1d 2h",
        body: "Superb, and you're right about the match. But you might flag this as containing spoilers: the last section gives the ending away in full, and nothing on the page warns anyone. There are people here who haven't seen it yet, and I programme for them.",
        replies: [
          {
            author: "kenji_nakamura",
            after: "3h",
            body: "Fair. I wrote \"spoilers from here\" in a heading and assumed people read headings, which is optimistic of me. I'll mark the whole thing and say so at the top.",
            replies: [{ author: "ingrid_alvarado", after: "40m", body: "Thank you. The little man in my stomach is satisfied." }],
          },
        ],
      },
      {
        author: "mara_kowalczyk",
        after: "164d 6h",
        body: "I finally watched it, and wrote it up, and I'm with you on Lola being dull. I'm not with you on the car that won't start being the best ten seconds of the decade. The best *sound*, maybe. Visually it's two people sitting in a car.",
        replies: [
          {
            author: "kenji_nakamura",
            after: "2h",
            body: "Two people sitting in a car, in a silence that tells you exactly how much trouble they're in. That's the whole of noir, Mara. I bet you drew it.",
            replies: [
              {
                author: "mara_kowalczyk",
                after: "1h",
                body: "I did. It's the only thumbnail on the page I didn't cross out. Fine.",
                replies: [{ author: "kenji_nakamura", after: "15m", body: "I'll take \"fine\". From you that's a standing ovation." }],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    review: "ingrid_alvarado/double-indemnity",
    comments: [
      {
        author: "kenji_nakamura",
        after: "5h",
        body: "The last word, as invited: nine. Also, the wig *is* a mistake, and Phyllis knows it, and that's why it works.",
      },
    ],
  },
  {
    review: "femi_oyelaran/tokyo-story",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "8h",
        body: "\"Paced like a long visit from relatives\" is the best description of Ozu's rhythm I've read, and I have read a great many programme notes, some of them my own. I'll be writing it up soon with spoilers, because I can't talk about the ending without them.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "2h",
            body: "I'll read it with a box of tissues and no warning needed. I've seen it twice now and the last ten minutes still get me.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "75d 4h",
        body: "You said it isn't slow. I went in with a stopwatch to prove you wrong and came out with no cuts at all. I'm holding you personally responsible.",
        replies: [{ author: "femi_oyelaran", after: "1h", body: "I accept full responsibility and no liability." }],
      },
      {
        author: "lucia_del_prado",
        after: "100d",
        body: "Ozu never won anything at Cannes, which I keep having to explain when I describe my project, and *Tokyo Story* was barely seen abroad until years after it was made. It's a useful reminder that the prize list is a record of juries, not of films.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "5h",
            body: "\"A record of juries, not of films.\" That belongs on the first page of your notebook.",
            replies: [
              {
                author: "lucia_del_prado",
                after: "30m",
                body: "It's on the inside cover now. In pencil, in case a jury changes my mind.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    review: "ingrid_alvarado/tokyo-story",
    comments: [
      {
        author: "femi_oyelaran",
        after: "6h",
        body: "The watch. I hadn't thought of it this way before your piece: Kyōko looks at *her* watch at the moment Noriko is holding Tomi's, and the train runs between them. Two women, one time, going in opposite directions.",
        replies: [
          {
            author: "ingrid_alvarado",
            after: "2h",
            body: "Ozu would have denied meaning anything by it, and then cut it precisely that way anyway.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "2d",
        body: "\"Isn't life disappointing?\" and the answer are the best two lines of dialogue in cinema, and I'll fight anyone on that, which for me is unusual. Normally I'm the one cutting lines.",
        replies: [
          {
            author: "lucia_del_prado",
            after: "27d",
            body: "Late to this, but a footnote on those two lines. A friend who reads Japanese tells me Kyōko's word is nearer to \"unpleasant\", even \"hateful\", than to \"disappointing\". If so, Noriko agreeing with her is harsher than the subtitle makes it sound.",
            replies: [
              {
                author: "ingrid_alvarado",
                after: "1d",
                body: "Harsher, and then softened by her smile, which is the whole performance in one exchange. Thank you, Lucía. That's going in my programme notes next time.",
              },
            ],
          },
        ],
      },
      {
        author: "tobias_renner",
        after: "3d",
        body: "The fan at the end. Slower than his speech, steady, the only rhythm left in the house. I didn't notice it until my third viewing, and now I can't hear anything else.",
      },
    ],
  },
  {
    review: "kenji_nakamura/sunrise",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "3h",
        body: "For the record, you were outvoted forty-one to one. I'll defend the city properly: it isn't padding, it's the reconciliation done in small steps, which is the only way a reconciliation has ever worked. One big scene would have been a lie.",
        replies: [
          {
            author: "kenji_nakamura",
            after: "1h 10m",
            body: "One big scene would have been *shorter*.",
            replies: [{ author: "ingrid_alvarado", after: "1h 10m", body: "So is a divorce." }],
          },
        ],
      },
      {
        author: "mara_kowalczyk",
        after: "2d",
        body: "A five! I'm typing this from behind a cushion. The fairground is the best *animation* in the film, by the way: the crowds, the lights, the dancing. It's a cartoon made with people.",
        replies: [{ author: "kenji_nakamura", after: "3h", body: "Then it should have been a short one." }],
      },
      {
        author: "hollis_greer",
        after: "138d 10h",
        body: "I saw this for the first time last month and I have to disagree, sorry! The city part was my favourite. When they wander into the wedding and he breaks down, I was gone. And at the end the Wife is found alive on the bulrushes and I actually cheered out loud.",
        edits: [
          {
            after: "2h",
            by: "tobias_renner",
            reason: "Moderator: hid the ending behind a spoiler tag, since this review has no spoiler warning",
            body: "I saw this for the first time last month and I have to disagree, sorry! The city part was my favourite. When they wander into the wedding and he breaks down, I was gone. And at the end >!the Wife is found alive on the bulrushes!< and I actually cheered out loud.",
          },
        ],
        replies: [
          {
            author: "tobias_renner",
            after: "2h 5m",
            body: "Welcome, Hollis. I've put your last sentence behind a spoiler tag: on a review without a spoiler warning, writing `>!like this!<` keeps the words hidden until a reader clicks them. No harm done. I cheered too, the first time.",
            replies: [
              {
                author: "hollis_greer",
                after: "20m",
                body: "Oh no, thank you! I didn't know that was a thing. Still learning where everything is.",
                replies: [
                  {
                    author: "kenji_nakamura",
                    after: "1h",
                    body: "Cheering out loud is the correct response to that ending, and I say so as the man who gave it a five. Welcome.",
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  {
    review: "lucia_del_prado/anatomy-of-a-fall",
    comments: [
      {
        author: "femi_oyelaran",
        after: "20h",
        body: "Beautifully done. One worry: your headline more or less tells me how it ends. \"Never tells you who did it\" is a spoiler of a kind for a courtroom film, isn't it? Half the tension is wondering whether there'll be a reveal.",
        replies: [
          {
            author: "lucia_del_prado",
            after: "5h",
            body: "Oh no. Your right: it tells you there's no reveal before you've even started. Changing it now. Thank you, Femi.",
            edits: [
              {
                after: "1m",
                body: "Oh no. You're right: it tells you there's no reveal before you've even started. Changing it now. Thank you, Femi.",
              },
            ],
          },
        ],
      },
      {
        author: "mara_kowalczyk",
        after: "114d 2h",
        body: "I've posted a dissent, and I want to say here that yours is the best case *for* the film I've read. It almost talked me round. Almost.",
        replies: [{ author: "lucia_del_prado", after: "3h", body: "Almost is a start. I'll answer properly under yours." }],
      },
      {
        author: "kenji_nakamura",
        after: "117d 2h",
        body: "You've been recommending this for months, so I owe you a report: six, posted. Please direct all complaints to the running time.",
      },
    ],
  },
  {
    review: "kenji_nakamura/tokyo-story",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "6h",
        body: "Sentimental, yes. Also the most honest thing anyone has written about this film here, mine included. A notebook with one crossed-out line is a better review than most scores.",
      },
    ],
  },
  {
    review: "tobias_renner/rififi",
    comments: [
      {
        author: "femi_oyelaran",
        after: "3h",
        body: "The floor is mine, and I'll take it properly in a few days, with spoilers. For now: your list of sounds is perfect, and I'd add one more. When they finish and somebody finally *speaks*, it's louder than the drill.",
        replies: [
          {
            author: "tobias_renner",
            after: "1h",
            body: "That's the trick of it. Half an hour of quiet turns an ordinary line of dialogue into a gunshot.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "1d",
        body: "Dassin casting himself as César is a director's privilege, and >!he gives himself the best exit in the film!<. Privilege abused to perfection.",
        replies: [
          {
            author: "lucia_del_prado",
            after: "6h",
            body: "And he's credited under a made-up name, Perlo Vita, which I only found out while reading up for my notebook. A film about men hiding in plain sight, made by a man who had just been hounded out of his own industry.",
          },
        ],
      },
      {
        author: "mara_kowalczyk",
        after: "3d",
        body: "An umbrella opened under a hole in the ceiling to catch the plaster. That's a gag any of the great cartoon directors would have killed for, and it's played completely straight. I love it. It lasts about four seconds, @kenji_nakamura, so put the stopwatch away.",
      },
    ],
  },
  {
    review: "femi_oyelaran/rififi",
    comments: [
      {
        author: "tobias_renner",
        after: "2h",
        body: "Well, you took the floor and kept it. I'll concede the drive home. Sound-wise it's the heist turned inside out: wind, the engine, the boy laughing, all of it too loud, and none of it anyone can stop.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "1h",
            body: "So we agree the heist is the best sequence and the drive is the best ending. I'm calling that a draw in my favour.",
            replies: [
              {
                author: "tobias_renner",
                after: "1h",
                body: "That isn't how draws work.",
                replies: [{ author: "femi_oyelaran", after: "10m", body: "It is in Leeds." }],
              },
            ],
          },
        ],
      },
      {
        author: "lucia_del_prado",
        after: "14d",
        body: "I'm drafting a side note on this for my notebook, and your line about competence not being the same as safety is going to haunt it. The code that makes Tony kill César reads differently when you know what Dassin had just been through with people naming names. I'm trying not to overreach, but it's hard not to see.",
        replies: [
          {
            author: "femi_oyelaran",
            after: "4h",
            body: "Don't be afraid to reach a little. A few years after the blacklist, he made a film in which the man who talks is forgiven by nobody. You don't need to force it. It's there.",
            replies: [
              {
                author: "lucia_del_prado",
                after: "2h",
                body: "\"You don't need to force it\" is now written at the top of my draft.",
              },
            ],
          },
        ],
      },
    ],
  },
  {
    review: "mara_kowalczyk/double-indemnity",
    comments: [
      {
        author: "kenji_nakamura",
        after: "2h",
        body: "\"Annoyingly, right.\" I'm having that framed. And seven is a respectable score from someone who storyboards the blinds.",
        replies: [{ author: "mara_kowalczyk", after: "1h", body: "Don't get used to it." }],
      },
      {
        author: "ingrid_alvarado",
        after: "1d",
        body: "Your note on the depth in Keyes's office is exactly what I'd point a new projectionist to. On a big screen the layers are even clearer: you find yourself watching the door at the back more than the man at the desk.",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "3h",
            body: "That's exactly what I'd lose on a laptop, isn't it? Next time it's on at yours, I'm coming.",
            replies: [{ author: "ingrid_alvarado", after: "2h", body: "Third row. Bring the sketchpad." }],
          },
        ],
      },
    ],
  },
  {
    review: "samir_haddad/solaris",
    comments: [
      {
        author: "tobias_renner",
        after: "1d",
        body: "The paper strips in the vents! I'd forgotten them entirely. From my end that's a sound note as much as a set-dressing one: somebody on that station wanted the air to *rustle*. You've sent me back to it. I'll report.",
        replies: [
          {
            author: "samir_haddad",
            after: "5h",
            body: "Please do. I'd love to know what the station sounds like to someone who listens for a living.",
            replies: [
              {
                author: "tobias_renner",
                after: "6d 3h",
                body: "Reported, in a review of my own. The short version: it sounds like home played back through a failing speaker.",
              },
            ],
          },
        ],
      },
      {
        author: "lucia_del_prado",
        after: "5d",
        body: "For my project: *Solaris* took the Grand Prix Spécial du Jury at Cannes in 1972, the year the Palme was shared by two Italian political films. Strange to think of them in competition together. Theirs are films about the world outside; this one is about the inside of a head.",
        replies: [
          {
            author: "samir_haddad",
            after: "3h",
            body: "And the inside of this particular head is furnished like a library. I'd have given it the lot.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "12d 1h",
        body: "I tried, on your recommendation and Tobias's. My report is up. Short version: the library scene is beautiful and the motorway is a hostage situation.",
        replies: [
          {
            author: "samir_haddad",
            after: "3h",
            body: "A hostage situation in which the hostage, by the end, doesn't want to leave. That's the film, Kenji.",
            replies: [{ author: "kenji_nakamura", after: "1h", body: "Stockholm syndrome is not a recommendation." }],
          },
        ],
      },
    ],
  },
  {
    review: "kenji_nakamura/the-third-man",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "3h",
        body: "I'm closing our noir month with this in a couple of weeks, and your last paragraph has gone straight into my thinking. The walk down the avenue is exactly what I want people to carry home. I'm keeping the zither, though; you can't have everything.",
        replies: [
          {
            author: "kenji_nakamura",
            after: "1h",
            body: "I never asked for everything. I asked for one minute of silence during the avenue, which is what any sensible composer would have given us.",
            replies: [
              {
                author: "tobias_renner",
                after: "4h",
                body: "Speaking as the resident sound person: no. The zither carrying on while she walks past him is the cruellest thing in the film. The music doesn't care, and neither does she.",
                replies: [
                  {
                    author: "kenji_nakamura",
                    after: "2h",
                    body: "Outvoted again. I'm beginning to think this whole forum is a Tuesday screening with extra steps.",
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: "samir_haddad",
        after: "2d",
        body: "The sewers are the best production design in any noir: a second city under the first, lit like a cathedral, with water running through the nave. Harry spends the film above ground pretending to be dead, and dies in the one place that was built to carry things away. I'd like @tobias_renner's ears on the echo down there: from my sofa it sounds as big as it looks.",
      },
    ],
  },
  {
    review: "tobias_renner/solaris",
    comments: [
      {
        author: "samir_haddad",
        after: "3h",
        body: "I'm glad you heard the Bach moving further away each time it comes back. I'd noticed the repetition, never the *distance*. That's going to change how I watch the ending.",
        replies: [
          {
            author: "tobias_renner",
            after: "2h",
            body: "It's in the mix: each return is thinner and further back. Whether anyone planned it exactly that way I can't prove, but it's what the track does.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "1d",
        body: "A high seven is a six in a good coat.",
        replies: [
          {
            author: "tobias_renner",
            after: "1h",
            body: "It's a seven that hasn't heard the film in a proper room yet. Give me time.",
          },
        ],
      },
      {
        author: "mara_kowalczyk",
        after: "2d 4h",
        body: "I haven't seen it since art school, and this is the first review that makes me want to, mostly because you describe it as something to listen to rather than something to survive.",
      },
      {
        author: "samir_haddad",
        after: "3d 6h",
        body: "Eight! A 35mm print has done what I couldn't.",
        replies: [{ author: "tobias_renner", after: "30m", body: "You did the first half. The room did the rest." }],
      },
    ],
  },
  {
    review: "kenji_nakamura/spirited-away",
    comments: [
      {
        author: "mara_kowalczyk",
        after: "5h",
        body: `Tea made. Let me be precise back.

> The train ride is pretty and does nothing.

It does the most important thing in the film: it's the first journey Chihiro takes *by choice*. Everything before it happens to her. The tunnel, the pigs, the job, the stolen name. Then she asks nobody's permission and gets on a train that, Kamaji warns her, doesn't come back the way it used to. That's the hinge of the whole story, and Miyazaki gives it silence instead of a speech.

Cut it and you have a film about a girl things happen to.`,
        replies: [
          {
            author: "kenji_nakamura",
            after: "1h 30m",
            body: "I don't dispute what it *means*. I dispute how long it takes to mean it. A hinge is a small piece of metal. This one is five minutes of watercolour.",
            replies: [
              {
                author: "mara_kowalczyk",
                after: "40m",
                body: "It's under five minutes, I've timed it, and it isn't watercolour, it's *holding*. The hardest part of my job is persuading a director to leave a shot alone long enough for the audience to stop waiting for something and start feeling something. That's what the shadow passengers are for. By the third stop you've stopped asking where the plot went, which is exactly when she's ready to face Zeniba.",
                replies: [
                  {
                    author: "kenji_nakamura",
                    after: "2h",
                    body: "\"Stop waiting for something and start feeling something\" is a very elegant description of being bored.",
                    replies: [
                      {
                        author: "mara_kowalczyk",
                        after: "1h",
                        body: `No. Bored is when you stop paying attention. Nobody stops paying attention on that train: children go *completely* quiet during it, and I've watched three separate rooms full of them do it. You were bored because you'd decided an hour in that the story was over and only the paperwork was left.

Name your twenty minutes. Actual scenes. I'll wait.`,
                        edits: [
                          {
                            after: "2h 30m",
                            reason: "Counted properly: it was two cinemas and one living room",
                            body: `No. Bored is when you stop paying attention. Nobody stops paying attention on that train: children go *completely* quiet during it. I've watched it happen in two cinemas and one living room, the living room containing my niece, who does not go quiet for anything. You were bored because you'd decided an hour in that the story was over and only the paperwork was left.

Name your twenty minutes. Actual scenes. I'll wait.`,
                          },
                        ],
                        replies: [
                          {
                            author: "kenji_nakamura",
                            after: "3h",
                            body: `Gladly.

1. No-Face's rampage through the bathhouse, which makes its point in two minutes and keeps making it for six.
2. The train, which we've covered.
3. Zeniba's cottage: one more witch, introduced in the last half hour and settled over tea.
4. The baby turned into a mouse and the bird turned into a fly, which is charming and weighs nothing.

That's about twenty. What's left is a tight, frightening film about a child holding on to her name.`,
                            replies: [
                              {
                                author: "mara_kowalczyk",
                                after: "1h 30m",
                                body: `Thank you. Now look at what your cut takes out:

- **The rampage** is where No-Face learns he can't buy Chihiro. Without it, his stillness on the train means nothing.
- **Zeniba** is Yubaba's *twin*. The film's whole point about people is that the same face can hold a tyrant and a grandmother. You'd cut the second half of that sentence.
- **The mouse** is a baby who has never walked, and who walks all the way home and then stands up to his mother. That's a character arc told without a word.

Your twenty minutes is where everybody in the film changes, not just Chihiro. You'd be left with a tight film about a girl keeping her name, surrounded by cardboard.`,
                                replies: [
                                  {
                                    author: "kenji_nakamura",
                                    after: "4h",
                                    body: "The mouse standing up to Yubaba is a good gag. It isn't an arc. An arc needs more than a change of posture.",
                                    replies: [
                                      {
                                        author: "mara_kowalczyk",
                                        after: "50m",
                                        body: "An arc needs a character who wants something, is thwarted, and changes. The baby wants never to leave his room. He's shrunk, taken out into the world, walks until he can't, helps where he's needed, and comes home and *stands*. That's an arc. It's drawn rather than said. Which is my whole complaint about you and animation, Kenji: you only count what people say.",
                                        replies: [
                                          {
                                            author: "kenji_nakamura",
                                            after: "2h",
                                            body: `I count what's on screen and how long it stays there. But fine. I'll give you the mouse. I'll even give you the train, provisionally, because you've made me want to watch it again with a stopwatch in one hand and your list in the other.

I'm keeping Zeniba's cottage. Tea, knitting and a hair tie is not a third act.`,
                                            replies: [
                                              {
                                                author: "mara_kowalczyk",
                                                after: "1h",
                                                body: `A hair tie *her friends made for her*, which is the only thing from that world she's allowed to keep, and which catches the light in the last minutes when she seems to have forgotten everything else. It isn't a third act. It's the proof that the first two happened.

Four becomes what?`,
                                                replies: [
                                                  {
                                                    author: "kenji_nakamura",
                                                    after: "3h",
                                                    body: "Four becomes four and a half, which this site won't let me enter. Enjoy your moral victory.",
                                                    replies: [
                                                      {
                                                        author: "mara_kowalczyk",
                                                        after: "20m",
                                                        body: "Framed, and hung next to your \"annoyingly right\". My niece says the mouse would like a word.",
                                                      },
                                                    ],
                                                  },
                                                ],
                                              },
                                            ],
                                          },
                                        ],
                                      },
                                    ],
                                  },
                                ],
                              },
                              {
                                author: "samir_haddad",
                                after: "5h",
                                body: "Interrupting, as the person halfway through writing about the bathhouse as a machine: the train is the only stretch of the film where the machine is switched off. No boilers, no tokens, no Yubaba. Cut it and the film never stops working, and neither does Chihiro. I think she needs the end of a shift.",
                                replies: [
                                  {
                                    author: "kenji_nakamura",
                                    after: "2h",
                                    body: "Samir, you would defend any scene with a lonely figure standing on a platform. It's practically in your contract.",
                                    replies: [
                                      {
                                        author: "samir_haddad",
                                        after: "1h",
                                        body: "It is in my contract, and I'd like it noted that you haven't answered the point.",
                                      },
                                    ],
                                  },
                                ],
                              },
                            ],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: "ingrid_alvarado",
        after: "1d 2h",
        body: "I'm staying well out of this, except to say that the two of you have just written the best programme notes a double bill ever had. Possibly the longest, too.",
      },
    ],
  },
  {
    review: "samir_haddad/spirited-away",
    comments: [
      {
        author: "mara_kowalczyk",
        after: "2h",
        body: "Trespass welcome, always. \"The architecture *is* the class system\" is going on my studio wall. And you're right about the in-between spaces: half my favourite frames are Chihiro between rooms.",
        replies: [
          {
            author: "samir_haddad",
            after: "1h",
            body: "The outside staircase is the one I'd put on the poster. A tiny girl, an enormous building, and steps that look as if they'll give way under her.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "5h",
        body: "> I wanted another ten minutes in that world, which is precisely the opposite of what Kenji argued here\n\nI'd like it recorded that I have since conceded the mouse.",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "30m",
            body: "And the train. Provisionally. I have it in writing.",
            replies: [{ author: "kenji_nakamura", after: "1h", body: "\"Provisionally\" is doing a great deal of work in that sentence." }],
          },
        ],
      },
    ],
  },
  {
    review: "kenji_nakamura/solaris",
    comments: [
      {
        author: "samir_haddad",
        after: "2h",
        body: "\"Texture is not an alibi.\" No, and a stopwatch isn't a review. You made tea during the most important five minutes of the film and then complained that nobody had arrived anywhere. Nobody was *supposed* to arrive anywhere. That was the point you left the room for.",
        deletedAfter: "1d",
        replies: [
          {
            author: "kenji_nakamura",
            after: "40m",
            body: "A stopwatch isn't a review, agreed. It's a witness. And for the record, I was back with the tea before the motorway ended. It was still going.",
          },
          {
            author: "tobias_renner",
            after: "3h",
            body: "Both of you are right and both of you are being a bit much. The motorway is a great piece of sound and it is also five minutes long. Those two facts can share a room.",
          },
        ],
      },
      {
        author: "samir_haddad",
        after: "1d 3h",
        body: "I've deleted my earlier comment; it was sharper than it needed to be, and an honest review deserved better than a lecture. What I should have said: the motorway isn't meant to take you anywhere, it's meant to show you a man who has already left. You're allowed to find that tedious. I just think it's the moment the film tells you what kind of film it is.",
        replies: [
          {
            author: "kenji_nakamura",
            after: "3h",
            body: "Apology accepted, point half accepted. I still made the tea.",
            replies: [{ author: "samir_haddad", after: "1h", body: "Next time make two cups and I'll sit through it with you." }],
          },
        ],
      },
    ],
  },
  {
    review: "ingrid_alvarado/man-on-wire",
    comments: [
      {
        author: "femi_oyelaran",
        after: "6h 30m",
        body: "I'll save \"told you so\" for later. For now: I think you're right that the film is made in Petit's key, and wrong that it doesn't notice. Watch who Marsh cuts to while Philippe is describing the walk. It's nearly always someone who paid for it.",
        edits: [
          {
            after: "1d",
            reason: "Added a paragraph about Annie",
            body: `I'll save "told you so" for later. For now: I think you're right that the film is made in Petit's key, and wrong that it doesn't notice. Watch who Marsh cuts to while Philippe is describing the walk. It's nearly always someone who paid for it.

And watch Annie in particular. Philippe performs every answer; she thinks before she speaks, and Marsh lets her finish, which is more room than anyone gave her in 1974. The film knows whose story it is telling and whose it is borrowing.`,
          },
        ],
        replies: [
          {
            author: "ingrid_alvarado",
            after: "3h",
            body: "A fair hit. I'll go back to it this week with your note in mind, and report honestly either way.",
            replies: [{ author: "femi_oyelaran", after: "2h", body: "That's all I ask. Also: a six. Ingrid. A *six*." }],
          },
        ],
      },
      {
        author: "samir_haddad",
        after: "2d",
        body: "I'm halfway through writing about this as a space film, of all things, and your unease helps. The loneliness up on the wire is real. So is the loneliness of the people on the ground holding the ropes.",
      },
      {
        author: "femi_oyelaran",
        after: "3d 4h",
        body: "I said I'd say it, so: told you so. Kindly, though. \"Marsh isn't under the spell; he is showing us that everybody was\" is better than anything in my review.",
        replies: [{ author: "ingrid_alvarado", after: "1h", body: "Kindly received. The seven stands." }],
      },
    ],
  },
  {
    review: "mara_kowalczyk/anatomy-of-a-fall",
    comments: [
      {
        author: "lucia_del_prado",
        after: "3h",
        body: "The proper reply I promised. I think you're describing the film's method and calling it a flaw. The balance you can feel *is* the trial: two lawyers building equal and opposite stories out of the same handful of facts. The film puts you in the jury's chair, and the jury's chair is meant to be uncomfortable.",
        replies: [
          {
            author: "mara_kowalczyk",
            after: "1h",
            body: "But a jury's discomfort is about someone's actual future. Mine was a two-and-a-half-hour exercise. When the only stakes are the puzzle, you can see the balancing.",
            replies: [
              {
                author: "lucia_del_prado",
                after: "2h",
                body: "The stakes aren't the puzzle, though. They're Daniel. The whole last hour is a child deciding what he can live with believing about his parents. Nothing about that is balanced. It's terrifying.",
                replies: [
                  {
                    author: "mara_kowalczyk",
                    after: "4h",
                    body: "That's the best argument anyone has made to me about this film, and it's infuriating that it's yours, because your review was already the best one. I'll grant you Daniel. I'm keeping the zooms.",
                  },
                ],
              },
            ],
          },
        ],
      },
      {
        author: "femi_oyelaran",
        after: "1d",
        body: "I'm drafting something on the documentary side of this film, and your word \"mechanism\" keeps turning up in my notes. I'm not sure I agree with you, but I can't stop using it.",
        replies: [{ author: "mara_kowalczyk", after: "30m", body: "Use it freely. I'll want a footnote." }],
      },
      {
        author: "kenji_nakamura",
        after: "3d 3h",
        body: "I split the difference between you and Lucía and gave it a six. I'd like it noted that this is the first time I've been the moderate in any argument on this forum.",
        replies: [{ author: "mara_kowalczyk", after: "1h", body: "Noted, and deeply suspicious." }],
      },
    ],
  },
  {
    review: "lucia_del_prado/the-third-man",
    comments: [
      {
        author: "kenji_nakamura",
        after: "5h",
        body: "To answer your question: yes. If the zither ever stopped I'd miss it within four seconds. That doesn't mean I want it during the avenue. >!She walks straight past him and out of the frame, and the music keeps plucking away as if it's a nice afternoon in a café. It's the one moment I want silence, and the film refuses me.!< Which, I admit, is probably the point.",
        replies: [
          {
            author: "lucia_del_prado",
            after: "1h",
            body: "So the zither wins by refusing you. That's going in my notes.",
          },
        ],
      },
      {
        author: "ingrid_alvarado",
        after: "1d",
        body: "A lovely prequel entry. The frame tilting because the moral ground does is the clearest explanation of those angles I've come across, and I'd like to borrow it for my introduction on Tuesday, with credit.",
        replies: [{ author: "lucia_del_prado", after: "2h", body: "Please do! Credit optional; attendance certain." }],
      },
      {
        author: "hollis_greer",
        after: "2d 14h",
        body: "Is this a good one to watch after *Sunrise*? It keeps coming up when I ask people what to see next, so I've stopped reading here before I spoil anything.",
        replies: [
          {
            author: "lucia_del_prado",
            after: "1h",
            body: "Yes, and you stopped reading at exactly the right place. Go in knowing as little as you can. Keep an eye on the cat. Afterwards, read @kenji_nakamura's review and pick a side on the zither; everyone here has one.",
          },
        ],
      },
    ],
  },
  {
    review: "samir_haddad/the-conversation",
    comments: [
      {
        author: "tobias_renner",
        after: "4h",
        body: "That last pan, back and forth like a security camera, is the coldest camera movement I know. And you're right that the saxophone is the one sound he still controls. Lovely piece.",
      },
    ],
  },
  {
    review: "hollis_greer/sunrise",
    comments: [
      {
        author: "ingrid_alvarado",
        after: "1h",
        body: `Welcome, Hollis, and no, nine isn't too high. A few suggestions from the same years, in the order I'd show them:

- *The Crowd* (1928): a big city swallowing an ordinary man
- *City Lights* (1931), for the last scene alone
- *The Passion of Joan of Arc* (1928), when you're feeling brave

And for something with dialogue that leaves you feeling the same way, *Tokyo Story*. Read @femi_oyelaran's review of it first: no spoilers, and the gentlest way in.`,
        replies: [
          {
            author: "hollis_greer",
            after: "1h 50m",
            body: "Thank you so much! I've written all of these down. Is *The Crowd* sad? I have a feeling it's going to be sad.",
            replies: [{ author: "ingrid_alvarado", after: "1h", body: "Yes. Watch *City Lights* straight afterwards." }],
          },
        ],
      },
      {
        author: "tobias_renner",
        after: "3h",
        body: "Nine is a fine score. If you see it again, close your eyes for a minute during the city traffic. It went out with its music and a handful of sounds printed on the film, and the city noises are there on purpose.",
        replies: [
          {
            author: "hollis_greer",
            after: "1h",
            body: "I'll try that! I didn't know silent films could have sound effects at all.",
          },
        ],
      },
      {
        author: "kenji_nakamura",
        after: "5h",
        body: "Nine is too high, but you're allowed: everyone's first silent film deserves a nine. When you want the other end of the mood scale, try *Double Indemnity*. No pigs. Then ask @mara_kowalczyk about the shadows of the blinds, and keep the evening free.",
        replies: [{ author: "hollis_greer", after: "20m", body: "Noted. No pigs. Adding it to the list." }],
      },
      {
        author: "lucia_del_prado",
        after: "8h",
        body: "Welcome! If you'd like a way in, do what I'm doing and pick a list to work through. It makes choosing the next film easier, and you end up watching things you'd never have picked for yourself.",
      },
    ],
  },
];
