// Byte sizes of stored media files, for RSS enclosures. A file never changes under its name,
// so a size, once read, is kept (up to a bound).
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Returns a lookup from a media URL path (/media/…) to the file's size in bytes, 0 when unknown. */
export function createFileSizes(mediaDir: string, maxEntries = 10_000): (urlPath: string) => Promise<number> {
  const known = new Map<string, number>();
  return async (urlPath) => {
    // Only the file name is used, so a path can never leave the media directory.
    const name = path.basename(urlPath);
    const cached = known.get(name);
    if (cached !== undefined) return cached;
    try {
      const { size } = await fs.stat(path.join(mediaDir, name));
      if (known.size >= maxEntries) known.delete(known.keys().next().value!);
      known.set(name, size);
      return size;
    } catch {
      // Missing on this host (shared storage lagging): say "unknown" and look again next time.
      return 0;
    }
  };
}
