// Old addresses in one canonical form, so a path a reader's browser asks for and a path an editor
// or an importer typed compare as equal text: each segment percent-decoded and encoded again the
// same way, no trailing slash, and only the query parameters that can decide where an old link
// leads (WordPress's `?p=`, Joomla's `option`/`view`/`id`, K2's `start` and `format` …), sorted.
// Everything else in a query (Joomla's `Itemid`, `utm_*`, click ids) is ignored.

/** Query parameters that can matter to an old link; any other is dropped before matching. */
export const KEPT_PARAMS: ReadonlySet<string> = new Set([
  // WordPress
  'p',
  'page_id',
  'attachment_id',
  'cat',
  'tag',
  'author',
  'm',
  'feed',
  // Joomla and K2
  'option',
  'view',
  'task',
  'layout',
  'id',
  'start',
  'limitstart',
  'format',
  'type',
  'lang',
]);

/** Longer request targets are never looked up (the answer stays a plain 404). */
export const MAX_URL_LENGTH = 2048;
/** The longest old path (with its query) a redirect row may hold. */
export const MAX_FROM_LENGTH = 1000;
/** The most query parameters read from one request; a longer query is matched by its path alone. */
const MAX_PARAMS = 20;

/** An address split into canonical parts. */
export interface OldAddress {
  /** The canonical path: '/' or '/a/b' (no trailing slash), segments encoded alike. */
  readonly path: string;
  /** The path's segments as they arrived (still percent-encoded), for parsers that need the raw form. */
  readonly rawSegments: readonly string[];
  /** The kept parameters, decoded, in sorted order. */
  readonly params: ReadonlyMap<string, string>;
  /** The canonical query of the kept parameters ('' when none). */
  readonly query: string;
}

// Characters RFC 3986 allows unescaped in a segment; encodeURIComponent escapes them, we do not.
const SEGMENT_SAFE = /%(21|24|26|27|28|29|2A|2B|2C|3A|3B|3D|40)/gi;

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(SEGMENT_SAFE, (escape) => decodeURIComponent(escape));
}

/** C0 controls (NUL, CR, LF …), DEL and C1 controls: never part of an address we answer. */
// eslint-disable-next-line no-control-regex -- control characters are what is refused
export const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function hasControl(text: string): boolean {
  // Broken UTF-8 (encoded surrogates included) already made decodeURIComponent throw.
  return CONTROL.test(text);
}

/**
 * Parses a request target or a typed old path ('/a/b?x=1'); undefined when it is not one we
 * would ever match: not starting with a single '/', too long, with a fragment, a control
 * character or an escape that does not decode to UTF-8.
 */
export function parseOldAddress(target: string): OldAddress | undefined {
  if (target.length === 0 || target.length > MAX_URL_LENGTH || target.charCodeAt(0) !== 0x2f) return undefined;
  if (target.startsWith('//') || target.includes('#') || target.includes('\\')) return undefined;
  const mark = target.indexOf('?');
  const rawPath = mark === -1 ? target : target.slice(0, mark);
  const rawQuery = mark === -1 ? '' : target.slice(mark + 1);
  const rawSegments = rawPath.split('/').slice(1);
  // A trailing slash (and the empty segments of '//' runs) say nothing about where a link leads.
  while (rawSegments.length > 0 && rawSegments[rawSegments.length - 1] === '') rawSegments.pop();
  const segments: string[] = [];
  for (const raw of rawSegments) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (hasControl(decoded)) return undefined;
    segments.push(encodeSegment(decoded));
  }
  const params = keptParams(rawQuery);
  if (!params) return undefined;
  const query = [...params].map(([name, value]) => `${name}=${encodeURIComponent(value)}`).join('&');
  return { path: `/${segments.join('/')}`, rawSegments, params, query };
}

/** The kept parameters of a raw query, sorted by name (the first value of each); undefined if undecodable. */
function keptParams(rawQuery: string): Map<string, string> | undefined {
  const kept = new Map<string, string>();
  if (rawQuery === '') return kept;
  const pairs = rawQuery.split('&');
  for (const pair of pairs.slice(0, MAX_PARAMS)) {
    const eq = pair.indexOf('=');
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent((eq === -1 ? pair : pair.slice(0, eq)).replace(/\+/g, ' '));
      value = eq === -1 ? '' : decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
    if (hasControl(value)) return undefined;
    if (KEPT_PARAMS.has(name) && !kept.has(name)) kept.set(name, value);
  }
  return new Map([...kept].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The address as stored in `redirects.from_path`: the canonical path, then its kept query. */
export function fromPathOf(address: OldAddress): string {
  return address.query === '' ? address.path : `${address.path}?${address.query}`;
}

/**
 * The stored forms a request may match, most specific first: with its kept query, then the
 * path alone (an old section's address still leads somewhere with `?start=20` on it).
 */
export function candidatesOf(address: OldAddress): string[] {
  return address.query === '' ? [address.path] : [fromPathOf(address), address.path];
}

/** The names of a typed address's query parameters that matching ignores. */
export function ignoredParams(target: string): string[] {
  const mark = target.indexOf('?');
  if (mark === -1) return [];
  const names = new Set<string>();
  for (const pair of target.slice(mark + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = eq === -1 ? pair : pair.slice(0, eq);
    if (!KEPT_PARAMS.has(name)) names.add(name);
  }
  return [...names];
}

/** The first segment of a canonical path ('' for '/'): an edition code, or anything else. */
export function firstSegmentOf(path: string): string {
  return path.split(/[/?]/, 2)[1] ?? '';
}
