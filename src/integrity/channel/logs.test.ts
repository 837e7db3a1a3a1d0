// No trace of a reporter in the logs, on both engines: the app's log stream is captured with
// client addresses logging ON, a trusted proxy and every level down to trace, and after a
// report's whole round trip through the channel's routes (and refusals, and a broken body) the
// captured lines hold neither the client's address (forged X-Forwarded-For, trusted), nor its
// user agent, nor the receipt code. A reading page logs the address, which shows the capture works.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import { buildAssets } from '../../core/assets.ts';
import { loadConfig } from '../../core/config.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { writerFor } from '../../../test/helpers/writer.ts';
import { seedBase } from '../../../seed/editions.ts';
import { jpegWithGps, pdf } from '../evidence/test-fixtures.ts';
import { multipart, receiptCodeOf, solvedChallenge } from './test-support.ts';

const CLIENT_IP = '203.0.113.157';
const USER_AGENT = 'WartaReporterPhone/7.3 (unique-agent-5521)';

describe('the reporting channel’s logs', () => {
  let testDb: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];

  before(async () => {
    testDb = await createTestDatabase();
    const config = loadConfig({
      WARTA_DATA_DIR: testDb.dataDir,
      WARTA_DATABASE_URL: testDb.url,
      WARTA_BASE_URL: 'https://warta.test',
      WARTA_COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
      WARTA_LOG_LEVEL: 'trace',
      WARTA_LOG_FORMAT: 'json',
      WARTA_LOG_CLIENT_ADDRESSES: '1',
      WARTA_TRUST_PROXY: '1',
    });
    await seedBase(writerFor(testDb.db.kysely));
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp(config, testDb.db.kysely, {
      assets: await buildAssets(),
      logStream,
      listen: testDb.db.listen,
    });
    await app.ready();
  });
  after(async () => {
    await app.close();
    await testDb.cleanup();
  });

  const client = { 'x-forwarded-for': CLIENT_IP, 'user-agent': USER_AGENT };
  const post = (url: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) => {
    const body = multipart(fields, files);
    return app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...client } });
  };

  it('logs no address, user agent or receipt code for anything done on the report routes', async () => {
    lines.length = 0;
    assert.equal((await app.inject({ url: '/en/integrity/report', headers: client })).statusCode, 200);
    const fields = { kind: 'complaint', what: 'The counter was closed all day without notice.' };
    const sent = await post('/en/integrity/report', { ...(await solvedChallenge(app)), ...fields }, [
      { name: 'counter.jpg', bytes: await jpegWithGps() },
      { name: 'notice.pdf', bytes: pdf('closing notice') },
    ]);
    assert.equal(sent.statusCode, 200);
    const code = receiptCodeOf(sent.body);
    assert.equal((await post('/en/integrity/report/status', { code })).statusCode, 200);
    assert.equal((await post('/en/integrity/report/message', { code, text: 'It happened again.' })).statusCode, 200);
    assert.equal((await post('/en/integrity/report/status', { code: code.slice(0, -2) })).statusCode, 404);
    assert.equal((await post('/en/integrity/report', fields)).statusCode, 400);
    assert.equal((await app.inject({ url: '/en/integrity/report/status', headers: client })).statusCode, 200);
    // A broken body, and a body announced too large.
    const broken = await app.inject({
      method: 'POST',
      url: '/en/integrity/report/message',
      payload: `--x\r\nContent-Disposition: form-data; name="code"\r\n\r\n${code}`,
      headers: { 'content-type': 'multipart/form-data; boundary=x', ...client },
    });
    assert.ok(broken.statusCode < 500, String(broken.statusCode));
    const large = await app.inject({
      method: 'POST',
      url: '/en/integrity/report',
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': '999999999', ...client },
    });
    assert.equal(large.statusCode, 413);

    const captured = lines.join('');
    for (const secret of [CLIENT_IP, USER_AGENT, 'unique-agent-5521', code, code.replaceAll('-', '')])
      assert.equal(captured.includes(secret), false, `the logs hold ${secret}:\n${captured}`);
    assert.equal(captured.includes('/integrity/report'), false, 'no request line of a report route');

    // The capture works: a reading page's request line carries the forwarded address.
    lines.length = 0;
    await app.inject({ url: '/en', headers: client });
    assert.ok(lines.join('').includes(CLIENT_IP), 'addresses are logged on other routes');
  });
});
