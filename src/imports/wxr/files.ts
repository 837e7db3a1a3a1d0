// The uploads of a WordPress site, read from a folder on this machine (never from the network):
// `--media-dir` is the uploads folder itself (holding 2024/05/photo.jpg) or a WordPress root that
// holds wp-content/uploads. An address names a file by what follows `wp-content/uploads/`; a
// resized copy (`photo-1024x683.jpg`) falls back to its original when that is there.
import { stat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportedImage } from '../core/types.ts';

const UPLOADS = 'wp-content/uploads/';
/** WordPress's resized copies: name-WIDTHxHEIGHT.ext (also the -scaled original of big images). */
const SIZED = /-(?:\d{1,5}x\d{1,5}|scaled)(\.[a-z0-9]{2,5})$/i;

/** Files of one uploads folder, by their path under it. */
export class UploadsFolder {
  private constructor(private readonly root: string) {}

  /** The uploads folder of `dir` (itself, or its wp-content/uploads); undefined without `dir`. */
  static async open(dir: string | undefined): Promise<UploadsFolder | undefined> {
    if (!dir) return undefined;
    const nested = path.resolve(dir, 'wp-content', 'uploads');
    const isNested = await stat(nested).then(
      (s) => s.isDirectory(),
      () => false,
    );
    return new UploadsFolder(isNested ? nested : path.resolve(dir));
  }

  /** The path under the uploads folder that an address or `_wp_attached_file` names, or undefined. */
  static relativeOf(address: string): string | undefined {
    let rest = address.trim();
    const at = rest.indexOf(UPLOADS);
    if (at !== -1) rest = rest.slice(at + UPLOADS.length);
    else if (/^[a-z][a-z0-9+.-]*:|^\//i.test(rest)) return undefined; // an address elsewhere
    rest = rest.split(/[?#]/, 1)[0]!;
    try {
      rest = decodeURIComponent(rest);
    } catch {
      return undefined;
    }
    const parts = rest.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.some((p) => p === '..' || p.includes('\\') || p.includes('\u0000')))
      return undefined;
    return parts.join('/');
  }

  /** The file an address names (its original when a resized copy is named), if it is there. */
  async find(address: string): Promise<ImportedImage | undefined> {
    const relative = UploadsFolder.relativeOf(address);
    if (!relative) return undefined;
    const original = relative.replace(SIZED, '$1');
    for (const candidate of original === relative ? [relative] : [original, relative]) {
      const found = await this.file(candidate);
      if (found) return found;
    }
    return undefined;
  }

  private async file(relative: string): Promise<ImportedImage | undefined> {
    const full = path.resolve(this.root, relative);
    // Never outside the folder, whatever the address said.
    if (!full.startsWith(this.root + path.sep)) return undefined;
    const info = await stat(full).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    return {
      sourceId: relative,
      version: `${info.size}-${Math.trunc(info.mtimeMs)}`,
      label: relative,
      read: () => readFile(full),
    };
  }
}
