// Inline images of a stored body drawn like a story's photo: the sanitiser's
// `<img src="/media/KEY-960.jpg" alt="…" width height data-media-id="12">` becomes the <picture>
// of the image's stored sizes and formats, at render time, so an AVIF made later is offered too.
// Bodies are sanitised output of a known shape, so the images are found by one pattern, not by
// parsing the body: this runs on every uncached article and page view.
import type { Kysely } from 'kysely';
import type { Database } from '../core/db/schema.ts';
import { toImage, type Image } from './image.ts';
import { Picture } from './picture.tsx';

type Db = Kysely<Database>;

/** The images a body names, by media id: what `safeBodyImages` draws. */
export type BodyImages = ReadonlyMap<number, Image>;

/** How wide a story's (or a static page's) text column is drawn: at most 42rem (--measure). */
export const BODY_IMAGE_SIZES = '(min-width: 45rem) 42rem, 100vw';

/** Images looked up per body at most; any further ones keep their stored <img>. */
const MAX_BODY_IMAGES = 200;
/** The largest id an integer column holds (PostgreSQL's integer): a larger number names no image. */
const MAX_ID = 2_147_483_647;
const NONE: BodyImages = new Map();

/**
 * An inline image as the sanitiser writes it (core/text/sanitize.ts): src, alt, width, height,
 * data-media-id, then lang and dir, each value double-quoted and escaped (no `"`, `<` or `>`
 * inside). Anything else (no alt, another order, another tag) is left as stored.
 */
const BODY_IMAGE =
  /<img src="\/media\/([^"<>]+)" alt="([^"<>]*)"(?: width="\d{1,5}")?(?: height="\d{1,5}")? data-media-id="([1-9]\d{0,15})"((?: lang="[^"<>]*")?(?: dir="[^"<>]*")?)>/g;
/** A stored file's name under /media/: its key, then one size of one format. */
const STORED_FILE = /^(.+)-\d{1,5}\.(?:jpg|webp|avif)$/;
/** The character references the sanitiser writes in an attribute value, and nothing else. */
const ESCAPED_VALUE = /^(?:[^&]|&(?:amp|lt|gt|quot);)*$/;

/** The media ids of a body's inline images, each once; none (and no pattern run) without one. */
export function bodyImageIds(safeHtml: string): number[] {
  if (!safeHtml.includes('data-media-id')) return [];
  const ids = new Set<number>();
  for (const match of safeHtml.matchAll(BODY_IMAGE)) {
    const id = Number(match[3]);
    if (id <= MAX_ID) ids.add(id);
    if (ids.size === MAX_BODY_IMAGES) break;
  }
  return [...ids];
}

/**
 * The stored sizes and formats of a body's inline images, by media id: one query by primary key,
 * and none when the body has no inline image.
 */
export async function findBodyImages(db: Db, safeHtml: string): Promise<BodyImages> {
  const ids = bodyImageIds(safeHtml);
  if (ids.length === 0) return NONE;
  const rows = await db
    .selectFrom('media')
    .select(['id', 'storage_key', 'width', 'height', 'variants', 'formats'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, toImage(row)]));
}

/**
 * A stored body with each inline image whose media row was found drawn as a <picture> (AVIF when
 * made, WebP and JPEG at every stored width, lazy). An image whose row is gone, or whose address
 * is another image's files, keeps its stored <img>.
 */
export function safeBodyImages(safeHtml: string, images: BodyImages, sizes: string = BODY_IMAGE_SIZES): string {
  if (images.size === 0) return safeHtml;
  return safeHtml.replace(BODY_IMAGE, (tag: string, file: string, alt: string, id: string, language: string) => {
    const image = images.get(Number(id));
    // The address must be this row's files: a data-media-id edited to name another image would
    // otherwise swap the picture the editor saw for another one.
    if (!image || STORED_FILE.exec(file)?.[1] !== image.key || !ESCAPED_VALUE.test(alt)) return tag;
    const html = Picture({ image, alt: decodeAttribute(alt), sizes }) as string;
    // The language of the alt text stays on the <img> it describes (values kept as escaped).
    return language ? html.replace('<img ', `<img${language} `) : html;
  });
}

/** An attribute value as the sanitiser escapes it, read back (ESCAPED_VALUE holds). */
function decodeAttribute(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(amp|lt|gt|quot);/g, (_, name: string) =>
    name === 'amp' ? '&' : name === 'lt' ? '<' : name === 'gt' ? '>' : '"',
  );
}
