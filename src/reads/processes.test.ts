// Two real `warta serve` processes sharing one database (PostgreSQL under test:pg, one SQLite
// file otherwise): reads counted in both are all stored, exactly once, by the flush each
// process runs when it is told to stop (SIGTERM or SIGINT).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { makeArticle } from '../../test/helpers/factories.ts';
import { seedBase } from '../../seed/editions.ts';
import { writerFor } from '../../test/helpers/writer.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READERS = 60;

interface Server {
  child: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
  /** Its log lines at warning level and above, for failure messages. */
  problems(): string[];
}

let db: TestDatabase;
before(async () => {
  db = await createTestDatabase();
  await seedBase(writerFor(db.db.kysely));
});
after(() => db.cleanup());

/**
 * The database URL a separate process needs. For a PostgreSQL test schema, libpq's `options`
 * parameter (which node-postgres reads from the URL) sets the search_path of every connection.
 */
function databaseUrl(): string {
  if (!db.schema) return db.url;
  const url = new URL(db.url);
  url.search = `options=${encodeURIComponent(`-c search_path=${db.schema}`)}`;
  return url.href;
}

/** Starts `node bin/warta.js serve` on a free port and waits until it listens (60 s at most). */
function startServer(name: string): Promise<Server> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/warta.js'), 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      TZ: 'UTC',
      PORT: '0',
      HOST: '127.0.0.1',
      WARTA_ENV_FILE: path.join(db.dataDir, 'no-such.env'),
      WARTA_DATA_DIR: path.join(db.dataDir, name),
      WARTA_DATABASE_URL: databaseUrl(),
      WARTA_DEMO: '0',
      WARTA_COOKIE_SECRET: 'test-secret-test-secret-test-secret-0123',
      WARTA_LOG_LEVEL: 'info',
      // The longest interval allowed and a batch size never reached: only the shutdown flush writes.
      WARTA_READS_FLUSH_INTERVAL_MS: '600000',
      WARTA_READS_FLUSH_SIZE: '1000000',
      // Every simulated reader connects from 127.0.0.1: no per-address cap.
      WARTA_READS_PER_ADDRESS: '1000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 60 s:\n${output.slice(-3000)}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          baseUrl: match[1]!,
          exited,
          problems: () => output.split('\n').filter((line) => /"level":[4-6]0/.test(line)),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before listening:\n${output.slice(-3000)}`));
    });
  });
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

        servers[0]!.child.kill('SIGTERM');
        servers[1]!.child.kill('SIGINT');
        const codes = await within(60_000, 'shutdown', Promise.all(servers.map((s) => s.exited)));
        assert.deepEqual(codes, [0, 0], 'both exit cleanly');
        assert.deepEqual(
          servers.flatMap((s) => s.problems()),
          [],
          'no errors logged',
        );
      } finally {
        for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGKILL');
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
