// A small in-process semaphore: at most `limit` tasks run at once, the others wait in turn, and
// a bounded number may wait. Image work holds one slot per picture, so ten large uploads at once
// decode two at a time instead of ten (memory), and libuv's four threads are never all busy with
// images (file reads, DNS and password hashing share them).

/** Runs tasks at most `limit` at a time, in the order they came. */
export class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param limit tasks at once
   * @param maxWaiting tasks that may wait; one more is refused with the error `whenFull` makes
   */
  constructor(
    readonly limit: number,
    private readonly maxWaiting: number,
    private readonly whenFull: () => Error,
  ) {}

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a slot is free; throws `whenFull()` at once when too many wait already. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw this.whenFull();
      // The slot is handed over by release(), so `running` never drops and rises again in between.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }
}
