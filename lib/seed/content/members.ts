// The demo members: who they are and when they joined. Data only; lib/seed/members.ts signs them up.

export type DemoUser = {
  username: string;
  name: string;
  bio: string;
  role?: "member" | "moderator" | "admin";
  joinedDaysAgo: number;
  /** A picture of their own (a file in lib/seed/assets), uploaded this long after joining ("1d 2h"). */
  avatar?: { file: string; after: string };
};

// Original demo members; later parts of the seed give them reviews, comments and votes.
export const DEMO_USERS: DemoUser[] = [
  {
    username: "ingrid_alvarado",
    name: "Ingrid Alvarado",
    bio: "Runs a Tuesday repertory night in a converted print shop. Writes long about short films and short about long ones.",
    role: "admin",
    joinedDaysAgo: 412,
  },
  {
    username: "tobias_renner",
    name: "Tobias Renner",
    bio: "Sound editor by day. Notices the room tone before the dialogue. Fond of Cold War thrillers and anything shot on 16mm.",
    role: "moderator",
    joinedDaysAgo: 380,
  },
  {
    username: "mara_kowalczyk",
    name: "Mara Kowalczyk",
    bio: "Animation obsessive and occasional storyboard artist. Scores generously, argues fiercely.",
    joinedDaysAgo: 301,
    avatar: { file: "mara_kowalczyk.png", after: "1d 2h" },
  },
  {
    username: "femi_oyelaran",
    name: "Femi Oyelaran",
    bio: "Lagos-born, Leeds-based. Documentaries, slow cinema and the occasional heist picture for balance.",
    joinedDaysAgo: 254,
  },
  {
    username: "kenji_nakamura",
    name: "Kenji Nakamura",
    bio: "Collects festival lanyards and noir paperbacks. Believes every film is twelve minutes too long, except the ones that are not.",
    joinedDaysAgo: 190,
  },
  {
    username: "lucia_del_prado",
    name: "Lucía del Prado",
    bio: "Film history student. Currently working through every Palme d'Or winner in order, with notes.",
    joinedDaysAgo: 122,
  },
  {
    username: "samir_haddad",
    name: "Samir Haddad",
    bio: "Watches science fiction for the production design and stays for the loneliness.",
    joinedDaysAgo: 64,
    avatar: { file: "samir_haddad.jpg", after: "5h" },
  },
  {
    username: "hollis_greer",
    name: "Hollis Greer",
    bio: "New here. Saw a revival screening last month and have not stopped thinking about it.",
    joinedDaysAgo: 2,
  },
];
