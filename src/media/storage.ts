// Where media files live, behind one small interface: a directory on local disk today (shared
// between hosts as a network mount, see README), so that an object store (S3 and the like) can
// be added as a second implementation without touching the code that stores or copies images.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A flat store of immutable files named by their key and size (`2024-06-01-ab12cd-960.webp`). */
export interface MediaStorage {
  /** Stores a file; readers (and backups) see the whole file or nothing, never part of one. */
  put(name: string, data: Buffer): Promise<void>;
  /** The file's bytes, or undefined when there is no such file. */
  get(name: string): Promise<Buffer | undefined>;
  /** Removes a file (an upload whose row could not be recorded); no such file is no error. */
  remove(name: string): Promise<void>;
  /** Every stored file's name, in no particular order. */
  list(): Promise<string[]>;
  /**
   * The directory holding the files when they are on this machine's disk (the site serves them
   * from there with its static file server); undefined for a store that is not a directory.
   */
  readonly localDir: string | undefined;
}

/** A stored file's name: no separators and no leading dot, so it can never leave the store. */
const FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}$/;

/** Media on local disk (or a network mount) in one directory. */
export function localMediaStorage(dir: string): MediaStorage {
  const root = path.resolve(dir);
  const fileOf = (name: string) => {
    if (!FILE_NAME.test(name)) throw new Error(`not a media file name: ${JSON.stringify(name)}`);
    return path.join(root, name);
  };
  return {
    localDir: root,
    async put(name, data) {
      const file = fileOf(name);
      await fs.mkdir(root, { recursive: true });
      // Written beside its final name, then renamed: a rename within a directory is atomic, also
      // on NFS, so a half-written image is never served, copied or left behind under its name.
      const partial = path.join(root, `.${name}.${randomBytes(6).toString('hex')}.partial`);
      try {
        await fs.writeFile(partial, data);
        await fs.rename(partial, file);
      } catch (error) {
        await fs.rm(partial, { force: true });
        throw error;
      }
    },
    async get(name) {
      try {
        return await fs.readFile(fileOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async remove(name) {
      await fs.rm(fileOf(name), { force: true });
    },
    async list() {
      try {
        const entries = await fs.readdir(root, { withFileTypes: true });
        return entries.filter((e) => e.isFile() && FILE_NAME.test(e.name)).map((e) => e.name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}
