// API keys as a matrix: no key, a bad one, a revoked one, a deactivated user's one (401); each
// scope against each write endpoint (403 without it); each role behind a key against creating,
// publishing and changing stories (the newsroom's own rules); the sanitiser, version conflicts
// (what was sent kept), unknown fields, the per-key rate limit (shared, in the database), image
// uploads through the media pipeline, and the newsroom page (admins only, the key shown once,
// only its hash kept, revocation at once).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle, makeCategory } from '../../../test/helpers/factories.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import type { Role } from '../../core/db/schema.ts';
import { createApiKey } from './commands.ts';
import { REQUESTS_PER_MINUTE, hashApiKey, type Scope } from './model.ts';

let t: TestApp;
let admin: SignedIn;
let sectionEn: number;
const ALL: Scope[] = ['drafts:read', 'articles:write', 'media:write'];

async function keyFor(who: SignedIn, scopes: Scope[]): Promise<string> {
  const made = await createApiKey(
    { ...t.app.ctx.writer, actorId: admin.user.id },
    { userId: who.user.id, name: `key ${scopes.join('+')}`, scopes },
  );
  return made.key;
}

function call(key: string | undefined, method: 'POST' | 'PATCH', url: string, body?: unknown) {
  return t.app.inject({
    method,
    url,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
    payload: JSON.stringify(body ?? {}),
  });
}

const story = (extra: Record<string, unknown> = {}) => ({
  edition: 'en',
  section_id: sectionEn,
  title: 'Night market reopens by the river',
  summary: 'Stalls return after the floods.',
  body_html: '<p>Traders set up again on Friday.</p>',
  ...extra,
});

let jpeg: Buffer;

before(async () => {
  t = await createTestApp();
  admin = await signedIn(t, 'admin');
  sectionEn = (await makeCategory(t.db, { edition: 'en' })).id;
  jpeg = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
});

after(() => t.close());

describe('a request to write without a good key', () => {
  it('is refused with 401 and says how to authenticate', async () => {
    const editor = await signedIn(t, 'editor');
    const key = await keyFor(editor, ALL);
    for (const header of [
      undefined,
      'Basic abc',
      'Bearer',
      'Bearer wk_short',
      `Bearer ${key}x`,
      `Bearer ${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`,
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/articles',
        headers: { ...(header ? { authorization: header } : {}), 'content-type': 'application/json' },
        payload: JSON.stringify(story()),
      });
      assert.equal(res.statusCode, 401, String(header));
      assert.equal(res.json().error.code, 'unauthorized');
      if (header) assert.equal(res.headers['www-authenticate'], 'Bearer realm="warta-api"');
    }
    // A key sent to a reading endpoint must be good too: a client learns its key failed.
    const read = await t.app.inject({ url: '/api/v1/editions', headers: { authorization: 'Bearer wk_nothing' } });
    assert.equal(read.statusCode, 401);
  });

  it('is refused once the key is revoked or its user deactivated', async () => {
    const editor = await signedIn(t, 'editor');
    const revoked = await keyFor(editor, ['articles:write']);
    const id = (
      await t.db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', hashApiKey(revoked))
        .executeTakeFirstOrThrow()
    ).id;
    assert.equal((await call(revoked, 'POST', '/api/v1/articles', story())).statusCode, 201);
    assert.equal((await postForm(t, admin, `/newsroom/api-keys/${id}/revoke`)).statusCode, 303);
    assert.equal((await call(revoked, 'POST', '/api/v1/articles', story())).statusCode, 401);

    const author = await signedIn(t, 'author');
    const key = await keyFor(author, ['articles:write']);
    await t.db.updateTable('users').set({ is_active: 0 }).where('id', '=', author.user.id).execute();
    assert.equal((await call(key, 'POST', '/api/v1/articles', story())).statusCode, 401);
  });
});

describe('scopes', () => {
  it('open only their own doors (403 otherwise), whatever the role', async () => {
    const editor = await signedIn(t, 'editor');
    const article = await makeArticle(t.db, { status: 'draft', category_id: sectionEn });
    const cases: { scopes: Scope[]; create: number; change: number; upload: number }[] = [
      { scopes: [], create: 403, change: 403, upload: 403 },
      { scopes: ['drafts:read'], create: 403, change: 403, upload: 403 },
      { scopes: ['articles:write'], create: 201, change: 200, upload: 403 },
      { scopes: ['media:write'], create: 403, change: 403, upload: 201 },
    ];
    for (const c of cases) {
      const key = await keyFor(editor, c.scopes);
      const version = (
        await t.db.selectFrom('articles').select('version').where('id', '=', article.id).executeTakeFirstOrThrow()
      ).version;
      assert.equal((await call(key, 'POST', '/api/v1/articles', story())).statusCode, c.create, `create ${c.scopes}`);
      assert.equal(
        (await call(key, 'PATCH', `/api/v1/articles/${article.id}`, { version, summary: `By ${c.scopes}` })).statusCode,
        c.change,
        `change ${c.scopes}`,
      );
      const upload = await t.app.inject({
        method: 'POST',
        url: '/api/v1/media?alt=A%20green%20field',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'image/jpeg' },
        payload: jpeg,
      });
      assert.equal(upload.statusCode, c.upload, `upload ${c.scopes}`);
    }
  });
});

