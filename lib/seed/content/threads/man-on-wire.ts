// The demo discussion under the reviews of Man on Wire (2008). Data only (lib/seed/content/types.ts).
import type { SeedThread } from "../types";

export const femiOyelaran: SeedThread = {
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
};

export const ingridAlvarado: SeedThread = {
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
          bodyEdits: [
            {
              after: "it.",
              insert: `

And watch Annie in particular. Philippe performs every answer; she thinks before she speaks, and Marsh lets her finish, which is more room than anyone gave her in 1974. The film knows whose story it is telling and whose it is borrowing.`,
            },
          ],
        },
      ],
      replies: [
        {
          author: "ingrid_alvarado",
          after: "3h",
          body: "A fair hit. I'll go back to it this week with your note in mind, and report honestly either way.",
          replies: [
            { author: "femi_oyelaran", after: "2h", body: "That's all I ask. Also: a six. Ingrid. A *six*." },
          ],
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
      replies: [
        { author: "ingrid_alvarado", after: "1h", body: "Kindly received. The seven stands." },
      ],
    },
  ],
};
