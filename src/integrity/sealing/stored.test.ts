// Sealed values as the database keeps them, on both engines: bytes in, the same bytes out, and
// the stored rows hold nothing of what was sealed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import { keyFromText, keyRing, newKeyText } from './key-ring.ts';
import { newReceiptCode, normalizeReceiptCode, receiptCodeHash } from './receipt-code.ts';
import { openText, seal } from './seal.ts';

describe('a sealed report in the database', () => {
  let t: TestApp;
  before(async () => (t = await createTestApp()));
  after(() => t.close());

  it('comes back byte for byte and opens, and no column shows the text', async () => {
    const ring = keyRing([keyFromText(newKeyText(), 'test')]);
    const phrase = 'the permit office asked for an unofficial fee of 750000 rupiah';
    const context = 'report:r-test-1';
    const sealed = seal(ring, JSON.stringify({ what: phrase }), context);
    const now = toDbTime(new Date('2026-12-01T03:00:00Z'));
    const code = newReceiptCode();
    await t.db
      .insertInto('integrity_reports')
      .values({
        public_id: 'r-test-1',
        code_hash: receiptCodeHash(normalizeReceiptCode(code)!),
        edition: 'id',
        kind: 'gratification',
        status: 'received',
        sealed,
        received_at: now,
        updated_at: now,
      })
      .execute();
    const row = await t.db
      .selectFrom('integrity_reports')
      .selectAll()
      .where('public_id', '=', 'r-test-1')
      .executeTakeFirstOrThrow();
    assert.ok(Buffer.isBuffer(row.sealed), 'a Buffer from either engine');
    assert.deepEqual(Buffer.from(row.sealed), sealed);
    assert.equal(JSON.parse(openText(ring, row.sealed, context)).what, phrase);
    const text = JSON.stringify(row);
    assert.equal(text.includes('unofficial fee'), false);
    assert.equal(text.includes(code.replace(/-/g, '')), false, 'the receipt code is not stored');
  });
});
