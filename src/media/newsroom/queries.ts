// What the media library reads: a page of images, newest first, as keyset pages on
// (created_at, id) so the hundredth page costs what the first does (the indexes of 0017), with a
// contains search over the alt text, caption and credit; and one image with its uploader.
import { sql, type Kysely } from 'kysely';
import { toDate, toDbTime } from '../../core/db/dialect.ts';
import type { Database, MediaRow } from '../../core/db/schema.ts';

type Db = Kysely<Database>;

/** Images per page of the library. */
export const LIBRARY_PAGE_SIZE = 36;

export interface LibraryFilters {
  /** Only the images this user uploaded (a contributor's and an author's library, or "mine"). */
  readonly uploadedBy?: number;
  /** Text the alt text, caption or credit contains (letters of either case). */
  readonly q?: string;
  /** The last image of the previous page. */
  readonly after?: { readonly createdAt: string; readonly id: number };
}

/** An image as the library's grid shows it. */
export interface LibraryImage {
  readonly row: MediaRow;
  readonly uploaderName: string | null;
  readonly createdAt: Date;
  /** created_at as stored, the next page's key. */
  readonly createdAtText: string;
}

/** One page of the library, and whether there is another. */
export async function listLibrary(db: Db, f: LibraryFilters): Promise<{ images: LibraryImage[]; more: boolean }> {
  let query = db
    .selectFrom('media as m')
    .leftJoin('users as u', 'u.id', 'm.uploaded_by')
    .selectAll('m')
    .select('u.display_name as uploader_name');
  if (f.uploadedBy !== undefined) query = query.where('m.uploaded_by', '=', f.uploadedBy);
  if (f.q) {
    // lower() on both sides: PostgreSQL's LIKE minds case. The escape character is named, as
    // SQLite's LIKE has none by default.
    const pattern = `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or(
        (['m.alt', 'm.caption', 'm.credit'] as const).map(
          (column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`,
        ),
      ),
    );
  }
  if (f.after) {
    const { createdAt, id } = f.after;
    query = query.where((eb) =>
      eb.or([eb('m.created_at', '<', createdAt), eb.and([eb('m.created_at', '=', createdAt), eb('m.id', '<', id)])]),
    );
  }
  const rows = await query
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(LIBRARY_PAGE_SIZE + 1)
    .execute();
  return {
    more: rows.length > LIBRARY_PAGE_SIZE,
    images: rows.slice(0, LIBRARY_PAGE_SIZE).map(({ uploader_name, ...row }) => ({
      row,
      uploaderName: uploader_name,
      createdAt: toDate(row.created_at),
      createdAtText: row.created_at instanceof Date ? toDbTime(row.created_at) : row.created_at,
    })),
  };
}

/** One image with the name of who uploaded it. */
export async function findImage(db: Db, id: number): Promise<LibraryImage | undefined> {
  const row = await db
    .selectFrom('media as m')
    .leftJoin('users as u', 'u.id', 'm.uploaded_by')
    .selectAll('m')
    .select('u.display_name as uploader_name')
    .where('m.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const { uploader_name, ...media } = row;
  return {
    row: media,
    uploaderName: uploader_name,
    createdAt: toDate(media.created_at),
    createdAtText: media.created_at instanceof Date ? toDbTime(media.created_at) : media.created_at,
  };
}
