// The addresses Joomla 3 + K2 gave items, categories, tags and authors, read back into what they
// name: which imported site (by its old path prefix), which kind of record and which K2 id, and
// whether a page of a list (`?start=N`) or a feed (`?format=feed&type=rss|atom`) was asked for.
// K2 finds an item by its numeric id and ignores the alias after it, and so do we.
//
//   {base}[/index.php]/component/k2/item/{id}-{alias}
//   {base}[/index.php]/{menu path}/item/{id}-{alias}
//   {base}[/index.php]/component/k2/itemlist/category/{id}-{alias}   (also after a menu path)
//   {base}[/index.php]/component/k2/itemlist/tag/{name}
//   {base}[/index.php]/component/k2/itemlist/user/{id}-{name}
//   {base}[/index.php]?option=com_k2&view=item&id={id}[:alias]         (Joomla without SEF URLs)
//   {base}[/index.php]?option=com_k2&view=itemlist&task=category|user&id={id} / task=tag&tag={name}
import type { OldAddress } from './paths.ts';

/** An imported K2 site: its edition and its old path prefix ('' or '/indonesian'). */
export interface K2Site {
  readonly edition: string;
  readonly basePath: string;
}

export type K2Kind = 'item' | 'category' | 'tag' | 'user';

/** What an old K2 address names. */
export interface K2Address {
  readonly edition: string;
  readonly kind: K2Kind;
  /** The id as `import_links.source_id` holds it: digits, or a tag's name lower-cased. */
  readonly sourceId: string;
  /** `?start=N` (or `limitstart`): the offset of the first item of a list page. */
  readonly start: number;
  /** `?format=feed` (or a `.feed` suffix): the feed type asked for. */
  readonly feed: 'rss' | 'atom' | undefined;
}

/** A K2 id: digits, then the end, '-' or ':' (the alias) or a '.' (a SEF suffix such as .html). */
const ID = /^(\d{1,12})(?:$|[-:.])/;
/** The largest `start` read; past it the list's first page is meant. */
const MAX_START = 10_000_000;

/** Reads a K2 address under the longest base path of `sites` that prefixes it; undefined if none. */
export function parseK2Address(address: OldAddress, sites: readonly K2Site[]): K2Address | undefined {
  const site = siteOf(address.rawSegments, sites);
  if (!site) return undefined;
  const rest = address.rawSegments.slice(baseSegments(site.basePath).length);
  const named = fromPath(rest) ?? fromQuery(rest, address.params);
  if (!named) return undefined;
  const { kind, sourceId, feedSuffix } = named;
  return {
    edition: site.edition,
    kind,
    sourceId,
    start: startOf(address.params),
    feed: feedSuffix
      ? feedType(address.params)
      : address.params.get('format') === 'feed'
        ? feedType(address.params)
        : undefined,
  };
}

/** The site whose base path is the longest segment-wise prefix of the path. */
function siteOf(segments: readonly string[], sites: readonly K2Site[]): K2Site | undefined {
  let best: K2Site | undefined;
  let bestLength = -1;
  for (const site of sites) {
    const base = baseSegments(site.basePath);
    if (base.length <= bestLength || base.length > segments.length) continue;
    if (base.every((segment, i) => segment === segments[i])) {
      best = site;
      bestLength = base.length;
    }
  }
  return best;
}

function baseSegments(basePath: string): string[] {
  return basePath.split('/').filter((s) => s !== '');
}

interface Named {
  readonly kind: K2Kind;
  readonly sourceId: string;
  /** The last segment ended in `.feed` (Joomla's "add suffix to URL" for format=feed). */
  readonly feedSuffix: boolean;
}

/** The SEF forms: the K2 part is the last two (item) or three (itemlist) segments. */
function fromPath(rest: readonly string[]): Named | undefined {
  const n = rest.length;
  if (n >= 2 && lower(rest[n - 2]) === 'item') return idNamed('item', rest[n - 1]!);
  if (n >= 3 && lower(rest[n - 3]) === 'itemlist') {
    const task = lower(rest[n - 2]);
    if (task === 'category' || task === 'user') return idNamed(task, rest[n - 1]!);
    if (task === 'tag') {
      const raw = rest[n - 1]!.replace(/\.feed$/i, '');
      const name = decodeName(raw);
      if (name === undefined || name.trim() === '') return undefined;
      // As the K2 importer links a tag: its name trimmed, in lower case.
      return { kind: 'tag', sourceId: name.trim().toLowerCase(), feedSuffix: raw !== rest[n - 1] };
    }
  }
  return undefined;
}

/** Joomla without SEF URLs: `{base}/` or `{base}/index.php` with the record in the query. */
function fromQuery(rest: readonly string[], params: ReadonlyMap<string, string>): Named | undefined {
  if (rest.length > 1 || (rest.length === 1 && lower(rest[0]) !== 'index.php')) return undefined;
  if (lower(params.get('option')) !== 'com_k2') return undefined;
  const view = lower(params.get('view'));
  const task = lower(params.get('task'));
  const id = params.get('id') ?? '';
  if (view === 'item') return idNamed('item', id);
  if (view !== 'itemlist') return undefined;
  if (task === 'category' || task === 'user') return idNamed(task, id);
  const tag = params.get('tag');
  if (task === 'tag' && tag !== undefined && tag.trim() !== '') {
    return { kind: 'tag', sourceId: tag.trim().toLowerCase(), feedSuffix: false };
  }
  return undefined;
}

function idNamed(kind: K2Kind, segment: string): Named | undefined {
  const match = ID.exec(segment);
  if (!match) return undefined;
  const id = Number(match[1]);
  if (id < 1) return undefined;
  return { kind, sourceId: String(id), feedSuffix: /\.feed$/i.test(segment) };
}

/** A tag name from its raw segment: PHP's urlencode wrote a space as '+'. */
function decodeName(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, '%20'));
  } catch {
    return undefined;
  }
}

function lower(value: string | undefined): string {
  return (value ?? '').toLowerCase();
}

function startOf(params: ReadonlyMap<string, string>): number {
  const raw = params.get('start') ?? params.get('limitstart') ?? '';
  if (!/^\d{1,9}$/.test(raw)) return 0;
  const start = Number(raw);
  return start > MAX_START ? 0 : start;
}

function feedType(params: ReadonlyMap<string, string>): 'rss' | 'atom' {
  return lower(params.get('type')) === 'atom' ? 'atom' : 'rss';
}
