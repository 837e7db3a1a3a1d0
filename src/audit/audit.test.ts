// The audit log: real commands become rows with their actor, once; the page filters, pages by
// keyset and is for administrators only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeCategory } from '../../test/helpers/factories.ts';
import { form, signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { createArticle, deleteArticle, setArticleStatus } from '../articles/index.ts';
import { runCommand } from '../core/events/index.ts';
import { createUser } from '../users/index.ts';
import { TEST_ENGINE } from '../../test/helpers/database.ts';
import { auditEntriesQuery, type AuditFilter } from './queries.ts';

const ORIGIN = 'https://warta.test';
const PASSWORD = 'correct horse battery staple 42';

/** Signs in through the form, as a browser would. */
async function postSignIn(t: TestApp, email: string, password: string, address: string) {
  const page = await t.app.inject({ url: '/newsroom/sign-in' });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const c = page.cookies.find((x) => x.name.endsWith('warta_form'))!;
  return t.app.inject({
    method: 'POST',
    url: '/newsroom/sign-in',
    remoteAddress: address,
    headers: { cookie: `${c.name}=${c.value}`, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    payload: form({ csrfToken: token }, { email, password }),
  });
}

function rowsOf(t: TestApp, action: string) {
  return t.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id').execute();
}

/** The entries' texts of a page, in order: "who | what | subject". */
function tableRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
    [...m[1]!.matchAll(/<td>([\s\S]*?)<\/td>/g)]
      .slice(1)
      .map((c) => c[1]!.replace(/<[^>]+>/g, '').trim())
      .join(' | ')
      .trim(),
  );
}

