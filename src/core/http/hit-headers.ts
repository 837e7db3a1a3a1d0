// The few request headers a page cache hit reads, taken from the raw header list. Node builds
// `req.headers` on first use (an object, every name lowercased, duplicates merged) for the five
// values a hit needs: with a benchmark's three headers, reading it (and copying the header list)
// took ~4 % of a bare node:http server's throughput, and a browser sends a dozen. Read here with
// the same merging rules, so a hit and a routed request see the same values.
import type { IncomingHttpHeaders } from 'node:http';

/** What the cache key and the choice of answer depend on. */
export type HitHeaders = Pick<
  IncomingHttpHeaders,
  'accept' | 'accept-encoding' | 'authorization' | 'cookie' | 'if-none-match'
>;

/**
 * The hit's headers from `req.rawHeaders` (name, value, name, value…). Duplicates merge as Node
 * merges them: cookies with "; ", list headers with ", ", and the first Authorization wins.
 */
export function hitHeadersOf(raw: readonly string[]): HitHeaders {
  let accept: string | undefined;
  let acceptEncoding: string | undefined;
  let authorization: string | undefined;
  let cookie: string | undefined;
  let ifNoneMatch: string | undefined;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!;
    const value = raw[i + 1]!;
    // By length first: most headers a browser sends are none of these and cost one comparison.
    switch (name.length) {
      case 6:
        if (isNamed(name, 'accept')) accept = accept === undefined ? value : `${accept}, ${value}`;
        else if (isNamed(name, 'cookie')) cookie = cookie === undefined ? value : `${cookie}; ${value}`;
        break;
      case 13:
        if (isNamed(name, 'authorization')) authorization ??= value;
        else if (isNamed(name, 'if-none-match'))
          ifNoneMatch = ifNoneMatch === undefined ? value : `${ifNoneMatch}, ${value}`;
        break;
      case 15:
        if (isNamed(name, 'accept-encoding'))
          acceptEncoding = acceptEncoding === undefined ? value : `${acceptEncoding}, ${value}`;
        break;
    }
  }
  return {
    accept,
    'accept-encoding': acceptEncoding,
    authorization,
    cookie,
    'if-none-match': ifNoneMatch,
  };
}

/** Whether a header name is this lowercase name, in any case. */
function isNamed(name: string, lower: string): boolean {
  return name === lower || name.toLowerCase() === lower;
}
