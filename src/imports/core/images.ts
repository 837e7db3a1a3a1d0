// Images of an import through the media pipeline (ingestImage: type from the bytes, sizes,
// metadata stripped), each source file once per edition (its 'image' link), and the inline
// images of a body pointed at the imported media the way the editor writes them.
import { imageUrl, ingestImage, toImage } from '../../media/index.ts';
import { findLink, recordLink } from './ledger.ts';
import type { ImportRun } from './run.ts';
import type { ImportedImage } from './types.ts';

/** What the body's `<img>` needs of an imported image. */
interface BodyImage {
  readonly id: number;
  readonly src: string;
  readonly width: number;
  readonly height: number;
}

/**
 * The media id of a source image, importing it when it is new or changed at the source; undefined
 * (with a warning) when the file cannot be read or is not an image the pipeline takes. In a dry
 * run nothing is read or written: a known image answers its id, a new one 0.
 */
export async function importImage(run: ImportRun, image: ImportedImage, ownerId: string): Promise<number | undefined> {
  return (await importBodyImage(run, image, ownerId))?.id;
}

async function importBodyImage(run: ImportRun, image: ImportedImage, ownerId: string): Promise<BodyImage | undefined> {
  const link = await findLink(run.w.db, run.scope, 'image', image.sourceId);
  const row = link
    ? await run.w.db
        .selectFrom('media')
        .select(['id', 'storage_key', 'width', 'height', 'variants'])
        .where('id', '=', link.targetId)
        .executeTakeFirst()
    : undefined;
  if (row && link!.sourceHash === image.version) {
    run.countOnce('image', image.sourceId, 'unchanged');
    return bodyImageOf(row);
  }
  if (run.isDryRun) {
    run.countOnce('image', image.sourceId, row ? 'updated' : 'created');
    return row ? bodyImageOf(row) : { id: 0, src: '', width: 0, height: 0 };
  }
  let bytes: Buffer;
  try {
    bytes = await image.read();
  } catch (error) {
    run.warn(ownerId, `image ${image.label} cannot be read: ${messageOf(error)}`);
    return row ? bodyImageOf(row) : undefined;
  }
  try {
    const media = await ingestImage(run.w, run.dataDir, bytes, { uploadedBy: null });
    await recordLink(
      run.w.db,
      run.scope,
      'image',
      image.sourceId,
      { targetId: media.id, sourceHash: image.version },
      run.now,
    );
    run.countOnce('image', image.sourceId, row ? 'updated' : 'created');
    return bodyImageOf(media);
  } catch (error) {
    run.warn(ownerId, `image ${image.label} was not imported: ${messageOf(error)}`);
    return row ? bodyImageOf(row) : undefined;
  }
}

function bodyImageOf(row: {
  id: number;
  storage_key: string;
  width: number;
  height: number;
  variants: string;
}): BodyImage {
  const image = toImage(row);
  // The smallest stored size, as the editor inserts it; pages draw the <picture> from the id.
  const width = image.widths[0] ?? image.width;
  return {
    id: row.id,
    src: imageUrl(image, width),
    width,
    height: Math.max(1, Math.round((image.height * width) / image.width)),
  };
}

const IMG_TAG = /<img\b([^>]*)>/gi;

/** An attribute's value in a tag's attribute text, undefined when absent. */
function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(String.raw`(?:^|\s)${name}\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))`, 'i').exec(attributes);
  return match ? (match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Entities a typed address or alt text holds, read back as characters. */
const unescapeAttribute = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/**
 * Rewrites a body's `<img>` tags whose address the source resolves to imported media
 * (`<img src="/media/KEY-480.jpg" alt width height data-media-id>`); an image the source does
 * not have is reported and left for the sanitiser, which drops images from elsewhere.
 */
export async function rewriteInlineImages(run: ImportRun, html: string, ownerId: string): Promise<string> {
  const tags = [...html.matchAll(IMG_TAG)];
  if (tags.length === 0) return html;
  let out = '';
  let last = 0;
  for (const tag of tags) {
    const attributes = tag[1]!;
    const src = unescapeAttribute(attribute(attributes, 'src') ?? '').trim();
    const alt = unescapeAttribute(attribute(attributes, 'alt') ?? '')
      .trim()
      .slice(0, 500);
    let replacement = tag[0];
    const image = src ? await run.source.resolveImage(src) : undefined;
    if (!image) {
      run.warn(ownerId, `inline image ${src || '(no address)'} was not found at the source and is left out`);
    } else {
      const found = await importBodyImage(run, image, ownerId);
      if (found)
        replacement = `<img src="${found.src}" alt="${escapeAttribute(alt)}" width="${found.width}" height="${found.height}" data-media-id="${found.id}">`;
    }
    out += html.slice(last, tag.index) + replacement;
    last = tag.index! + tag[0].length;
  }
  return out + html.slice(last);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
