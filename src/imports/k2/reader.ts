// Reads a Joomla 3 + K2 database (MySQL or MariaDB, through mysql2) into the import's neutral
// records. Tables carry the install's prefix (`#__` is `jos_` …); dates are UTC text.
import mysql from 'mysql2/promise';
import type { ImportedAuthor, ImportedCategory, ImportSource, ImportedArticle } from '../core/types.ts';
import { JoomlaFiles } from './files.ts';
import { toArticle, toAuthor, toCategory, type K2ItemRow, type K2TagRow } from './mapping.ts';

/** Where the K2 site is. */
export interface K2Location {
  /** mysql://user:password@host:port/database */
  readonly databaseUrl: string;
  /** The tables' prefix, e.g. 'jos_' (Joomla's `#__`). */
  readonly prefix: string;
  /** The Joomla root folder (images/, media/k2/ …). */
  readonly mediaRoot: string;
  /** The old site's address and path ('' when unknown): absolute image addresses on it are found. */
  readonly baseUrl: string;
  readonly basePath: string;
}

/** Stories read per query. */
const PAGE = 200;

/** A prefix Joomla allows: letters, digits and underscores. */
export function checkPrefix(prefix: string): string {
  if (!/^[A-Za-z0-9_]{0,30}$/.test(prefix))
    throw new TypeError(`--prefix "${prefix}" is not a table prefix (letters, digits, _)`);
  return prefix;
}

/** A K2 source, open on its database until `close()`. */
export interface K2Source extends ImportSource {
  close(): Promise<void>;
}

/** Opens a K2 site's database for reading. */
export async function openK2Source(location: K2Location): Promise<K2Source> {
  const prefix = checkPrefix(location.prefix);
  const connection = await mysql.createConnection({
    uri: location.databaseUrl,
    // Dates as K2 stored them (UTC text), not turned into this machine's local time.
    dateStrings: true,
    charset: 'utf8mb4',
    supportBigNumbers: true,
  });
  const table = (name: string) => `\`${prefix}${name}\``;
  try {
    await checkTables(connection, prefix);
  } catch (error) {
    await connection.end();
    throw error;
  }
  const files = new JoomlaFiles(location.mediaRoot);
  const query = async <T>(text: string, values: unknown[] = []): Promise<T[]> => {
    const [rows] = await connection.query(text, values);
    return rows as T[];
  };

  return {
    system: 'k2',
    articleKind: 'item',
    async categories(): Promise<ImportedCategory[]> {
      const rows = await query<Record<string, unknown>>(
        `select id, name, alias, description, parent, ordering from ${table('k2_categories')} where trash = 0 order by parent, ordering, id`,
      );
      return rows.map(toCategory);
    },
    async authors(): Promise<ImportedAuthor[]> {
      // Only the people who wrote stories (a Joomla site's users are mostly readers).
      const rows = await query<Record<string, unknown>>(
        `select u.id, u.name, u.username, u.email, ku.description
           from ${table('users')} u left join ${table('k2_users')} ku on ku.userID = u.id
          where u.id in (select distinct created_by from ${table('k2_items')} where trash = 0)
          order by u.id`,
      );
      return rows.map(toAuthor);
    },
    async countArticles(): Promise<number> {
      const [row] = await query<{ n: number | string }>(`select count(*) as n from ${table('k2_items')}`);
      return Number(row?.n ?? 0);
    },
    async *articles(): AsyncIterable<ImportedArticle | { sourceId: string; skip: string }> {
      let after = 0;
      for (;;) {
        const items = await query<K2ItemRow>(
          `select i.id, i.title, i.alias, i.catid, i.published, i.trash, i.featured, i.introtext, i.fulltext,
                  i.created, i.created_by, i.created_by_alias, i.publish_up, i.publish_down, i.modified,
                  i.image_caption, i.image_credits, i.hits, i.metadesc,
                  r.rating_sum, r.rating_count
             from ${table('k2_items')} i left join ${table('k2_rating')} r on r.itemID = i.id
            where i.id > ? order by i.id limit ${PAGE}`,
          [after],
        );
        if (items.length === 0) return;
        const ids = items.map((i) => Number(i.id));
        const tags = await query<K2TagRow>(
          `select x.itemID as item_id, t.id, t.name from ${table('k2_tags_xref')} x
             join ${table('k2_tags')} t on t.id = x.tagID
            where x.itemID in (?) and t.published = 1 order by x.itemID, x.id`,
          [ids],
        );
        for (const item of items) {
          const id = Number(item.id);
          if (Number(item.trash) === 1) {
            yield { sourceId: String(id), skip: 'trashed in K2' };
            continue;
          }
          yield toArticle(
            item,
            tags.filter((t) => Number(t.item_id) === id),
            await files.itemImage(id),
          );
        }
        after = ids[ids.length - 1]!;
      }
    },
    resolveImage: (src) => files.bodyImage(src, location),
    close: () => connection.end(),
  };
}

/** The tables the import reads; a wrong prefix or database is told at once, naming what is missing. */
const TABLES = ['users', 'k2_users', 'k2_categories', 'k2_items', 'k2_tags', 'k2_tags_xref', 'k2_rating'];

async function checkTables(connection: mysql.Connection, prefix: string): Promise<void> {
  const [rows] = await connection.query(
    'select table_name as name from information_schema.tables where table_schema = database()',
  );
  const present = new Set((rows as { name: string }[]).map((r) => r.name.toLowerCase()));
  const missing = TABLES.map((t) => `${prefix}${t}`).filter((t) => !present.has(t.toLowerCase()));
  if (missing.length) throw new Error(`this database has no ${missing.join(', ')} (is the prefix right?)`);
}