describe('the audit log', () => {
  let t: TestApp;
  let admin: SignedIn;

  before(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
  });
  after(() => t.close());

  test('a sign-in through the form, and failed ones, become rows with the right actor', async () => {
    const user = await createUser(writerFor(t.db), {
      email: 'dewi@warta.test',
      name: 'Dewi',
      role: 'editor',
      password: PASSWORD,
    });
    assert.equal((await postSignIn(t, 'dewi@warta.test', PASSWORD, '203.0.113.1')).statusCode, 303);
    assert.equal((await postSignIn(t, 'dewi@warta.test', 'not the password at all', '203.0.113.2')).statusCode, 401);
    assert.equal((await postSignIn(t, 'nobody@warta.test', 'not the password at all', '203.0.113.3')).statusCode, 401);

    const [signedInRow] = await rowsOf(t, 'staff.signed_in');
    assert.equal(signedInRow?.actor_id, user.id);
    assert.equal(signedInRow?.subject_type, 'user');
    assert.equal(signedInRow?.subject_id, user.id);
    assert.deepEqual(JSON.parse(signedInRow!.detail), { userId: user.id });
    const failed = await rowsOf(t, 'staff.sign_in_failed');
    assert.deepEqual(
      failed.map((r) => [r.actor_id, r.subject_id]),
      [
        [null, user.id],
        [null, null],
      ],
    );

    const page = await t.app.inject({ url: '/newsroom/audit?action=staff.sign_in_failed', headers: admin.headers });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(tableRows(page.body), [
      'unknown account | Failed to sign in |',
      'Dewi | Failed to sign in | Dewi',
    ]);
  });

  test('publishing through the articles commands records who did it; a deleted article loses its link', async () => {
    const editor = await signedIn(t, 'editor');
    const asEditor = { ...writerFor(t.db), actorId: editor.user.id };
    const category = await makeCategory(t.db);
    const article = await createArticle(asEditor, { edition: 'en', categoryId: category.id, title: 'Harbour reopens' });
    await setArticleStatus(asEditor, article.id, 'published');
    await setArticleStatus(asEditor, article.id, 'draft');

    const rows = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'subject_type', 'subject_id', 'edition'])
      .where('subject_type', '=', 'article')
      .where('subject_id', '=', article.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['article.created', 'article.published', 'article.unpublished'],
    );
    for (const r of rows) assert.deepEqual([r.actor_id, r.edition], [editor.user.id, 'en']);

    const page = await t.app.inject({ url: `/newsroom/audit?person=${editor.user.id}`, headers: admin.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a href="/newsroom/articles/${article.id}">Harbour reopens</a>`));
    assert.deepEqual(tableRows(page.body), [
      `${editor.user.display_name} | Took an article off the site | Harbour reopens EN`,
      `${editor.user.display_name} | Published an article | Harbour reopens EN`,
      `${editor.user.display_name} | Created an article | Harbour reopens EN`,
    ]);

    await deleteArticle(asEditor, article.id);
    const afterDelete = await t.app.inject({ url: `/newsroom/audit?person=${editor.user.id}`, headers: admin.headers });
    assert.doesNotMatch(afterDelete.body, /\/newsroom\/articles\//);
    assert.equal(
      tableRows(afterDelete.body)[0],
      `${editor.user.display_name} | Deleted an article | article ${article.id} EN`,
    );
    // Changes by the system (seed, CLI) are the system's.
    await createArticle(writerFor(t.db), { edition: 'en', categoryId: category.id, title: 'By the seed' });
    const system = await t.app.inject({ url: '/newsroom/audit?action=article.created', headers: admin.headers });
    assert.match(tableRows(system.body)[0]!, /^system \| Created an article \| By the seed EN$/);
  });

  test('a consumer run again writes no entry twice', async () => {
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    assert.ok(before > 0);
    await t.db.updateTable('event_cursors').set({ last_id: 0 }).where('consumer', '=', 'audit.log').execute();
    await t.app.ctx.events.deliver();
    assert.equal(await count(), before);
    const cursor = await t.db
      .selectFrom('event_cursors')
      .select('last_id')
      .where('consumer', '=', 'audit.log')
      .executeTakeFirstOrThrow();
    assert.ok(Number(cursor.last_id) > 0, 'the consumer went through the outbox again');
  });

  test('entries are newest first, filtered by day in the site time zone, and paged by keyset', async () => {
    const actor = await signedIn(t, 'editor');
    const w = { ...writerFor(t.db), actorId: actor.user.id };
    // 1 March 2024 16:00 UTC is 23:00 in Jakarta; every entry is 20 minutes after the last, and
    // events two by two share a time (the id breaks the tie).
    const start = Date.UTC(2024, 2, 1, 16, 0);
    for (let i = 0; i < 120; i++) {
      t.setNow(new Date(start + Math.floor(i / 2) * 20 * 60_000));
      await runCommand(w, (_trx, emit) => emit('settings.changed', { key: `test.key${i}` }));
    }
    t.setNow(new Date());

    const seen: string[] = [];
    let url: string | undefined = `/newsroom/audit?person=${actor.user.id}&action=settings.changed`;
    let pages = 0;
    while (url) {
      const page: LightMyRequestResponse = await t.app.inject({ url, headers: admin.headers });
      assert.equal(page.statusCode, 200);
      pages++;
      seen.push(...[...page.body.matchAll(/setting (test\.key\d+)/g)].map((m) => m[1]!));
      const older = /<a href="([^"]+)" rel="next">Older entries<\/a>/.exec(page.body)?.[1];
      url = older?.replaceAll('&amp;', '&');
      if (url)
        assert.match(url, /^\/newsroom\/audit\?action=settings\.changed&person=\d+&before=2024-03-0\dT[\d%A.]+Z_\d+$/);
    }
    assert.equal(pages, 3);
    assert.deepEqual(
      seen,
      Array.from({ length: 120 }, (_, i) => `test.key${119 - i}`),
      'every entry once, newest first',
    );

    // Days are the site's (Asia/Jakarta, UTC+7): 2 March starts at 1 March 17:00 UTC.
    const keysOf = (html: string) => [...html.matchAll(/setting test\.key(\d+)/g)].map((m) => Number(m[1]));
    const firstDay = await t.app.inject({
      url: `/newsroom/audit?person=${actor.user.id}&to=2024-03-01`,
      headers: admin.headers,
    });
    assert.deepEqual(keysOf(firstDay.body), [5, 4, 3, 2, 1, 0]);
    assert.match(firstDay.body, /<time datetime="2024-03-01T23:40:00\+07:00">1 Mar 2024, 23:40:00<\/time>/);
    let secondDay: number[] = [];
    url = `/newsroom/audit?person=${actor.user.id}&from=2024-03-02&to=2024-03-02`;
    while (url) {
      const page: LightMyRequestResponse = await t.app.inject({ url, headers: admin.headers });
      secondDay = [...secondDay, ...keysOf(page.body)];
      url = /<a href="([^"]+)" rel="next">/.exec(page.body)?.[1]?.replaceAll('&amp;', '&');
    }
    assert.equal(secondDay.length, 114);
    assert.equal(secondDay.at(-1), 6);
    // A reversed range is read as meant; the next day has nothing.
    const reversed = await t.app.inject({
      url: `/newsroom/audit?person=${actor.user.id}&from=2024-03-01&to=2024-02-20`,
      headers: admin.headers,
    });
    assert.equal(reversed.statusCode, 200);
    const empty = await t.app.inject({
      url: `/newsroom/audit?person=${actor.user.id}&from=2024-03-03`,
      headers: admin.headers,
    });
    assert.match(empty.body, /No entries match these filters/);
    // A filter that makes no sense is dropped, not an error.
    const odd = await t.app.inject({
      url: '/newsroom/audit?action=drop.tables&person=x&from=2024-02-31&before=zz',
      headers: admin.headers,
    });
    assert.equal(odd.statusCode, 200);
  });

  test(
    'every filter reads one index range in order, and stops at the end of the page (SQLite plan)',
    { skip: TEST_ENGINE !== 'sqlite' },
    async () => {
      const before = { at: new Date('2024-03-01T00:00:00Z'), id: 10 };
      const from = new Date('2024-01-01T00:00:00Z');
      const cases: [AuditFilter, string][] = [
        [{}, 'audit_log_at'],
        [{ before }, 'audit_log_at'],
        [{ from, before }, 'audit_log_at'],
        [{ action: 'staff.signed_in', before }, 'audit_log_action_at'],
        [{ actorId: 1, before }, 'audit_log_actor_at'],
        [{ actorId: 1, action: 'staff.signed_in', before }, 'audit_log_actor_action_at'],
        [{ actorId: 1, action: 'staff.signed_in', from }, 'audit_log_actor_action_at'],
      ];
      for (const [filter, index] of cases) {
        const query = auditEntriesQuery(t.db, filter).compile();
        const plan = await t.db.executeQuery<{ detail: string }>({ ...query, sql: `explain query plan ${query.sql}` });
        const text = plan.rows.map((r) => r.detail).join(' / ');
        assert.match(text, new RegExp(`USING INDEX ${index}(?: |$)`), `${JSON.stringify(filter)}: ${text}`);
        assert.doesNotMatch(text, /TEMP B-TREE/, `${JSON.stringify(filter)} sorts nothing: ${text}`);
      }
    },
  );

  test('the page is for administrators: 403 for an editor, and the nav shows it to admins only', async () => {
    const editor = await signedIn(t, 'editor');
    assert.equal((await t.app.inject({ url: '/newsroom/audit', headers: editor.headers })).statusCode, 403);
    const dashboard = await t.app.inject({ url: '/newsroom', headers: editor.headers });
    assert.doesNotMatch(dashboard.body, /href="\/newsroom\/audit"/);

    const page = await t.app.inject({ url: '/newsroom/audit', headers: admin.headers });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/newsroom\/audit" aria-current="page"/);
    assert.match(page.body, /<caption>Audit log entries, newest first/);
    assert.match(page.body, /<th scope="col">Who<\/th>/);
  });
});
