// The report form's proof-of-work: signed challenges a browser solves, or waits out without JavaScript.
export {
  ChallengeKeeper,
  challengeKey,
  CHALLENGE_LIFETIME_MS,
  NO_SCRIPT_WAIT_MS,
  POW_MAX_NUMBER,
  type Challenge,
  type ChallengeOutcome,
} from './challenge.ts';
