// Migration 0011 on a database with indexed stories: SQLite's index is rebuilt with each word
// under its edition, every story is still found, in its own edition only, and the index still
// follows writes and deletes. PostgreSQL's index does not change; the same searches hold there.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { seedBase } from '../../seed/editions.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import type { ArticleRow, Database } from '../core/db/schema.ts';
import { createEmptyDatabase, type EmptyDatabase } from '../../test/helpers/empty-database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { searchDomain } from './domain.ts';
import { findMatchesOf } from './engine.ts';

const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url));
const STEP = '0011-search-words-by-edition.ts';
const linksDir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-migrations-'));

let t: EmptyDatabase;
let db: Kysely<Database>;
let english: ArticleRow;
let newerInBody: ArticleRow;
let indonesian: ArticleRow;

/** Article ids found for a word in an edition, best first. */
async function found(word: string, edition: string): Promise<readonly number[]> {
  const page = await findMatchesOf(db)(
    db,
    { edition, now: new Date(), terms: [word], isPrefixLast: false },
    { cap: 100, limit: 100, offset: 0 },
  );
  return page.articleIds;
}

before(async () => {
  t = await createEmptyDatabase();
  db = t.db.kysely;
  for (const file of fs.readdirSync(MIGRATIONS)) {
    if (file < STEP) fs.symlinkSync(path.join(MIGRATIONS, file), path.join(linksDir, file));
  }
  await migrateToLatest(db, { folder: linksDir });
  // Only the search index follows: the audit log's table comes with a later migration.
  await seedBase(writerFor(db, { domains: [searchDomain] }));
  english = await makeArticle(db, {
    title: 'Harbour reopens',
    summary: 'The ferry is back.',
    published_at: new Date(Date.now() - 3600_000).toISOString(),
  });
  newerInBody = await makeArticle(db, { title: 'Weather', body_html: '<p>Calm at the harbour.</p>' });
  indonesian = await makeArticle(db, { edition: 'id', title: 'Pelabuhan harbour dibuka' });
  fs.symlinkSync(path.join(MIGRATIONS, STEP), path.join(linksDir, STEP));
  assert.deepEqual(await migrateToLatest(db, { folder: linksDir }), [STEP.replace(/\.ts$/, '')]);
});
after(async () => {
  await t.cleanup();
  fs.rmSync(linksDir, { recursive: true, force: true });
});

describe('migration 0011: search words by edition', () => {
  it('finds every story indexed before it, in its own edition only, and ranks by its title', async () => {
    // The older story has the word in its title: it comes first.
    assert.deepEqual(await found('harbour', 'en'), [english.id, newerInBody.id]);
    assert.deepEqual(await found('harbour', 'id'), [indonesian.id]);
    assert.deepEqual(await found('ferry', 'en'), [english.id]);
    assert.deepEqual(await found('pelabuhan', 'en'), []);
  });

  it('keeps the index in step with stories written and deleted after it', async () => {
    const later = await makeArticle(db, { title: 'Harbour dredging starts' });
    assert.deepEqual(await found('dredging', 'en'), [later.id]);
    await db.deleteFrom('articles').where('id', '=', later.id).execute();
    assert.deepEqual(await found('dredging', 'en'), []);
    assert.deepEqual(await found('harbour', 'en'), [english.id, newerInBody.id]);
  });
});