describe('roles behind a key', () => {
  // Y: allowed, n: refused. Columns: admin, editor, author, contributor, integrity officer.
  const ROLES: Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];
  const MATRIX: Record<string, string> = {
    'create a draft': 'YYYYn',
    'create and publish': 'YYYnn',
    'send own draft for review': 'YYYYn',
    'publish own draft': 'YYYnn',
    "change another's draft": 'YYnnn',
    "publish another's draft": 'YYnnn',
    'change a published story of their own': 'YYYnn',
  };

  it('decide as in the newsroom', async () => {
    for (const [i, role] of ROLES.entries()) {
      const who = await signedIn(t, role, ['en']);
      const key = await keyFor(who, ['articles:write']);
      const expect = (action: string) => MATRIX[action]![i] === 'Y';
      const ok = (status: number) => status === 200 || status === 201;

      const draft = await call(key, 'POST', '/api/v1/articles', story());
      assert.equal(ok(draft.statusCode), expect('create a draft'), `${role}: create a draft (${draft.statusCode})`);
      const published = await call(key, 'POST', '/api/v1/articles', story({ status: 'published' }));
      assert.equal(ok(published.statusCode), expect('create and publish'), `${role}: create and publish`);
      if (ok(draft.statusCode)) {
        const own = draft.json() as { id: number; version: number; status: string };
        assert.equal(own.status, 'draft');
        const sent = await call(key, 'PATCH', `/api/v1/articles/${own.id}`, { version: own.version, status: 'review' });
        assert.equal(ok(sent.statusCode), expect('send own draft for review'), `${role}: review`);
        const version = (sent.json() as { version?: number }).version ?? own.version;
        const out = await call(key, 'PATCH', `/api/v1/articles/${own.id}`, { version, status: 'published' });
        assert.equal(ok(out.statusCode), expect('publish own draft'), `${role}: publish own`);
        if (ok(out.statusCode)) {
          const body = out.json() as { version: number; url: string | null };
          assert.match(body.url ?? '', new RegExp(`^https://warta\\.test/en/news/${own.id}/`));
          const changed = await call(key, 'PATCH', `/api/v1/articles/${own.id}`, {
            version: body.version,
            summary: 'Updated.',
          });
          assert.equal(
            ok(changed.statusCode),
            expect('change a published story of their own'),
            `${role}: change published`,
          );
        }
      }
      const other = await makeArticle(t.db, { status: 'draft', category_id: sectionEn });
      const change = await call(key, 'PATCH', `/api/v1/articles/${other.id}`, {
        version: other.version,
        summary: 'Mine now?',
      });
      assert.equal(ok(change.statusCode), expect("change another's draft"), `${role}: change another's`);
      const fresh = (
        await t.db.selectFrom('articles').select('version').where('id', '=', other.id).executeTakeFirstOrThrow()
      ).version;
      const pub = await call(key, 'PATCH', `/api/v1/articles/${other.id}`, { version: fresh, status: 'published' });
      assert.equal(ok(pub.statusCode), expect("publish another's draft"), `${role}: publish another's`);
    }
  });

  it("keep a key to its user's editions", async () => {
    const idEditor = await signedIn(t, 'editor', ['id']);
    const key = await keyFor(idEditor, ['articles:write']);
    const res = await call(key, 'POST', '/api/v1/articles', story());
    assert.equal(res.statusCode, 403);
    const other = await makeArticle(t.db, { status: 'draft', category_id: sectionEn });
    const change = await call(key, 'PATCH', `/api/v1/articles/${other.id}`, { version: other.version, title: 'x' });
    assert.equal(change.statusCode, 404, 'a story the user cannot open is not found');
  });
});

