// Seeded randomness for the benchmark archive: the same seed gives the same archive, so runs on
// different days measure the same data, and Zipf-like draws for words, tags and read counts.

/** A small seeded generator (mulberry32): fast, and good enough for made-up news. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** A heavy-tailed positive number: most near `median`, a few many times larger (log-normal). */
  logNormal(median: number, spread: number): number {
    // Box-Muller; 1 - next() keeps the logarithm finite.
    const z = Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
    return median * Math.exp(spread * z);
  }
}

/**
 * Draws ranks 0..size-1 with probability proportional to 1 / (rank + offset)^exponent (Zipf-
 * Mandelbrot), the shape of word and tag frequencies in real text. A lookup table of the inverse
 * distribution makes a draw one array read: the archive draws tens of millions of words.
 */
export class ZipfSampler {
  private readonly table: Uint32Array;

  constructor(size: number, exponent = 1.05, offset = 2.7, tableBits = 21) {
    const weights = new Float64Array(size);
    let total = 0;
    for (let r = 0; r < size; r++) total += weights[r] = 1 / (r + offset) ** exponent;
    this.table = new Uint32Array(1 << tableBits);
    // Each table slot holds the rank whose cumulative share covers the slot's middle.
    let rank = 0;
    let cumulative = weights[0]! / total;
    for (let i = 0; i < this.table.length; i++) {
      const at = (i + 0.5) / this.table.length;
      while (cumulative < at && rank < size - 1) cumulative += weights[++rank]! / total;
      this.table[i] = rank;
    }
  }

  /** A rank; low ranks are the common ones. */
  draw(random: Random): number {
    return this.table[Math.floor(random.next() * this.table.length)]!;
  }
}
