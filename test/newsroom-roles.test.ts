// The role matrix through HTTP: each role × each newsroom route and action → allowed or 403.
// Every route checks the role on the server; this is where a route that forgets shows up.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import type { Role } from '../src/core/db/schema.ts';
import { createTestApp, type TestApp } from './helpers/app.ts';
import { makeArticle, makeCategory } from './helpers/factories.ts';
import { form, signedIn, type SignedIn } from './helpers/newsroom.ts';

const ROLES: readonly Role[] = ['admin', 'editor', 'author', 'contributor', 'integrity_officer'];

let t: TestApp;
let sectionId: number;
const who = new Map<Role, SignedIn>();

before(async () => {
  t = await createTestApp();
  sectionId = (await makeCategory(t.db, { edition: 'en', name: 'Roles desk', slug: 'roles-desk' })).id;
  for (const role of ROLES) who.set(role, await signedIn(t, role, role === 'integrity_officer' ? [] : ['en']));
});
after(() => t.close());

/** Y: allowed (2xx or a redirect after a post), n: 403. Columns: admin, editor, author, contributor, officer. */
type Pattern = string;

async function othersArticle(status: 'draft' | 'review' | 'published') {
  const row = await makeArticle(t.db, {
    category_id: sectionId,
    status,
    published_at: status === 'published' ? new Date(Date.now() - 60_000).toISOString() : null,
  });
  return row.id;
}

function expectPattern(pattern: Pattern, role: Role): boolean {
  return pattern[ROLES.indexOf(role)] === 'Y';
}

function allowed(status: number): boolean {
  return status >= 200 && status < 400;
}

describe('pages each role may open', () => {
  const pages: [string, Pattern][] = [
    // An officer has no dashboard: it sends them on to the reports inbox (see dashboard.test.ts).
    ['/newsroom', 'YYYYY'],
    ['/newsroom/integrity/reports', 'YnnnY'],
    ['/newsroom/integrity/documents?edition=en', 'YYnnY'],
    ['/newsroom/integrity/survey?edition=en', 'YYnnY'],
    ['/newsroom/account', 'YYYYY'],
    ['/newsroom/articles', 'YYYYn'],
    ['/newsroom/articles/new?edition=en', 'YYYYn'],
    ['/newsroom/banner', 'YYnnn'],
    ['/newsroom/users', 'Ynnnn'],
    ['/newsroom/users/new', 'Ynnnn'],
    ['/newsroom/editions', 'Ynnnn'],
    ['/newsroom/editions/id', 'Ynnnn'],
    ['/newsroom/audit', 'Ynnnn'],
    ['/newsroom/settings', 'Ynnnn'],
    ['/newsroom/settings/security', 'Ynnnn'],
  ];
  for (const [url, pattern] of pages) {
    test(url, async () => {
      for (const role of ROLES) {
        const res = await t.app.inject({ url, headers: who.get(role)!.headers });
        assert.equal(allowed(res.statusCode), expectPattern(pattern, role), `${role} GET ${url}: ${res.statusCode}`);
        if (!expectPattern(pattern, role)) assert.equal(res.statusCode, 403, `${role} GET ${url}`);
      }
    });
  }

  test("someone else's draft, and its revisions and preview", async () => {
    const id = await othersArticle('draft');
    for (const url of [
      `/newsroom/articles/${id}`,
      `/newsroom/articles/${id}/revisions`,
      `/newsroom/articles/${id}/preview`,
    ]) {
      for (const role of ROLES) {
        const res = await t.app.inject({ url, headers: who.get(role)!.headers });
        assert.equal(res.statusCode, expectPattern('YYnnn', role) ? 200 : 403, `${role} GET ${url}`);
      }
    }
  });
});

describe('actions each role may take', () => {
  const post = (role: Role, url: string, fields: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { ...who.get(role)!.headers, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(who.get(role)!, fields),
    });
  const story = { title: 'A story for the role matrix', categoryId: '', summary: 'Summary.', bodyHtml: '<p>Text.</p>' };

  test('create a draft', async () => {
    for (const role of ROLES) {
      const res = await post(role, '/newsroom/articles?edition=en', {
        ...story,
        categoryId: String(sectionId),
        step: 'save',
      });
      assert.equal(allowed(res.statusCode), expectPattern('YYYYn', role), `${role}: ${res.statusCode}`);
    }
  });

  test('publish a new story of their own at once', async () => {
    for (const role of ROLES) {
      const res = await post(role, '/newsroom/articles?edition=en', {
        ...story,
        categoryId: String(sectionId),
        step: 'publish',
      });
      assert.equal(allowed(res.statusCode), expectPattern('YYYnn', role), `${role}: ${res.statusCode}`);
    }
  });

  for (const [step, status, pattern] of [
    ['publish', 'review', 'YYnnn'],
    ['return', 'review', 'YYnnn'],
    ['unpublish', 'published', 'YYnnn'],
    ['save', 'published', 'YYnnn'],
  ] as const) {
    test(`${step} someone else's ${status} story`, async () => {
      for (const role of ROLES) {
        const id = await othersArticle(status);
        const version = String(
          (await t.db.selectFrom('articles').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version,
        );
        const res = await post(role, `/newsroom/articles/${id}`, {
          ...story,
          categoryId: String(sectionId),
          version,
          step,
        });
        assert.equal(allowed(res.statusCode), expectPattern(pattern, role), `${role}: ${res.statusCode}`);
        if (!expectPattern(pattern, role)) assert.equal(res.statusCode, 403);
        const after = await t.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow();
        if (!expectPattern(pattern, role)) assert.equal(after.status, status, `${role}: nothing changed`);
      }
    });
  }

  test("upload an image into someone else's draft", async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#246' } })
      .png()
      .toBuffer();
    const boundary = 'roles-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    for (const role of ROLES) {
      const id = await othersArticle('draft');
      const me = who.get(role)!;
      const res = await t.app.inject({
        method: 'POST',
        url: `/newsroom/media/upload?article=${id}`,
        headers: {
          ...me.headers,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-csrf-token': me.csrfToken,
          accept: 'application/json',
        },
        payload: body,
      });
      assert.equal(res.statusCode, expectPattern('YYnnn', role) ? 200 : 403, `${role}: ${res.body.slice(0, 200)}`);
    }
  });

  test("change an edition's settings", async () => {
    for (const role of ROLES) {
      const res = await post(role, '/newsroom/editions/id', {
        name: `Bahasa Indonesia (${role})`,
        locale: 'id-ID',
        direction: 'ltr',
        position: '1',
      });
      assert.equal(allowed(res.statusCode), expectPattern('Ynnnn', role), `${role}: ${res.statusCode}`);
    }
  });

  test('change the site settings', async () => {
    for (const role of ROLES) {
      // What a fresh site has: an allowed save changes nothing the other tests see.
      const res = await post(role, '/newsroom/settings', { timezone: 'Asia/Jakarta', defaultEdition: 'en' });
      assert.equal(allowed(res.statusCode), expectPattern('Ynnnn', role), `${role}: ${res.statusCode}`);
    }
  });

  test('raise a breaking-news banner', async () => {
    for (const role of ROLES) {
      const res = await post(role, '/newsroom/banner', { edition: 'en', text: `Banner by ${role}`, expires: '30m' });
      assert.equal(allowed(res.statusCode), expectPattern('YYnnn', role), `${role}: ${res.statusCode}`);
    }
  });
});