describe('writing a story', () => {
  it('goes through the sanitiser and records who did it', async () => {
    const editor = await signedIn(t, 'editor');
    const key = await keyFor(editor, ['articles:write']);
    const res = await call(
      key,
      'POST',
      '/api/v1/articles',
      story({ body_html: '<p onclick="x()">Hi<script>alert(1)</script></p>', tags: ['floods', 'markets'] }),
    );
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    assert.equal(row.body_html, '<p>Hi</p>');
    assert.equal(row.created_by, editor.user.id);
    const log = await t.db
      .selectFrom('audit_log')
      .select(['actor_id'])
      .where('action', '=', 'article.created')
      .where('subject_id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(log.actor_id, editor.user.id);
  });

  it('refuses a change based on an old version, keeping what was sent as a revision', async () => {
    const editor = await signedIn(t, 'editor');
    const key = await keyFor(editor, ['articles:write']);
    const made = (await call(key, 'POST', '/api/v1/articles', story())).json() as { id: number; version: number };
    assert.equal(
      (await call(key, 'PATCH', `/api/v1/articles/${made.id}`, { version: made.version, title: 'First change' }))
        .statusCode,
      200,
    );
    const late = await call(key, 'PATCH', `/api/v1/articles/${made.id}`, {
      version: made.version,
      title: 'Late change',
    });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'conflict');
    const row = await t.db.selectFrom('articles').select('title').where('id', '=', made.id).executeTakeFirstOrThrow();
    assert.equal(row.title, 'First change');
    const kept = await t.db
      .selectFrom('article_revisions')
      .select('snapshot')
      .where('article_id', '=', made.id)
      .execute();
    assert.ok(
      kept.some((r) => String(r.snapshot).includes('Late change')),
      'the refused text is kept',
    );
  });

  it('refuses unknown fields and bad values, changing nothing', async () => {
    const editor = await signedIn(t, 'editor');
    const key = await keyFor(editor, ['articles:write']);
    const before = (await t.db.selectFrom('articles').select('id').execute()).length;
    const unknown = await call(key, 'POST', '/api/v1/articles', story({ titel: 'typo' }));
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().error.message, /Unknown field "titel"/);
    for (const bad of [
      story({ section_id: 'one' }),
      story({ status: 'gone' }),
      story({ publish_at: 'tomorrow' }),
      story({ section_id: 999_999 }),
      story({ title: '' }),
      story({ title: 'a\u0000b' }),
      story({ edition: 'xx' }),
    ]) {
      const res = await call(key, 'POST', '/api/v1/articles', bad);
      assert.ok(res.statusCode === 400 || res.statusCode === 403, `${JSON.stringify(bad)} → ${res.statusCode}`);
    }
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/articles',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: Buffer.from([0x7b, 0x22, 0x74, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]),
    });
    assert.equal(broken.statusCode, 400);
    assert.equal((await t.db.selectFrom('articles').select('id').execute()).length, before);
  });
});

describe('uploading an image', () => {
  it("stores it through the media pipeline as the key's user, and refuses what is not an image", async () => {
    const author = await signedIn(t, 'author');
    const key = await keyFor(author, ['media:write']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media?alt=Stalls%20by%20the%20river&credit=Warta',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'image/jpeg' },
      payload: jpeg,
    });
    assert.equal(res.statusCode, 201);
    const body = res.json() as { id: number; width: number; alt: string; url: string };
    assert.equal(body.width, 640);
    assert.equal(body.alt, 'Stalls by the river');
    assert.match(body.url, /^https:\/\/warta\.test\/media\/.+\.jpg$/);
    const row = await t.db
      .selectFrom('media')
      .select(['uploaded_by', 'credit'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { uploaded_by: author.user.id, credit: 'Warta' });

    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'image/jpeg' },
      payload: Buffer.from('not a picture at all'),
    });
    assert.equal(text.statusCode, 415);
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/media',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(json.statusCode, 415);
  });
});

