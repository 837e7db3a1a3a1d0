// The people admin: adding a person with a set-password link, role and editions, deactivation
// (sessions end), the rules that keep an administrator, and administrators only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { form, signedIn, type SignedIn } from '../../test/helpers/newsroom.ts';
import { writerFor } from '../../test/helpers/writer.ts';
import { toDate } from '../core/db/dialect.ts';
import { AdminRuleError, setUserActive, updateStaffAccess } from '../users/index.ts';
import { SET_PASSWORD_VALID_MS } from './people-commands.ts';

function post(t: TestApp, who: SignedIn, url: string, fields: Record<string, string | string[]> = {}) {
  const body = new URLSearchParams(form(who));
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  }
  return t.app.inject({
    method: 'POST',
    url,
    headers: { ...who.headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

async function userRow(t: TestApp, id: number) {
  return t.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function editionsOf(t: TestApp, id: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('user_editions')
    .select('edition')
    .where('user_id', '=', id)
    .orderBy('edition')
    .execute();
  return rows.map((r) => r.edition);
}

describe('the people admin', () => {
  let t: TestApp;
  let admin: SignedIn;

  before(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
  });
  after(() => t.close());

  test('adds a person with a role and editions, and shows a one-time set-password link that works for 7 days', async () => {
    const added = await post(t, admin, '/newsroom/users', {
      name: 'Siti Rahma',
      email: 'Siti@Warta.test',
      role: 'editor',
      editions: ['en', 'id'],
    });
    assert.equal(added.statusCode, 200);
    const link = /value="https:\/\/warta\.test(\/newsroom\/password-reset\/[A-Za-z0-9_-]{43})"/.exec(added.body)?.[1];
    assert.ok(link, 'the link is shown');
    const user = await t.db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'siti@warta.test')
      .executeTakeFirstOrThrow();
    assert.equal(user.role, 'editor');
    assert.equal(user.password_hash, null, 'no password until they set one');
    assert.deepEqual(await editionsOf(t, user.id), ['en', 'id']);
    const reset = await t.db
      .selectFrom('password_resets')
      .selectAll()
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    const validMs = toDate(reset.expires_at).getTime() - toDate(reset.created_at).getTime();
    assert.equal(validMs, SET_PASSWORD_VALID_MS);
    // The link opens the page where the password is set.
    assert.equal((await t.app.inject({ url: link })).statusCode, 200);

    const list = await t.app.inject({ url: '/newsroom/users', headers: admin.headers });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<caption>Everyone with a newsroom account<\/caption>/);
    assert.match(list.body, new RegExp(`<a href="/newsroom/users/${user.id}">Siti Rahma</a>`));
    assert.match(list.body, /<td>EN, ID<\/td>/);
    assert.match(list.body, /no password yet/);
    const audit = await t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'author.created')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_id, admin.user.id);
  });

  test('bad input lists every problem and adds no one', async () => {
    const before = (await t.db.selectFrom('users').select('id').execute()).length;
    const bad = await post(t, admin, '/newsroom/users', {
      name: ' ',
      email: 'not-an-address',
      role: 'king',
      editions: ['en', 'xx'],
    });
    assert.equal(bad.statusCode, 400);
    for (const problem of [
      /name: is required/,
      /email: is not an e-mail address/,
      /role: must be one of/,
      /editions: xx is not an edition/,
    ]) {
      assert.match(bad.body, problem);
    }
    assert.match(bad.body, /value="not-an-address"/, 'the form keeps what was typed');
    assert.equal((await t.db.selectFrom('users').select('id').execute()).length, before);
    const taken = await post(t, admin, '/newsroom/users', { name: 'Again', email: 'siti@warta.test', role: 'author' });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /already in use/);
  });

  test('changes a role and editions, recording who did it', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const saved = await post(t, admin, `/newsroom/users/${editor.user.id}`, { role: 'author', editions: ['ar', 'id'] });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/newsroom/users/${editor.user.id}?done=saved`);
    assert.equal((await userRow(t, editor.user.id)).role, 'author');
    assert.deepEqual(await editionsOf(t, editor.user.id), ['ar', 'id']);
    const entries = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('subject_type', '=', 'user')
      .where('subject_id', '=', editor.user.id)
      .where('action', 'like', 'user.%')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      entries.map((e) => [e.action, e.actor_id, JSON.parse(e.detail)]),
      [
        ['user.role_changed', admin.user.id, { userId: editor.user.id, role: 'author' }],
        ['user.editions_changed', admin.user.id, { userId: editor.user.id }],
      ],
    );
    const page = await t.app.inject({ url: `/newsroom/users/${editor.user.id}?done=saved`, headers: admin.headers });
    assert.match(page.body, /The role and editions have been saved/);
    const audit = await t.app.inject({
      url: `/newsroom/audit?person=${admin.user.id}&action=user.role_changed`,
      headers: admin.headers,
    });
    assert.match(audit.body, /Changed the role to Author/);

    // Bad input changes nothing, not even the part that was fine.
    const bad = await post(t, admin, `/newsroom/users/${editor.user.id}`, { role: 'editor', editions: ['en', 'zz'] });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /editions: zz is not an edition/);
    assert.equal((await userRow(t, editor.user.id)).role, 'author');
  });

  test('deactivation ends every session of the person at once; reactivation lets them sign in again', async () => {
    const reporter = await signedIn(t, 'author');
    assert.equal((await t.app.inject({ url: '/newsroom', headers: reporter.headers })).statusCode, 200);
    const done = await post(t, admin, `/newsroom/users/${reporter.user.id}/deactivate`);
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/newsroom/users/${reporter.user.id}?done=deactivated`);
    const sessions = await t.db
      .selectFrom('staff_sessions')
      .select('id_hash')
      .where('user_id', '=', reporter.user.id)
      .execute();
    assert.equal(sessions.length, 0);
    const later = await t.app.inject({ url: '/newsroom', headers: reporter.headers });
    assert.equal(later.statusCode, 303);
    assert.match(later.headers.location as string, /^\/newsroom\/sign-in/);
    assert.equal(Number((await userRow(t, reporter.user.id)).is_active), 0);
    // Sign-in ends; the author page their bylines link to stays.
    const authorPage = await t.app.inject({ url: `/en/author/${(await userRow(t, reporter.user.id)).slug}` });
    assert.equal(authorPage.statusCode, 200);

    const again = await post(t, admin, `/newsroom/users/${reporter.user.id}/reactivate`);
    assert.equal(again.statusCode, 303);
    assert.equal(Number((await userRow(t, reporter.user.id)).is_active), 1);
    const actions = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', reporter.user.id)
      .where('action', 'in', ['user.deactivated', 'user.reactivated'])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      actions.map((a) => a.action),
      ['user.deactivated', 'user.reactivated'],
    );
  });

  test('an admin can neither demote nor deactivate themselves', async () => {
    const demote = await post(t, admin, `/newsroom/users/${admin.user.id}`, { role: 'editor', editions: ['en'] });
    assert.equal(demote.statusCode, 409);
    assert.match(demote.body, /You cannot change your own role/);
    const deactivate = await post(t, admin, `/newsroom/users/${admin.user.id}/deactivate`);
    assert.equal(deactivate.statusCode, 409);
    assert.match(deactivate.body, /You cannot deactivate yourself/);
    const row = await userRow(t, admin.user.id);
    assert.deepEqual([row.role, Number(row.is_active)], ['admin', 1]);
    assert.deepEqual(await editionsOf(t, admin.user.id), [], 'the refused change changed nothing');
    assert.equal(
      (await t.app.inject({ url: '/newsroom/users', headers: admin.headers })).statusCode,
      200,
      'still signed in',
    );

    // Another admin may demote them, and they may demote another admin.
    const other = await signedIn(t, 'admin');
    const byOther = await post(t, admin, `/newsroom/users/${other.user.id}`, { role: 'editor', editions: ['en'] });
    assert.equal(byOther.statusCode, 303);
    assert.equal((await userRow(t, other.user.id)).role, 'editor');
  });

  test('the last active admin can be neither demoted nor deactivated', async () => {
    const fresh = await createTestApp();
    try {
      const only = await signedIn(fresh, 'admin');
      const editor = await signedIn(fresh, 'editor');
      // From the shell (no actor), where the self rule does not apply.
      const w = writerFor(fresh.db);
      await assert.rejects(
        updateStaffAccess(w, only.user.id, { role: 'editor', editions: [] }),
        (e: unknown) => e instanceof AdminRuleError && e.rule === 'last_admin',
      );
      await assert.rejects(
        setUserActive(w, only.user.id, false),
        (e: unknown) => e instanceof AdminRuleError && e.rule === 'last_admin',
      );
      assert.equal((await userRow(fresh, only.user.id)).role, 'admin');
      // A deactivated admin does not count: promote the editor, deactivate them, and the rule holds.
      await updateStaffAccess(w, editor.user.id, { role: 'admin', editions: [] });
      await setUserActive(w, editor.user.id, false);
      await assert.rejects(
        setUserActive(w, only.user.id, false),
        (e: unknown) => e instanceof AdminRuleError && e.rule === 'last_admin',
      );
      await setUserActive(w, editor.user.id, true);
      await setUserActive(w, only.user.id, false);
      assert.equal(Number((await userRow(fresh, only.user.id)).is_active), 0);
    } finally {
      await fresh.close();
    }
  });

  test('every people route is 403 for an editor, GET and POST', async () => {
    const editor = await signedIn(t, 'editor');
    const target = await signedIn(t, 'author');
    for (const url of ['/newsroom/users', '/newsroom/users/new', `/newsroom/users/${target.user.id}`]) {
      assert.equal((await t.app.inject({ url, headers: editor.headers })).statusCode, 403, `GET ${url}`);
    }
    const posts: [string, Record<string, string>][] = [
      ['/newsroom/users', { name: 'Mole', email: 'mole@warta.test', role: 'admin' }],
      [`/newsroom/users/${target.user.id}`, { role: 'admin' }],
      [`/newsroom/users/${target.user.id}/deactivate`, {}],
      [`/newsroom/users/${target.user.id}/reactivate`, {}],
      [`/newsroom/users/${target.user.id}/link`, {}],
      [`/newsroom/users/${editor.user.id}`, { role: 'admin' }],
    ];
    for (const [url, fields] of posts) {
      assert.equal((await post(t, editor, url, fields)).statusCode, 403, `POST ${url}`);
    }
    assert.equal((await userRow(t, target.user.id)).role, 'author');
    assert.equal((await userRow(t, editor.user.id)).role, 'editor');
    assert.equal(
      await t.db.selectFrom('users').select('id').where('email', '=', 'mole@warta.test').executeTakeFirst(),
      undefined,
    );
    assert.equal(
      (await t.db.selectFrom('password_resets').select('user_id').where('user_id', '=', target.user.id).execute())
        .length,
      0,
    );
    // The nav shows the section to admins only.
    assert.doesNotMatch(
      (await t.app.inject({ url: '/newsroom', headers: editor.headers })).body,
      /href="\/newsroom\/users"/,
    );
    assert.match((await t.app.inject({ url: '/newsroom', headers: admin.headers })).body, /href="\/newsroom\/users"/);
  });
});
