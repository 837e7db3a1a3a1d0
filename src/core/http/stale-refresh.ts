// Stale-while-revalidate inside the process: a request for a page that expired a moment ago is
// answered with it at once, and one background request renders its successor through Fastify,
// so no reader waits for a render. The page cache decides what may be served stale; this module
// only runs the refreshes: one per key at a time, recognised by a per-process secret header.
import { randomBytes } from 'node:crypto';
import type { Flight, SingleFlight } from './single-flight.ts';

/** The header that marks a background refresh; its value is a secret of this process. */
export const REFRESH_HEADER = 'x-warta-page-refresh';

export interface StaleRefreshOptions<T> {
  /** The page cache's flights: a refresh is the key's one render, as a miss would be. */
  flights: SingleFlight<T>;
  /** Sends the refresh through the app (Fastify's inject) with these headers; resolves when answered. */
  render(url: string, headers: Record<string, string>): Promise<unknown>;
  now(): number;
  /** After a refresh that stored nothing, no other for this long (a failing page is not rendered per hit). */
  retryAfterMs: number;
  /** Keys waiting out a failure, at most (then forgotten wholesale: each costs one more render). */
  maxFailedKeys?: number;
  onError(error: unknown): void;
}

interface Running<T> {
  readonly flight: Flight<T>;
  stored: boolean;
}

/** Background renders of stale pages, at most one per key. */
export class StaleRefresh<T> {
  readonly #token = randomBytes(16).toString('base64url');
  readonly #running = new Map<string, Running<T>>();
  readonly #retryAt = new Map<string, number>();

  constructor(private readonly options: StaleRefreshOptions<T>) {}

  /**
   * Starts a background render of `url` for `key`, unless one (or a miss's render) runs for the
   * key or its last refresh failed less than `retryAfterMs` ago. `accept` picks the variant.
   */
  start(key: string, url: string, accept: string, now: number): void {
    if (this.#running.has(key) || (this.#retryAt.get(key) ?? 0) > now) return;
    const flight = this.options.flights.begin(key);
    if (!flight) return;
    const running: Running<T> = {
      stored: false,
      flight: {
        finish: (result) => {
          if (result !== undefined) running.stored = true;
          flight.finish(result);
        },
      },
    };
    this.#running.set(key, running);
    const headers = { accept, [REFRESH_HEADER]: this.#token };
    this.options
      .render(url, headers)
      .catch((error: unknown) => this.options.onError(error))
      .finally(() => {
        this.#running.delete(key);
        flight.finish(undefined); // a refresh that ended before storing must not hold the key's waiters
        if (running.stored) this.#retryAt.delete(key);
        else this.#rememberFailure(key, this.options.now());
      });
  }

  /** The flight of a refresh this process sent, for the request carrying it; undefined for any other request. */
  claim(key: string, headers: Readonly<Record<string, string | string[] | undefined>>): Flight<T> | undefined {
    return headers[REFRESH_HEADER] === this.#token ? this.#running.get(key)?.flight : undefined;
  }

  /** Whether a refresh of this key is under way. */
  isRunning(key: string): boolean {
    return this.#running.has(key);
  }

  #rememberFailure(key: string, now: number): void {
    if (this.#retryAt.size >= (this.options.maxFailedKeys ?? 1000)) this.#retryAt.clear();
    this.#retryAt.set(key, now + this.options.retryAfterMs);
  }
}
