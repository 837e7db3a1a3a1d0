// The import ledger over `import_links`: which Warta row a source record became, as what it
// looked like then (`source_hash`), and which article version the import wrote.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { toDbTime } from '../../core/db/dialect.ts';
import type { Database } from '../../core/db/schema.ts';
import type { ImportSystem } from './types.ts';

type Db = Kysely<Database>;

/** Where a ledger's links live: one edition's records of one system. */
export interface LedgerScope {
  readonly edition: string;
  readonly system: ImportSystem;
}

/** A recorded link. */
export interface ImportLink {
  readonly targetId: number;
  readonly sourceHash: string;
  readonly targetVersion: number | null;
}

/** A stable hash of a record's content (keys in a fixed order, dates as ISO text). */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value, sortedKeys)).digest('hex').slice(0, 32);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The link of a source record, or undefined when it was never imported. */
export async function findLink(
  db: Db,
  scope: LedgerScope,
  kind: string,
  sourceId: string,
): Promise<ImportLink | undefined> {
  const row = await db
    .selectFrom('import_links')
    .select(['target_id', 'source_hash', 'target_version'])
    .where('edition', '=', scope.edition)
    .where('system', '=', scope.system)
    .where('kind', '=', kind)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  return row && { targetId: row.target_id, sourceHash: row.source_hash, targetVersion: row.target_version };
}

/** Every link of a kind, by source id (categories and authors: a few hundred at most). */
export async function listLinks(db: Db, scope: LedgerScope, kind: string): Promise<Map<string, ImportLink>> {
  const rows = await db
    .selectFrom('import_links')
    .select(['source_id', 'target_id', 'source_hash', 'target_version'])
    .where('edition', '=', scope.edition)
    .where('system', '=', scope.system)
    .where('kind', '=', kind)
    .execute();
  return new Map(
    rows.map((r) => [
      r.source_id,
      { targetId: r.target_id, sourceHash: r.source_hash, targetVersion: r.target_version },
    ]),
  );
}

/** Records (or moves) a link; run it in the transaction that wrote the target. */
export async function recordLink(
  db: Db,
  scope: LedgerScope,
  kind: string,
  sourceId: string,
  link: { targetId: number; sourceHash: string; targetVersion?: number | null },
  now: Date,
): Promise<void> {
  const values = {
    target_id: link.targetId,
    source_hash: link.sourceHash,
    target_version: link.targetVersion ?? null,
    imported_at: toDbTime(now),
  };
  await db
    .insertInto('import_links')
    .values({ edition: scope.edition, system: scope.system, kind, source_id: sourceId, ...values })
    .onConflict((oc) => oc.columns(['edition', 'system', 'kind', 'source_id']).doUpdateSet(values))
    .execute();
}

/** Whether an imported article was saved in Warta since the import wrote it (its version moved on). */
export async function isEditedSinceImport(db: Db, link: ImportLink): Promise<boolean> {
  if (link.targetVersion === null) return false;
  const row = await db.selectFrom('articles').select('version').where('id', '=', link.targetId).executeTakeFirst();
  return row !== undefined && row.version !== link.targetVersion;
}
