// A reporter holding a receipt never loses the report: a real `warta serve` (SQLite file, or
// PostgreSQL under test:pg) killed with SIGKILL in the middle of a storm of reports with evidence
// keeps every report whose receipt page it sent, with its text and its evidence file whole.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { seedBase } from '../../../seed/editions.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { killLeftovers, startListening } from '../../../test/helpers/serve-process.ts';
import { writerFor } from '../../../test/helpers/writer.ts';
import { openEvidence } from '../evidence/index.ts';
import { pdf } from '../evidence/test-fixtures.ts';
import { findByCode } from '../reports/index.ts';
import { loadKeyRing } from '../sealing/key-ring.ts';
import { normalizeReceiptCode, receiptCodeHash } from '../sealing/receipt-code.ts';
import { challengeOf, multipart, receiptCodeOf, solve } from './test-support.ts';

/** Upper bounds, whatever the machine's speed. */
const REPORTS = 60;
const KILL_AFTER = 12;

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
});
after(async () => {
  killLeftovers();
  await db.cleanup();
});

/** One request; resolves with status and body, or status 0 when the connection died first. */
function send(
  port: number,
  agent: http.Agent,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const request = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, agent, headers, timeout: 60_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        response.on('error', () => resolve({ status: 0, body: '' }));
      },
    );
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve({ status: 0, body: '' }));
    request.end(body);
  });
}

describe('a server killed in the middle of a storm of reports', () => {
  it('keeps every report whose receipt it sent, text and evidence whole', { timeout: 240_000 }, async () => {
    const { server, port } = await startListening(db, {
      name: 'crash',
      env: { WARTA_TRUST_PROXY: '127.0.0.1' },
    });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 30 });
    const receipts: { code: string; phrase: string }[] = [];
    let answered = 0;
    try {
      const statuses = await Promise.all(
        Array.from({ length: REPORTS }, async (_, i) => {
          // Each reporter from an address of its own: the flood limit is per address.
          const address = `198.51.${i >> 8}.${i & 255}`;
          const page = await send(port, agent, 'GET', '/en/integrity/report', { 'x-forwarded-for': address });
          if (page.status !== 200) return page.status;
          const challenge = challengeOf(page.body);
          const phrase = `report ${i} ${randomBytes(6).toString('hex')}`;
          const body = multipart(
            {
              pow_token: challenge.token,
              pow_number: solve(challenge),
              kind: 'complaint',
              what: `Storm ${phrase}.`,
              when: 'Today',
              where: 'Front desk',
              who: 'Nobody in particular',
            },
            [{ name: `evidence-${i}.pdf`, bytes: pdf(`evidence of ${phrase}`), type: 'application/pdf' }],
          );
          const sent = await send(
            port,
            agent,
            'POST',
            '/en/integrity/report',
            { ...body.headers, 'x-forwarded-for': address },
            body.payload,
          );
          if (sent.status === 200) {
            receipts.push({ code: receiptCodeOf(sent.body), phrase });
            // No await between the answer and the kill: the process gets no time to do more.
            if (++answered === KILL_AFTER) server.child.kill('SIGKILL');
          }
          return sent.status;
        }),
      );
      assert.equal(await server.exited, 'SIGKILL');
      assert.ok(receipts.length >= KILL_AFTER, `${receipts.length} receipts sent before the kill`);
      assert.ok(statuses.includes(0), 'some reports were still in flight when it died');
    } finally {
      agent.destroy();
      await server.stop('SIGKILL');
    }

    const dataDir = path.join(db.dataDir, 'crash');
    const vault = { ring: loadKeyRing(undefined, dataDir), dataDir };
    for (const { code, phrase } of receipts) {
      const view = await findByCode(db.db.kysely, vault, code);
      assert.ok(view, `the report of a receipt that was sent is stored (${phrase})`);
      assert.equal(view.content.what, `Storm ${phrase}.`);
      assert.equal(view.attachments.length, 1);
      const row = await db.db.kysely
        .selectFrom('integrity_attachments as a')
        .innerJoin('integrity_reports as r', 'r.id', 'a.report_id')
        .select(['a.file', 'a.sealed_meta'])
        .where('r.code_hash', '=', receiptCodeHash(normalizeReceiptCode(code)!))
        .executeTakeFirstOrThrow();
      const file = await openEvidence(vault.ring, dataDir, row.file, row.sealed_meta);
      assert.ok(file?.bytes.includes(Buffer.from(`evidence of ${phrase}`)), 'its evidence file is whole');
    }
  });
});
