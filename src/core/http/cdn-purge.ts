// Tells a CDN in front of the site to drop what the page cache just dropped. Each public answer
// carries a Surrogate-Key header naming its group ("edition-en", or "site" for site-wide files,
// plus "all"); a purge requests the configured URL once per group, with `{key}` filled in and the
// key in a Surrogate-Key request header too (Fastly's /purge/{key}, Varnish xkey in VCL).
// Every process purges after dropping its own entries, so a CDN that refetches at once from
// another process never gets a page that process has not dropped yet.

/** What a purge covers, as the page cache's purge scopes say it. */
export type PurgeTarget = { editions: readonly string[] } | 'all';

export interface CdnPurgeOptions {
  /** A URL template with `{key}`, e.g. `http://varnish:6081/purge/{key}`. */
  urlTemplate: string;
  /** PURGE for Varnish-style caches, POST for most CDN APIs. */
  method: string;
  /** A purge request that takes longer is abandoned (and logged). */
  timeoutMs: number;
  /** Failures are logged, never thrown: content changes must not fail because a CDN is down. */
  onError(message: string, details: Record<string, unknown>): void;
}

/** The surrogate keys of an answer under a first path segment. */
export function surrogateKeysOf(segment: string, isEdition: (segment: string) => boolean): string {
  return `all ${isEdition(segment) ? `edition-${segment}` : 'site'}`;
}

/** The keys a purge scope covers: an edition's pages and the site-wide files that list its stories. */
export function purgeKeysOf(target: PurgeTarget): string[] {
  if (target === 'all') return ['all'];
  return [...target.editions.map((code) => `edition-${code}`), 'site'];
}

/** Sends purges to a CDN; `settled()` waits for those in flight (the app's close). */
export class CdnPurger {
  readonly #inFlight = new Set<Promise<void>>();

  constructor(private readonly options: CdnPurgeOptions) {}

  /** Starts the purge requests for a scope; returns at once. */
  purge(target: PurgeTarget): void {
    for (const key of purgeKeysOf(target)) {
      const request = this.#send(key).finally(() => this.#inFlight.delete(request));
      this.#inFlight.add(request);
    }
  }

  async settled(): Promise<void> {
    await Promise.all([...this.#inFlight]);
  }

  async #send(key: string): Promise<void> {
    // The URL may hold a token: the logs name the key and method only.
    const url = this.options.urlTemplate.replaceAll('{key}', encodeURIComponent(key));
    try {
      const res = await fetch(url, {
        method: this.options.method,
        headers: { 'surrogate-key': key },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      await res.arrayBuffer(); // lets the connection be reused
      if (!res.ok) this.options.onError('CDN purge refused', { key, method: this.options.method, status: res.status });
    } catch (error) {
      const reason = error instanceof Error ? error.name : 'Error';
      this.options.onError('CDN purge failed', { key, method: this.options.method, reason });
    }
  }
}
