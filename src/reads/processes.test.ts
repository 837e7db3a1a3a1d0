// Two real `warta serve` processes sharing one database (PostgreSQL under test:pg, one SQLite
// file otherwise): reads counted in both are all stored, exactly once, by the flush each
// process runs when it is told to stop (SIGTERM or SIGINT).
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { seedBase } from '../../seed/editions.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { killLeftovers, startListening, type ServeProcess } from '../../test/helpers/serve-process.ts';

const READERS = 60;

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
});
after(() => db.cleanup());

/** The longest interval allowed and a batch size never reached: only the shutdown flush writes. */
const ONLY_SHUTDOWN_FLUSHES = {
  WARTA_READS_FLUSH_INTERVAL_MS: '600000',
  WARTA_READS_FLUSH_SIZE: '1000000',
  // Every simulated reader connects from 127.0.0.1: no per-address cap.
  WARTA_READS_PER_ADDRESS: '1000000',
};

/** Starts `warta serve` on a free port; resolves once it listens. */
async function startServer(name: string): Promise<{ server: ServeProcess; baseUrl: string }> {
  const { server, port } = await startListening(db, { name, env: ONLY_SHUTDOWN_FLUSHES });
  return { server, baseUrl: `http://127.0.0.1:${port}` };
}

function post(baseUrl: string, path: string, userAgent: string): Promise<{ status: number; counted: boolean }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${path}`,
      { method: 'POST', headers: { 'user-agent': userAgent }, timeout: 30_000 },
      (response) => {
        let body = '';
        response.on('data', (c: Buffer) => (body += c.toString()));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            counted: (JSON.parse(body) as { counted?: boolean }).counted === true,
          }),
        );
      },
    );
    request.on('timeout', () => request.destroy(new Error(`POST ${path} timed out`)));
    request.on('error', reject);
    request.end();
  });
}

async function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms)),
  );
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const browser = (n: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${100 + n}.0) Gecko/20100101 Firefox/${100 + n}.0`;

describe('two app processes on one database', () => {
  it(
    'store every read counted in either, exactly, when stopped by SIGTERM and SIGINT',
    { timeout: 180_000 },
    async () => {
      const kysely = db.db.kysely;
      const a = await makeArticle(kysely, { hit_count: 500 });
      const b = await makeArticle(kysely, { hit_count: 0 });
      const servers = await Promise.all([startServer('one'), startServer('two')]);
      try {
        // Every reader reads both stories, each on "their" process, and reloads one of them there.
        const requests: Promise<{ status: number; counted: boolean }>[] = [];
        for (let r = 0; r < READERS; r++) {
          const server = servers[r % 2]!;
          requests.push(
            post(server.baseUrl, `/api/reads/${a.id}`, browser(r)),
            post(server.baseUrl, `/api/reads/${b.id}`, browser(r)),
            post(server.baseUrl, `/api/reads/${r % 3 ? a.id : b.id}`, browser(r)),
          );
        }
        const answers = await Promise.all(requests);
        assert.ok(answers.every((x) => x.status === 200));
        assert.equal(answers.filter((x) => x.counted).length, 2 * READERS);

        const stored = await kysely
          .selectFrom('articles')
          .select('hit_count')
          .where('id', 'in', [a.id, b.id])
          .execute();
        // The interval is 10 minutes (longer than any run), so the only writer is the shutdown flush.
        assert.deepEqual(
          stored.map((s) => Number(s.hit_count)).sort((x, y) => x - y),
          [0, 500],
          'nothing written yet',
        );

        const codes = await within(
          60_000,
          'shutdown',
          Promise.all([servers[0]!.server.stop('SIGTERM'), servers[1]!.server.stop('SIGINT')]),
        );
        assert.deepEqual(codes, [0, 0], 'both exit cleanly');
        assert.deepEqual(
          servers.flatMap((s) => s.server.problems()),
          [],
          'no errors logged',
        );
      } finally {
        killLeftovers();
      }

      const hits = async (id: number) =>
        Number(
          (await kysely.selectFrom('articles').select('hit_count').where('id', '=', id).executeTakeFirstOrThrow())
            .hit_count,
        );
      assert.equal(await hits(a.id), 500 + READERS);
      assert.equal(await hits(b.id), READERS);
      const daily = await kysely
        .selectFrom('article_reads_daily')
        .select(['article_id', (eb) => eb.fn.sum<number>('reads').as('reads')])
        .where('article_id', 'in', [a.id, b.id])
        .groupBy('article_id')
        .orderBy('article_id')
        .execute();
      assert.deepEqual(
        daily.map((d) => Number(d.reads)),
        [READERS, READERS],
      );
    },
  );
});
