// Concurrent misses for one key wait for one render: when a busy page expires, the first request
// renders it and the others are answered with what it stored, instead of each rendering it.

/** The first request's handle on its flight: finish it with what it stored, or with nothing. */
export interface Flight<T> {
  finish(result: T | undefined): void;
}

interface Running<T> {
  readonly waiters: Array<(result: T | undefined) => void>;
  readonly timer: NodeJS.Timeout;
}

/** Flights by key; bounded in waiters per key and in how long anyone waits. */
export class SingleFlight<T> {
  readonly #running = new Map<string, Running<T>>();

  constructor(private readonly limits: { maxWaiters: number; timeoutMs: number }) {}

  /** Starts a flight for a key when none runs; undefined when one does (then `wait` for it). */
  begin(key: string): Flight<T> | undefined {
    if (this.#running.has(key)) return undefined;
    // A render that hangs or is abandoned must not hold its waiters: they go and render themselves.
    const timer = setTimeout(() => this.#end(key, running, undefined), this.limits.timeoutMs);
    timer.unref();
    const running: Running<T> = { waiters: [], timer };
    this.#running.set(key, running);
    return { finish: (result) => this.#end(key, running, result) };
  }

  /**
   * The running flight's result for a key; undefined (render yourself) when none runs or it has
   * waiters enough. The promise resolves to undefined when the flight stored nothing or timed out.
   */
  wait(key: string): Promise<T | undefined> | undefined {
    const running = this.#running.get(key);
    if (!running || running.waiters.length >= this.limits.maxWaiters) return undefined;
    return new Promise((resolve) => running.waiters.push(resolve));
  }

  /** Ends every flight, its waiters rendering themselves (the app is closing). */
  close(): void {
    for (const [key, running] of this.#running) this.#end(key, running, undefined);
  }

  #end(key: string, running: Running<T>, result: T | undefined): void {
    // Only the flight that began may end it: a late finish after a timeout leaves a newer one alone.
    if (this.#running.get(key) !== running) return;
    this.#running.delete(key);
    clearTimeout(running.timer);
    for (const resolve of running.waiters) resolve(result);
  }
}
