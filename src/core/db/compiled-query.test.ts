// Reusable queries: built and compiled once per database and shape, run with each call's values,
// and refused at their first compile when their SQL could depend on an argument's value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Compilable,
  type KyselyPlugin,
} from 'kysely';
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from '../../../test/helpers/database.ts';
import { MAX_SHAPES, reusable, ShapeError, type QueryArgs } from './compiled-query.ts';
import { toDbTime } from './dialect.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;

describe('what reusable queries rely on in Kysely', () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    it(`puts any object given as a value among the parameters as it is (${engine})`, () => {
      const db = compileOnly(engine);
      const id = { any: 'object' };
      const codes = [{}, {}];
      const query = db
        .selectFrom('editions')
        .select('code')
        .where('position', '=', id as never)
        .where('code', 'in', codes as never)
        .limit(id as never)
        .compile();
      assert.equal(query.parameters.length, 4);
      assert.equal(query.parameters[0], id);
      assert.equal(query.parameters[1], codes[0]);
      assert.equal(query.parameters[2], codes[1]);
      assert.equal(query.parameters[3], id);
    });
  }
});

describe(`reusable queries (${TEST_ENGINE})`, () => {
  let t: TestDatabase;
  let db: Db;
  before(async () => {
    t = await createTestDatabase();
    db = t.db.kysely;
    const codes = ['aa', 'bb', 'cc', 'dd', 'ee'];
    await db
      .insertInto('editions')
      .values(
        codes.map((code, i) => ({
          code,
          name: code.toUpperCase(),
          locale: code,
          direction: 'ltr',
          position: i,
          is_active: 1,
        })),
      )
      .execute();
  });
  after(() => t.cleanup());

  /** A reusable query that counts how often it is built. */
  function counted<A extends QueryArgs<A>, O>(build: (db: Db, args: A) => Compilable<O>) {
    let builds = 0;
    const query = reusable((d: Db, args: A) => {
      builds++;
      return build(d, args);
    });
    return { query, builds: () => builds };
  }

  it('builds a query once per database and runs it with each call’s values', async () => {
    const c = counted((d, a: { from: number; limit: number }) =>
      d.selectFrom('editions').select('code').where('position', '>=', a.from).orderBy('position').limit(a.limit),
    );
    assert.deepEqual(await c.query.execute(db, { from: 1, limit: 2 }), [{ code: 'bb' }, { code: 'cc' }]);
    assert.deepEqual(await c.query.execute(db, { from: 3, limit: 5 }), [{ code: 'dd' }, { code: 'ee' }]);
    assert.deepEqual(await c.query.executeTakeFirst(db, { from: 4, limit: 1 }), { code: 'ee' });
    assert.equal(await c.query.executeTakeFirst(db, { from: 9, limit: 1 }), undefined);
    // Built twice at the first compile (the check that the shape is stable), never again.
    assert.equal(c.builds(), 2);
  });

  it('compiles separately for each database, so each runs its own', async () => {
    const other = await createTestDatabase();
    try {
      await other.db.kysely
        .insertInto('editions')
        .values({ code: 'zz', name: 'ZZ', locale: 'zz', direction: 'ltr', position: 0, is_active: 1 })
        .execute();
      const c = counted((d, a: { position: number }) =>
        d.selectFrom('editions').select('code').where('position', '=', a.position),
      );
      assert.deepEqual(await c.query.execute(db, { position: 0 }), [{ code: 'aa' }]);
      assert.deepEqual(await c.query.execute(other.db.kysely, { position: 0 }), [{ code: 'zz' }]);
      assert.equal(c.builds(), 4);
    } finally {
      await other.cleanup();
    }
  });

  it('fills every place an argument appears', async () => {
    const query = reusable((d: Db, a: { code: string }) =>
      d
        .selectFrom('editions')
        .select(['code', (eb) => eb.val(a.code).as('given')])
        .where('code', '=', a.code),
    );
    assert.deepEqual(await query.execute(db, { code: 'cc' }), [{ code: 'cc', given: 'cc' }]);
    assert.deepEqual(await query.execute(db, { code: 'dd' }), [{ code: 'dd', given: 'dd' }]);
  });

  it('compiles a shape per set of present arguments and per list length', async () => {
    const c = counted((d, a: { codes: readonly string[]; from?: number }) =>
      d
        .selectFrom('editions')
        .select('code')
        .where('code', 'in', a.codes.length > 0 ? a.codes : [''])
        .$if(a.from !== undefined, (q) => q.where('position', '>=', a.from!))
        .orderBy('position'),
    );
    const codes = async (args: { codes: readonly string[]; from?: number }) =>
      (await c.query.execute(db, args)).map((r) => r.code);
    assert.deepEqual(await codes({ codes: ['aa', 'cc'] }), ['aa', 'cc']);
    assert.deepEqual(await codes({ codes: ['bb', 'ee'] }), ['bb', 'ee']);
    assert.deepEqual(await codes({ codes: ['aa', 'cc'], from: 1 }), ['cc']);
    assert.deepEqual(await codes({ codes: ['aa', 'cc', 'dd'], from: undefined }), ['aa', 'cc', 'dd']);
    assert.deepEqual(await codes({ codes: [] }), []);
    assert.equal(c.builds(), 2 * 4);
  });

  it('runs a shape beyond the limit per query as a plain Kysely query', async () => {
    const c = counted((d, a: { codes: readonly string[] }) =>
      d.selectFrom('editions').select('code').where('code', 'in', a.codes),
    );
    for (let n = 1; n <= MAX_SHAPES + 2; n++) {
      const rows = await c.query.execute(db, {
        codes: Array.from({ length: n }, (_, i) => (i === n - 1 ? 'bb' : `x${i}`)),
      });
      assert.deepEqual(rows, [{ code: 'bb' }], `${n} codes`);
    }
    assert.equal(c.builds(), 2 * MAX_SHAPES + 2);
  });

  it('binds times as the caller gives them, and refuses a Date', async () => {
    const query = reusable((d: Db, a: { now: string }) =>
      d
        .selectFrom('editions')
        .select((eb) => eb.val(a.now).as('now'))
        .limit(1),
    );
    const now = new Date('2026-01-02T03:04:05.000Z');
    assert.deepEqual(await query.execute(db, { now: toDbTime(now) }), [{ now: '2026-01-02T03:04:05.000Z' }]);
    await assert.rejects(
      query.execute(db, { now: now as never }),
      /argument "now" is a Date \(pass toDbTime\(date\)\)/,
    );
  });

  describe('refuses at the first compile a query whose SQL could depend on a value', () => {
    it('when the builder computes with an argument', async () => {
      const query = reusable((d: Db, a: { from: number; limit: number }) =>
        d
          .selectFrom('editions')
          .select('code')
          .where('position', '>=', a.from)
          .limit(a.limit + 1),
      );
      await assert.rejects(query.execute(db, { from: 0, limit: 1 }), (error: Error) => {
        assert.ok(error instanceof ShapeError);
        assert.match(error.message, /argument "limit" was used as a value/);
        return true;
      });
    });

    it('when an argument is not among the parameters', async () => {
      const query = reusable((d: Db, a: { position: number; code: string }) =>
        d.selectFrom('editions').select('code').where('position', '=', a.position),
      );
      await assert.rejects(
        query.execute(db, { position: 0, code: 'aa' }),
        /argument "code" is not among the query's parameters/,
      );
    });

    it('when the builder reads something besides its arguments', async () => {
      let calls = 0;
      const query = reusable((d: Db, a: { code: string }) =>
        d.selectFrom('editions').select('code').where('code', '=', a.code).where('position', '>=', calls++),
      );
      await assert.rejects(query.execute(db, { code: 'aa' }), /parameter 2 changed between two builds/);
      const text = reusable((d: Db, a: { code: string }) =>
        d
          .selectFrom('editions')
          .select(calls++ % 2 ? 'code' : 'name')
          .where('code', '=', a.code),
      );
      await assert.rejects(text.execute(db, { code: 'aa' }), /SQL changed between two builds/);
    });
  });

  it('lets plugins see every execution and transform every result', async () => {
    const seen: string[] = [];
    const plugin: KyselyPlugin = {
      transformQuery({ node }) {
        seen.push(node.kind);
        return node;
      },
      async transformResult({ result }) {
        return { ...result, rows: result.rows.map((row) => ({ ...row, isTransformed: true })) };
      },
    };
    const withPlugin = db.withPlugin(plugin);
    const query = reusable((d: Db, a: { code: string }) =>
      d.selectFrom('editions').select('code').where('code', '=', a.code),
    );
    assert.deepEqual(await query.execute(withPlugin, { code: 'aa' }), [{ code: 'aa', isTransformed: true }]);
    const compiling = seen.length;
    assert.deepEqual(await query.execute(withPlugin, { code: 'bb' }), [{ code: 'bb', isTransformed: true }]);
    assert.deepEqual(seen.slice(compiling), ['SelectQueryNode']);
  });
});

/** A Kysely that compiles for an engine and runs nothing. */
function compileOnly(engine: 'sqlite' | 'postgres'): Db {
  return new Kysely<Database>({
    dialect:
      engine === 'postgres'
        ? {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (d) => new PostgresIntrospector(d),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          }
        : {
            createAdapter: () => new SqliteAdapter(),
            createDriver: () => new DummyDriver(),
            createIntrospector: (d) => new SqliteIntrospector(d),
            createQueryCompiler: () => new SqliteQueryCompiler(),
          },
  });
}
