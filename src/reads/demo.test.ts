// The demo's read history: each story's demo count spread over the days since publication.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { seedBase } from '../../seed/editions.ts';
import { insertDemoReads, spreadReads } from './demo.ts';
import { writerFor } from '../../test/helpers/writer.ts';

const NOW = new Date('2024-06-16T11:00:00Z'); // 18:00 in Jakarta

describe('spreadReads', () => {
  it('adds up exactly to the total, from the publication day to today in the site time zone', () => {
    for (const total of [0, 1, 7, 433, 3860]) {
      const days = spreadReads(total, new Date('2024-06-09T17:30:00Z'), NOW, 'Asia/Jakarta');
      assert.equal(
        days.reduce((n, d) => n + d.reads, 0),
        total,
        `total ${total}`,
      );
      if (total > 100) {
        assert.equal(days[0]!.day, '2024-06-10', '00:30 on the 10th in Jakarta');
        assert.equal(days.at(-1)!.day, '2024-06-16');
        assert.ok(days[0]!.reads > days[1]!.reads && days[1]!.reads > days[2]!.reads, 'most reads come early');
        assert.ok(days.at(-1)!.reads > 0, 'an older story is still read a little today');
      }
    }
  });

  it('puts everything on today for a story published today', () => {
    assert.deepEqual(spreadReads(50, new Date('2024-06-16T01:00:00Z'), NOW, 'Asia/Jakarta'), [
      { day: '2024-06-16', reads: 50 },
    ]);
  });
});

describe('insertDemoReads', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await seedBase(writerFor(t.db.kysely));
  });
  after(() => t.cleanup());

  it('writes daily totals that match the story’s read count', async () => {
    const a = await makeArticle(t.db.kysely, { hit_count: 1412 });
    await insertDemoReads(t.db.kysely, a.id, 1412, new Date('2024-06-01T03:00:00Z'), {
      now: NOW,
      timezone: 'Asia/Jakarta',
    });
    const row = await t.db.kysely
      .selectFrom('article_reads_daily')
      .select((eb) => [eb.fn.sum<number>('reads').as('reads'), eb.fn.countAll<number>().as('days')])
      .where('article_id', '=', a.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(row.reads), 1412);
    assert.equal(Number(row.days), 16);
  });
});
