// Reads a WordPress eXtended RSS export (WXR 1.0–1.2) into plain records: the site, its authors,
// categories (with their parents), tags, and items (posts, pages, attachments) with their meta.
// The whole file is checked first: a file that is not well-formed XML, declares a DOCTYPE (entity
// expansion) or is not a WordPress export is refused with a clear message, before anything is written.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A WXR file that cannot be imported; nothing was written. */
export class WxrError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WxrError';
  }
}

export interface WxrAuthor {
  readonly login: string;
  readonly email: string;
  readonly displayName: string;
}

export interface WxrCategory {
  /** `wp:category_nicename`: what items and children name it by. */
  readonly slug: string;
  readonly name: string;
  readonly parentSlug: string | null;
  readonly description: string;
}

export interface WxrTag {
  readonly slug: string;
  readonly name: string;
}

/** A term on an item: `<category domain="category|post_tag" nicename="…">Name</category>`. */
export interface WxrTerm {
  readonly domain: string;
  readonly slug: string;
  readonly name: string;
}

export interface WxrItem {
  readonly id: string;
  readonly type: string;
  readonly status: string;
  readonly title: string;
  /** The item's permalink as exported (absolute). */
  readonly link: string;
  readonly creator: string;
  readonly content: string;
  readonly excerpt: string;
  readonly slug: string;
  readonly parentId: string;
  readonly menuOrder: number;
  readonly isSticky: boolean;
  /** UTC dates as WordPress wrote them ('2024-05-01 02:00:00'), '' or all zeros when none. */
  readonly dateGmt: string;
  readonly date: string;
  readonly modifiedGmt: string;
  readonly terms: readonly WxrTerm[];
  readonly meta: ReadonlyMap<string, string>;
  readonly attachmentUrl: string;
}

export interface WxrDocument {
  readonly title: string;
  /** When the file was exported (the channel's pubDate), if it says. */
  readonly exportedAt: Date | null;
  /** The blog's address (`wp:base_blog_url`, else the channel's link). */
  readonly blogUrl: string;
  readonly authors: readonly WxrAuthor[];
  readonly categories: readonly WxrCategory[];
  readonly tags: readonly WxrTag[];
  readonly items: readonly WxrItem[];
}

const LISTS = new Set(['rss.channel.item', 'rss.channel.wp:author', 'rss.channel.wp:category', 'rss.channel.wp:tag']);
const ITEM_LISTS = new Set(['category', 'wp:postmeta']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Every value as the text it is: '0012' stays '0012', '1e3' is not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (_name, jpath) => {
    const path = String(jpath);
    if (LISTS.has(path)) return true;
    const last = path.split('.').pop() ?? '';
    return path.startsWith('rss.channel.item.') && path.split('.').length === 4 && ITEM_LISTS.has(last);
  },
});

type Node = Record<string, unknown>;

/** The text of a parsed value ('' for none; a node with attributes gives its text). */
function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && '#text' in (value as Node)) return text((value as Node)['#text']);
  return '';
}

function nodes(value: unknown): Node[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is Node => typeof v === 'object' && v !== null);
}

/** Parses a WXR file's text; throws WxrError with the reason when it cannot be imported. */
export function parseWxr(xml: string): WxrDocument {
  if (xml.includes('\u0000')) throw new WxrError('the file holds a NUL character: it is not a WXR export');
  if (/<!DOCTYPE/i.test(xml.slice(0, 4096))) {
    throw new WxrError('the file declares a DOCTYPE, which a WordPress export never does: refused');
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new WxrError(`the file is not well-formed XML: ${msg} (line ${line}, column ${col})`);
  }
  const root = parser.parse(xml) as Node;
  const channel = (root.rss as Node | undefined)?.channel as Node | undefined;
  if (!channel || typeof channel !== 'object') throw new WxrError('the file is not an RSS document with a <channel>');
  const version = text(channel['wp:wxr_version']);
  if (!/^1\.[0-2]$/.test(version)) {
    throw new WxrError(
      version
        ? `WXR version ${version} is not one this importer reads (1.0 to 1.2)`
        : 'the file has no <wp:wxr_version>: it is not a WordPress export',
    );
  }
  return {
    title: text(channel.title),
    exportedAt: rfc822(text(channel.pubDate)),
    blogUrl: text(channel['wp:base_blog_url']) || text(channel.link),
    authors: nodes(channel['wp:author']).map((a) => ({
      login: text(a['wp:author_login']),
      email: text(a['wp:author_email']),
      displayName: text(a['wp:author_display_name']) || text(a['wp:author_login']),
    })),
    categories: nodes(channel['wp:category']).map((c) => ({
      slug: text(c['wp:category_nicename']),
      name: text(c['wp:cat_name']),
      parentSlug: text(c['wp:category_parent']) || null,
      description: text(c['wp:category_description']),
    })),
    tags: nodes(channel['wp:tag']).map((t) => ({ slug: text(t['wp:tag_slug']), name: text(t['wp:tag_name']) })),
    items: nodes(channel.item).map(toItem),
  };
}

function toItem(item: Node): WxrItem {
  const meta = new Map<string, string>();
  for (const m of nodes(item['wp:postmeta'])) meta.set(text(m['wp:meta_key']), text(m['wp:meta_value']));
  return {
    id: text(item['wp:post_id']),
    type: text(item['wp:post_type']),
    status: text(item['wp:status']),
    title: text(item.title),
    link: text(item.link),
    creator: text(item['dc:creator']),
    content: text(item['content:encoded']),
    excerpt: text(item['excerpt:encoded']),
    slug: text(item['wp:post_name']),
    parentId: text(item['wp:post_parent']) || '0',
    menuOrder: Number.parseInt(text(item['wp:menu_order']), 10) || 0,
    isSticky: text(item['wp:is_sticky']) === '1',
    dateGmt: text(item['wp:post_date_gmt']),
    date: text(item['wp:post_date']),
    modifiedGmt: text(item['wp:post_modified_gmt']),
    terms: nodes(item.category).map((c) => ({
      domain: text(c['@_domain']),
      slug: text(c['@_nicename']),
      name: text(c),
    })),
    meta,
    attachmentUrl: text(item['wp:attachment_url']),
  };
}

function rfc822(value: string): Date | null {
  const time = value ? Date.parse(value) : Number.NaN;
  return Number.isNaN(time) ? null : new Date(time);
}

/** A WordPress UTC date ('2024-05-01 02:00:00') as a Date; null for none or all zeros. */
export function wpDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!match || match[1] === '0000') return null;
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}
