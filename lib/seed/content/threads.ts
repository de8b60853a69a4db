// The demo comment threads, and the one author who answers a badge note with STOP.
import * as theConversation from "./threads/the-conversation";
import * as sunrise from "./threads/sunrise";
import * as spiritedAway from "./threads/spirited-away";
import * as manOnWire from "./threads/man-on-wire";
import * as doubleIndemnity from "./threads/double-indemnity";
import * as tokyoStory from "./threads/tokyo-story";
import * as anatomyOfAFall from "./threads/anatomy-of-a-fall";
import * as rififi from "./threads/rififi";
import * as solaris from "./threads/solaris";
import * as theThirdMan from "./threads/the-third-man";
import type { SeedStop, SeedThread } from "./types";

export const SEED_STOPS: SeedStop[] = [
  // Ten upvotes in, Tobias wants no more noise under his reviews; his fiftieth, months later, comes quietly.
  { review: "tobias_renner/sunrise", badge: "upvotes-10", after: "2h" },
];

export const SEED_THREADS: SeedThread[] = [
  theConversation.tobiasRenner,
  sunrise.ingridAlvarado,
  spiritedAway.maraKowalczyk,
  sunrise.tobiasRenner,
  manOnWire.femiOyelaran,
  doubleIndemnity.kenjiNakamura,
  doubleIndemnity.ingridAlvarado,
  tokyoStory.femiOyelaran,
  tokyoStory.ingridAlvarado,
  sunrise.kenjiNakamura,
  anatomyOfAFall.luciaDelPrado,
  tokyoStory.kenjiNakamura,
  rififi.tobiasRenner,
  rififi.femiOyelaran,
  doubleIndemnity.maraKowalczyk,
  solaris.samirHaddad,
  theThirdMan.kenjiNakamura,
  solaris.tobiasRenner,
  spiritedAway.kenjiNakamura,
  spiritedAway.samirHaddad,
  solaris.kenjiNakamura,
  manOnWire.ingridAlvarado,
  anatomyOfAFall.maraKowalczyk,
  theThirdMan.luciaDelPrado,
  theConversation.samirHaddad,
  sunrise.hollisGreer,
];