describe('the rate limit', () => {
  it("answers 429 with Retry-After past the key's requests per minute, counted in the database", async () => {
    const editor = await signedIn(t, 'editor');
    const key = await keyFor(editor, []);
    const now = new Date('2026-12-02T10:00:20.000Z');
    t.setNow(now);
    try {
      const { id } = await t.db
        .selectFrom('api_keys')
        .select('id')
        .where('key_hash', '=', hashApiKey(key))
        .executeTakeFirstOrThrow();
      // As if other app processes had already counted the minute's requests.
      await t.db
        .insertInto('api_key_windows')
        .values({ key_id: id, window_start: '2026-12-02T10:00:00.000Z', count: REQUESTS_PER_MINUTE - 1 })
        .execute();
      const last = await t.app.inject({ url: '/api/v1/editions', headers: { authorization: `Bearer ${key}` } });
      assert.equal(last.statusCode, 200);
      const over = await t.app.inject({ url: '/api/v1/editions', headers: { authorization: `Bearer ${key}` } });
      assert.equal(over.statusCode, 429);
      assert.equal(over.json().error.code, 'too_many_requests');
      assert.equal(over.headers['retry-after'], '40');
      t.setNow(new Date('2026-12-02T10:01:00.000Z'));
      const next = await t.app.inject({ url: '/api/v1/editions', headers: { authorization: `Bearer ${key}` } });
      assert.equal(next.statusCode, 200, 'a new minute, a new count');
      const windows = await t.db
        .selectFrom('api_key_windows')
        .select('window_start')
        .where('key_id', '=', id)
        .execute();
      assert.deepEqual(windows, [{ window_start: '2026-12-02T10:01:00.000Z' }], 'old minutes are dropped');
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('the API keys page', () => {
  it('is for administrators only', async () => {
    for (const role of ['editor', 'author', 'contributor', 'integrity_officer'] as const) {
      const who = await signedIn(t, role);
      assert.equal((await t.app.inject({ url: '/newsroom/api-keys', headers: who.headers })).statusCode, 403, role);
      const res = await postForm(t, who, '/newsroom/api-keys', {
        name: 'x',
        userId: String(who.user.id),
        scopes: 'articles:write',
      });
      assert.equal(res.statusCode, 403, role);
    }
  });

  it('shows a new key once, keeps only its hash, and lists every problem', async () => {
    const editor = await signedIn(t, 'editor');
    const res = await postForm(t, admin, '/newsroom/api-keys', {
      name: 'Mobile app',
      userId: String(editor.user.id),
      scopes: 'articles:write',
    });
    assert.equal(res.statusCode, 201);
    assert.equal(res.headers['cache-control'], 'private, no-store');
    const key = /wk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}/.exec(res.body)?.[0];
    assert.ok(key, 'the key is on the page');
    const row = await t.db
      .selectFrom('api_keys')
      .selectAll()
      .where('name', '=', 'Mobile app')
      .executeTakeFirstOrThrow();
    assert.equal(row.key_hash, hashApiKey(key));
    assert.ok(!JSON.stringify(row).includes(key.slice(12)), 'the key itself is not stored');
    assert.equal(row.scopes, 'articles:write');
    const list = await t.app.inject({ url: '/newsroom/api-keys', headers: admin.headers });
    assert.ok(!list.body.includes(key), 'never shown again');
    assert.ok(list.body.includes(row.prefix));
    assert.equal((await call(key, 'POST', '/api/v1/articles', story())).statusCode, 201);

    const count = (await t.db.selectFrom('api_keys').select('id').execute()).length;
    const bad = await postForm(t, admin, '/newsroom/api-keys', { name: '', userId: 'abc', scopes: 'everything' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /Give the key a name/);
    assert.match(bad.body, /Choose whose key it is/);
    assert.match(bad.body, /Choose scopes from the list/);
    assert.equal((await t.db.selectFrom('api_keys').select('id').execute()).length, count);
  });
});

describe('reading drafts with a key', () => {
  it('shows what is not out only to a key with drafts:read whose user reviews that edition, privately', async () => {
    const draft = await makeArticle(t.db, {
      status: 'draft',
      category_id: sectionEn,
      title: 'Embargoed budget figures',
    });
    const since = encodeURIComponent('2000-01-01T00:00:00Z');
    const read = (key: string | undefined, url: string) =>
      t.app.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });
    const editor = await signedIn(t, 'editor', ['en']);
    const contributor = await signedIn(t, 'contributor', ['en']);
    const elsewhere = await signedIn(t, 'editor', ['id']);
    const cases: { who: string; key: string | undefined; sees: boolean }[] = [
      { who: 'the public', key: undefined, sees: false },
      { who: 'an editor without the scope', key: await keyFor(editor, ['articles:write']), sees: false },
      { who: 'an editor with it', key: await keyFor(editor, ['drafts:read']), sees: true },
      { who: 'a contributor with it', key: await keyFor(contributor, ['drafts:read']), sees: false },
      { who: "another edition's editor with it", key: await keyFor(elsewhere, ['drafts:read']), sees: false },
    ];
    for (const c of cases) {
      const one = await read(c.key, `/api/v1/articles/${draft.id}`);
      assert.equal(one.statusCode, c.sees ? 200 : 404, `${c.who}: by id`);
      if (c.sees) {
        assert.equal(one.json().article.status, 'draft');
        assert.equal(one.headers['cache-control'], 'private, no-store');
      }
      const list = await read(c.key, `/api/v1/articles?edition=en&updated_since=${since}&limit=100`);
      assert.equal(list.statusCode, 200, `${c.who}: list`);
      const ids = (list.json() as { articles: { id: number }[] }).articles.map((a) => a.id);
      assert.equal(ids.includes(draft.id), c.sees, `${c.who}: in the list`);
    }
  });
});
