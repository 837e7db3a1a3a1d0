// How long a player that lost its stream waits before it tries again: doubling from a few seconds,
// so a short drop comes back quickly and a station off air for the night is not hammered.

/** The first wait, in seconds. */
export const FIRST_RETRY_SECONDS = 3;
/** The longest wait, in seconds. */
export const MAX_RETRY_SECONDS = 60;

/** Seconds to wait before the retry that follows `failures` failed attempts in a row (1 or more). */
export function retryDelaySeconds(failures: number): number {
  const doublings = Number.isFinite(failures) ? Math.max(0, Math.floor(failures) - 1) : 0;
  return Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.min(doublings, 10));
}
