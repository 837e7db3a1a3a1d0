// Per-address limits of the reporting channel, in this process's memory only and never stored:
// forms sent per hour (a flood of reports or of messages), and codes that open nothing per
// quarter hour (guessing). An address is never held in the clear, not even here: it is known by
// an HMAC under a key made at random when the process starts and never written anywhere, so the
// map names nobody, and once the process is gone nothing links a count to an address. With
// several app processes each counts on its own (a limit of N per process).
export { AddressLimiter } from '../address-limiter.ts';

/**
 * Report forms and follow-up messages one address may send in an hour, counted whether or not
 * they are taken: a person fixing a mistake sends a form two or three times; an office behind one
 * address rarely sends more than a few reports an hour. A script is stopped at this many.
 */
export const SUBMISSIONS_PER_HOUR = 20;
export const SUBMISSION_WINDOW_MS = 3600_000;
/**
 * Codes that open nothing, per address per quarter hour: enough for a reporter mistyping theirs
 * a few times, while 100-bit codes make guessing hopeless anyway. Past it every code is refused
 * the same way, the right one too, so a guess that would have worked cannot be told apart.
 */
export const WRONG_CODES_PER_WINDOW = 10;
export const WRONG_CODE_WINDOW_MS = 15 * 60_000;
