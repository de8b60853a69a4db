// The demo reviews, oldest first: the seed dates each from its place in this list (lib/seed/reviews.ts).
import * as theConversation from "./reviews/the-conversation";
import * as sunrise from "./reviews/sunrise";
import * as spiritedAway from "./reviews/spirited-away";
import * as manOnWire from "./reviews/man-on-wire";
import * as doubleIndemnity from "./reviews/double-indemnity";
import * as tokyoStory from "./reviews/tokyo-story";
import * as anatomyOfAFall from "./reviews/anatomy-of-a-fall";
import * as rififi from "./reviews/rififi";
import * as solaris from "./reviews/solaris";
import * as theThirdMan from "./reviews/the-third-man";
import type { SeedReview } from "./types";

export const SEED_REVIEWS: SeedReview[] = [
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
  theConversation.luciaDelPrado,
  rififi.tobiasRenner,
  rififi.femiOyelaran,
  doubleIndemnity.maraKowalczyk,
  solaris.samirHaddad,
  theThirdMan.kenjiNakamura,
  solaris.tobiasRenner,
  spiritedAway.kenjiNakamura,
  spiritedAway.samirHaddad,
  rififi.luciaDelPrado,
  solaris.kenjiNakamura,
  manOnWire.ingridAlvarado,
  theThirdMan.ingridAlvarado,
  manOnWire.samirHaddad,
  anatomyOfAFall.maraKowalczyk,
  anatomyOfAFall.femiOyelaran,
  theThirdMan.luciaDelPrado,
  theConversation.samirHaddad,
  sunrise.hollisGreer,
  anatomyOfAFall.kenjiNakamura,
];
