// Image files of a Joomla + K2 site on disk. An item's image is not in the database: it is
// media/k2/items/src/{md5("Image" + id)}.jpg, and when that original is gone, the largest of
// the resized copies K2 keeps in media/k2/items/cache/{hash}_XL.jpg (_L, _M, _S, _XS, _Generic).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ImportedImage } from '../core/types.ts';

/** The cache sizes K2 writes, best first. */
export const K2_CACHE_SIZES = ['XL', 'L', 'M', 'S', 'XS', 'Generic'] as const;

/** md5("Image" + id): the name K2 gives an item's image files. */
export function k2ImageHash(itemId: number): string {
  return createHash('md5').update(`Image${itemId}`).digest('hex');
}

/** The source id of an item's image (whichever file is found): the original's path. */
export function k2ImageSourceId(hash: string): string {
  return `media/k2/items/src/${hash}.jpg`;
}

/** The files that may hold an item's image, best first. */
export function k2ImageCandidates(hash: string): string[] {
  return [k2ImageSourceId(hash), ...K2_CACHE_SIZES.map((size) => `media/k2/items/cache/${hash}_${size}.jpg`)];
}

/** Image files under a Joomla root, found by their path relative to it. */
export class JoomlaFiles {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** An item's image: the original, else the largest cached copy; undefined when there is none. */
  async itemImage(itemId: number): Promise<ImportedImage | undefined> {
    return this.imageByHash(k2ImageHash(itemId));
  }

  private async imageByHash(hash: string): Promise<ImportedImage | undefined> {
    for (const relative of k2ImageCandidates(hash)) {
      const found = await this.file(relative, k2ImageSourceId(hash));
      if (found) return found;
    }
    return undefined;
  }

  /**
   * The image a body's address names (`images/…` or `media/k2/…`, relative, under the old
   * site's path, or absolute on its address), or undefined. A K2 item image, original or cached
   * copy, is the same image as the item's own (one media row).
   */
  async bodyImage(src: string, site: { baseUrl: string; basePath: string }): Promise<ImportedImage | undefined> {
    const relative = relativePath(src, site);
    if (!relative || !/^(?:images|media\/k2)\//.test(relative)) return undefined;
    const k2 = /^media\/k2\/items\/(?:src\/([0-9a-f]{32})\.jpg|cache\/([0-9a-f]{32})_[A-Za-z]+\.jpg)$/.exec(relative);
    if (k2) return this.imageByHash((k2[1] ?? k2[2])!);
    return this.file(relative, relative);
  }

  /** A regular file under the root (never outside it, links included), with its version. */
  private async file(relative: string, sourceId: string): Promise<ImportedImage | undefined> {
    const full = path.resolve(this.root, relative);
    if (!full.startsWith(this.root + path.sep)) return undefined;
    try {
      const real = await fs.realpath(full);
      const realRoot = await fs.realpath(this.root);
      if (!real.startsWith(realRoot + path.sep)) return undefined;
      const stat = await fs.stat(real);
      if (!stat.isFile()) return undefined;
      return {
        sourceId,
        version: `${stat.size}-${Math.trunc(stat.mtimeMs)}`,
        label: relative,
        read: () => fs.readFile(real),
      };
    } catch {
      return undefined;
    }
  }
}

/** A body's image address as a path under the Joomla root, or undefined (another site's, or broken). */
export function relativePath(src: string, site: { baseUrl: string; basePath: string }): string | undefined {
  let address = src.trim();
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(address)) {
    // Absolute: only the old site's own address.
    const base = site.baseUrl.replace(/\/+$/, '');
    if (!base || !(address === base || address.startsWith(`${base}/`))) return undefined;
    address = address.slice(base.length);
  } else if (address.startsWith('/')) {
    const prefix = site.basePath.replace(/\/+$/, '');
    if (prefix && (address === prefix || address.startsWith(`${prefix}/`))) address = address.slice(prefix.length);
  }
  address = address.replace(/[?#].*$/, '').replace(/^(?:\.\/|\/)+/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(address);
  } catch {
    return undefined;
  }
  if (!decoded || decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((part) => part === '..' || part === '.' || part === '')) return undefined;
  return decoded;
}
