// /newsroom/redirects: who may use it, the form's rules (every problem listed, nothing saved), the
// audit log, "test an address", search and keyset paging over many rows.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle } from '../../../test/helpers/factories.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { toDbTime } from '../../core/db/dialect.ts';
import { PAGE_SIZE } from '../queries.ts';
import { addK2Site, linkK2 } from '../test-fixture.ts';

describe('the newsroom redirects page', { timeout: 300_000 }, () => {
  let t: TestApp;
  let admin: SignedIn;
  let editor: SignedIn;
  let arEditor: SignedIn;
  let storyPath: string;

  const page = (who: SignedIn, url = '/newsroom/redirects') =>
    t.app.inject({ method: 'GET', url, headers: who.headers });
  const rowOf = (fromPath: string) =>
    t.db.selectFrom('redirects').selectAll().where('from_path', '=', fromPath).executeTakeFirst();

  before(async () => {
    t = await createTestApp();
    admin = await signedIn(t, 'admin');
    editor = await signedIn(t, 'editor', ['en', 'id']);
    arEditor = await signedIn(t, 'editor', ['ar']);
    const story = await makeArticle(t.db, { edition: 'id', title: 'Harga beras' });
    storyPath = `/id/news/${story.id}/${story.slug}`;
    await addK2Site(t.app.ctx.writer, 'id', 'https://old.example/indonesian');
    await linkK2(t.db, { edition: 'id', kind: 'item', sourceId: 77, targetId: story.id });
  });

  after(async () => {
    await t.close();
  });

  it('opens for administrators and editors only, and lists the section in their bar', async () => {
    for (const who of [admin, editor]) {
      const res = await page(who);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<h1>Redirects<\/h1>/);
      assert.match(res.body, /href="\/newsroom\/redirects"/);
      assert.equal(res.headers['cache-control'], 'private, no-store');
    }
    for (const role of ['author', 'contributor', 'integrity_officer'] as const) {
      const who = await signedIn(t, role);
      assert.equal((await page(who)).statusCode, 403, role);
      const post = await postForm(t, who, '/newsroom/redirects', { fromPath: '/a', toPath: '/en' });
      assert.equal(post.statusCode, 403, role);
    }
    const signedOut = await t.app.inject({ url: '/newsroom/redirects' });
    assert.ok([302, 303].includes(signedOut.statusCode));
    assert.match(String(signedOut.headers.location), /sign-in/);
  });

  it('refuses a post without the form token or from another origin', async () => {
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/newsroom/redirects',
      headers: { ...admin.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'fromPath=%2Fcsrf&toPath=%2Fen',
    });
    assert.equal(noToken.statusCode, 403);
    const foreign = await t.app.inject({
      method: 'POST',
      url: '/newsroom/redirects',
      headers: {
        ...admin.headers,
        origin: 'https://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({ _csrf: admin.csrfToken, fromPath: '/csrf', toPath: '/en' }).toString(),
    });
    assert.equal(foreign.statusCode, 403);
    assert.equal(await rowOf('/csrf'), undefined);
  });

  it('adds a redirect, records it in the audit log, and it answers 301 at once', async () => {
    const res = await postForm(t, editor, '/newsroom/redirects', {
      fromPath: '/berita-lama/',
      toPath: storyPath,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsroom/redirects?done=created');
    const row = await rowOf('/berita-lama');
    assert.ok(row);
    assert.equal(row.to_path, storyPath);
    assert.equal(row.origin, 'manual');
    assert.equal(row.edition, 'id');
    assert.equal(row.created_by, editor.user.id);
    const reader = await t.app.inject({ url: '/berita-lama' });
    assert.equal(reader.statusCode, 301);
    assert.equal(reader.headers.location, storyPath);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('action', '=', 'redirect.created')
      .execute();
    assert.deepEqual(audit, [{ action: 'redirect.created', actor_id: editor.user.id }]);
    const done = await page(editor, '/newsroom/redirects?done=created');
    assert.match(done.body, /The redirect has been added\./);
  });

  it('lists every problem of a refused form and saves nothing', async () => {
    const before = await t.db
      .selectFrom('redirects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: [Record<string, string>, RegExp[]][] = [
      [
        { fromPath: 'no-slash', toPath: '' },
        [/must start with a single \//, /enter where the old address should lead/],
      ],
      [
        { fromPath: '/x?utm_source=a&p=1', toPath: '/x?p=1' },
        [/parameters utm_source are ignored/, /leads back to the old address/],
      ],
      [{ fromPath: '/berita-lama', toPath: '/en' }, [/a redirect from \/berita-lama exists already/]],
      [{ fromPath: '/chain', toPath: '/berita-lama' }, [/\/berita-lama itself redirects to/]],
      [
        { fromPath: '/newsroom/x', toPath: 'javascript:alert(1)' },
        [/belong to the site itself/, /only a path on this site or an http/],
      ],
      [{ fromPath: '/out', toPath: 'https://other.example/x' }, [/only an administrator may send/]],
      [{ fromPath: '/creds', toPath: '//evil.example/x' }, [/only a path on this site or an http/]],
      [{ fromPath: '/with space', toPath: '/en' }, [/cannot hold spaces/]],
    ];
    for (const [fields, problems] of cases) {
      const res = await postForm(t, editor, '/newsroom/redirects', fields);
      assert.equal(res.statusCode, 400, JSON.stringify(fields));
      for (const problem of problems) assert.match(res.body, problem, JSON.stringify(fields));
      // What was typed comes back in the form.
      assert.ok(res.body.includes(`value="${fields.fromPath}"`), fields.fromPath);
    }
    const nul = await postForm(t, editor, '/newsroom/redirects', { fromPath: '/a\u0000b', toPath: '/en' });
    assert.equal(nul.statusCode, 400);
    const after = await t.db
      .selectFrom('redirects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('lets an administrator send an old address to another site, and no one else', async () => {
    const res = await postForm(t, admin, '/newsroom/redirects', {
      fromPath: '/partner',
      toPath: 'https://partner.example/a',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await rowOf('/partner'))?.to_path, 'https://partner.example/a');
    const creds = await postForm(t, admin, '/newsroom/redirects', {
      fromPath: '/creds',
      toPath: 'https://user:pw@partner.example/a',
    });
    assert.equal(creds.statusCode, 400);
    assert.match(creds.body, /user name or password/);
  });

  it("edits and deletes a redirect, within the editor's editions", async () => {
    const row = (await rowOf('/berita-lama'))!;
    const form = await page(editor, `/newsroom/redirects/${row.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /value="\/berita-lama"/);
    assert.equal((await page(arEditor, `/newsroom/redirects/${row.id}`)).statusCode, 403, 'another edition');
    const refused = await postForm(t, arEditor, `/newsroom/redirects/${row.id}/delete`);
    assert.equal(refused.statusCode, 403);

    const bad = await postForm(t, editor, `/newsroom/redirects/${row.id}`, {
      fromPath: '/berita-lama',
      toPath: '/berita-lama',
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /leads back to the old address/);
    const saved = await postForm(t, editor, `/newsroom/redirects/${row.id}`, {
      fromPath: '/berita-baru',
      toPath: '/id',
    });
    assert.equal(saved.statusCode, 303);
    assert.equal((await rowOf('/berita-baru'))?.to_path, '/id');
    assert.equal(
      (await t.app.inject({ url: '/berita-lama' })).statusCode,
      404,
      'the old from-path no longer redirects',
    );
    assert.equal((await t.app.inject({ url: '/berita-baru' })).headers.location, '/id');

    const deleted = await postForm(t, editor, `/newsroom/redirects/${row.id}/delete`);
    assert.equal(deleted.statusCode, 303);
    assert.equal(await rowOf('/berita-baru'), undefined);
    assert.equal((await t.app.inject({ url: '/berita-baru' })).statusCode, 404);
    assert.equal((await page(editor, `/newsroom/redirects/${row.id}`)).statusCode, 404);
    const actions = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'redirect.%').execute();
    assert.deepEqual(actions.map((a) => a.action).sort(), [
      'redirect.changed',
      'redirect.created',
      'redirect.created',
      'redirect.deleted',
    ]);
  });

  it('tests an address: the rule that answers and what a reader gets now', async () => {
    const k2 = await page(
      editor,
      `/newsroom/redirects?test=${encodeURIComponent('/indonesian/index.php/component/k2/item/77-old?start=5')}`,
    );
    assert.match(k2.body, /K2 item 77 imported into the id edition/);
    assert.ok(k2.body.includes(`A reader asking for it now gets: 301 → ${storyPath}`));
    const unknown = await page(
      editor,
      `/newsroom/redirects?test=${encodeURIComponent('/indonesian/berita/item/78-x')}`,
    );
    assert.match(unknown.body, /K2 item 78 of the id edition’s old site, but nothing imported answers/);
    const none = await page(editor, '/newsroom/redirects?test=%2Fnothing-here');
    assert.match(none.body, /No redirect matches this address\./);
    assert.match(none.body, /gets: 404/);
    const live = await page(editor, `/newsroom/redirects?test=${encodeURIComponent(storyPath)}`);
    assert.match(live.body, /gets: 200/);
    const invalid = await page(editor, '/newsroom/redirects?test=nope');
    assert.match(invalid.body, /not an address of this site/);
  });

  it('searches and pages by key through many rows', async () => {
    const at = toDbTime(new Date());
    const rows = Array.from({ length: 130 }, (_, i) => ({
      from_path: `/wp/${String(i).padStart(3, '0')}-old`,
      to_path: `/en/news/${i + 1}/story`,
      edition: 'en',
      origin: 'wxr' as const,
      created_by: null,
      created_at: at,
      updated_at: at,
    }));
    await t.db.insertInto('redirects').values(rows).execute();
    const first = await page(admin, '/newsroom/redirects?origin=wxr');
    assert.equal((first.body.match(/<tr>/g) ?? []).length - 1, PAGE_SIZE);
    assert.ok(first.body.includes('/wp/129-old'), 'newest first');
    const older = /href="(\/newsroom\/redirects\?origin=wxr&(?:amp;)?before=\d+)"/.exec(first.body);
    assert.ok(older, 'an older page');
    const second = await page(admin, older[1]!.replace(/&amp;/g, '&'));
    assert.ok(second.body.includes('/wp/079-old'));
    assert.ok(!second.body.includes('/wp/080-old'));
    assert.match(second.body, /Newest redirects/);
    const search = await page(admin, '/newsroom/redirects?q=WP%2F04');
    assert.equal((search.body.match(/<tr>/g) ?? []).length - 1, 10, 'search ignores case');
    const wildcard = await page(admin, '/newsroom/redirects?q=%25');
    assert.match(wildcard.body, /No redirects match\./, '% is a character, not a wildcard');
    // An editor of Arabic only sees rows of no edition and of Arabic.
    const ar = await page(arEditor, '/newsroom/redirects?origin=wxr');
    assert.match(ar.body, /No redirects match\./);
  });
});
