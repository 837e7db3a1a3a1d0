// The public read API against its own OpenAPI document: the document is valid 3.1 and names every
// /api/v1 route; every endpoint's real answer validates against the documented schema; lists walk
// to their end by cursor with no repeat and no gap; ETag, CORS, bad parameters, and never a draft.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from '../../test/helpers/app.ts';
import { makeArticle, makeAuthor, makeCategory, makeImage, makePage } from '../../test/helpers/factories.ts';
import { saveChannel, saveProgram } from '../broadcast/commands.ts';
import { createEpisode, publishEpisode } from '../broadcast/episodes/commands.ts';
import { exampleOf } from './docs/example.ts';
import type { OpenApiDocument } from './openapi.ts';

let t: TestApp;
let doc: OpenApiDocument;
const HOUR = 3600_000;
const ids = {} as {
  story: number;
  imaged: number;
  draft: number;
  scheduled: number;
  review: number;
  parent: number;
  child: number;
  author: number;
  draftOnlyAuthor: number;
  page: number;
  draftPage: number;
  channel: number;
  program: number;
  draftEpisode: number;
  scheduledEpisode: number;
};
let scheduledAt: Date;

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
const json = <T = Record<string, unknown>>(res: { body: string }) => JSON.parse(res.body) as T;
const code = (res: { body: string }) => json<{ error: { code: string } }>(res).error.code;

before(async () => {
  t = await createTestApp();
  const w = t.app.ctx.writer;
  const base = Date.now() - 48 * HOUR;
  ids.parent = (await makeCategory(t.db, { name: 'Nation' })).id;
  ids.child = (await makeCategory(t.db, { name: 'Jakarta', parent_id: ids.parent })).id;
  const other = (await makeCategory(t.db, { name: 'Sport' })).id;
  ids.author = (await makeAuthor(t.db, { name: 'Rina Putri' })).id;
  ids.draftOnlyAuthor = (await makeAuthor(t.db, { name: 'Not Yet' })).id;
  // 23 published stories; several share a publication minute, so the walk must break ties by id.
  for (let i = 0; i < 23; i++) {
    const row = await makeArticle(t.db, {
      category_id: [ids.parent, ids.child, other][i % 3],
      author_id: i % 2 === 0 ? ids.author : null,
      published_at: new Date(base + Math.floor(i / 3) * HOUR).toISOString(),
      tags: i % 4 === 0 ? ['Ferries'] : ['Weather'],
    });
    ids.story ??= row.id;
  }
  const image = await makeImage(t.db, t.config.dataDir);
  ids.imaged = (await makeArticle(t.db, { featured_media_id: image.id, image_alt: 'A boat', category_id: other })).id;
  await makeArticle(t.db, { edition: 'id', title: 'Berita lain' });
  ids.draft = (
    await makeArticle(t.db, {
      status: 'draft',
      tags: ['Ferries'],
      category_id: ids.parent,
      author_id: ids.draftOnlyAuthor,
    })
  ).id;
  ids.review = (await makeArticle(t.db, { status: 'review', category_id: ids.child })).id;
  scheduledAt = new Date(Date.now() + 2 * HOUR);
  ids.scheduled = (
    await makeArticle(t.db, {
      published_at: scheduledAt.toISOString(),
      tags: ['Ferries'],
      category_id: ids.child,
      author_id: ids.draftOnlyAuthor,
    })
  ).id;
  const profile = await makePage(t.db, { title: 'Company Profile' });
  ids.page = (await makePage(t.db, { title: 'History', parent: profile })).id;
  ids.draftPage = (await makePage(t.db, { title: 'Unfinished', status: 'draft' })).id;
  ids.channel = await saveChannel(w, {
    edition: 'en',
    name: 'Pro 1',
    timeZone: 'Asia/Jakarta',
    streams: [{ url: 'https://radio.example/pro1.mp3' }],
  });
  ids.program = await saveProgram(w, {
    channelId: ids.channel,
    title: 'Morning Report',
    hostIds: [ids.author],
    slots: [{ days: [1, 2, 3, 4, 5, 6, 7], start: '06:00', minutes: 120 }],
  });
  const audio = { kind: 'url' as const, url: 'https://cdn.example/ep.mp3', durationSeconds: 600 };
  for (let i = 0; i < 5; i++) {
    const episode = await createEpisode(w, { programId: ids.program, title: `Episode ${i}`, audio });
    await publishEpisode(w, episode, { at: new Date(base + i * HOUR) });
  }
  ids.draftEpisode = await createEpisode(w, { programId: ids.program, title: 'Draft episode', audio });
  ids.scheduledEpisode = await createEpisode(w, { programId: ids.program, title: 'Later episode', audio });
  await publishEpisode(w, ids.scheduledEpisode, { at: scheduledAt });
  doc = json<OpenApiDocument>(await get('/api/v1/openapi.json'));
});

after(() => t.close());

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    assert.equal(doc.openapi, '3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as never);
    assert.equal(validator.version, '3.1');
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
    assert.equal(doc.servers[0]!.url, 'https://warta.test/api/v1');
    assert.ok(doc.components.schemas.Article, 'shared schemas are named components');
  });

  it('names every /api/v1 route the app has registered, and nothing else', () => {
    const registered = registeredApiRoutes();
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => `${m.toUpperCase()} /api/v1${path}`),
    );
    assert.ok(registered.length >= 15, registered.join('\n'));
    assert.deepEqual([...registered].sort(), [...documented].sort());
  });

  it('gives examples that its own schemas accept', () => {
    const ajv = validatorFor(doc);
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      const check = ajv.getSchema(`openapi#/components/schemas/${name}`)!;
      assert.ok(check(exampleOf(doc, schema)), `${name}: ${JSON.stringify(check.errors)}`);
    }
  });
});

describe('every endpoint against the document', () => {
  it('answers each sample call with what the document says', async () => {
    const samples: Record<string, string> = {
      listArticles: '/api/v1/articles?edition=en&limit=5',
      getArticle: `/api/v1/articles/${ids.imaged}`,
      listSections: '/api/v1/sections?edition=en',
      listTags: '/api/v1/tags?edition=en',
      listAuthors: '/api/v1/authors?edition=en',
      listEditions: '/api/v1/editions',
      listPages: '/api/v1/pages?edition=en',
      getPage: `/api/v1/pages/${ids.page}`,
      listChannels: '/api/v1/channels?edition=en',
      listPrograms: '/api/v1/programs?edition=en',
      listAirings: `/api/v1/schedule?channel=${ids.channel}&hours=48`,
      listEpisodes: '/api/v1/episodes?edition=en&limit=2',
      oembed: `/api/v1/oembed?url=${encodeURIComponent(`https://warta.test/en/news/${ids.story}/x`)}`,
      openapi: '/api/v1/openapi.json',
      reference: '/api/v1/docs',
    };
    const ajv = validatorFor(doc);
    for (const [path, methods] of Object.entries(doc.paths)) {
      const op = methods.get;
      if (!op || !['News', 'Site', 'Radio', 'Embedding', 'Reference'].includes(op.tags?.[0] ?? '')) continue;
      const url = samples[op.operationId!];
      assert.ok(url, `a sample call for ${op.operationId} (${path})`);
      const res = await get(url);
      assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`);
      const [type] = Object.keys(op.responses['200']!.content!);
      assert.match(String(res.headers['content-type']), new RegExp(`^${type}`), url);
      if (type !== 'application/json') continue;
      const pointer = `openapi#/paths/${path.replaceAll('/', '~1')}/get/responses/200/content/application~1json/schema`;
      const check = ajv.getSchema(pointer)!;
      assert.ok(check(json(res)), `${url}: ${JSON.stringify(check.errors)}`);
    }
  });

  it('writes absolute URLs from the configured base, times with an offset, pictures whole', async () => {
    const { article } = json<{ article: Record<string, any> }>(
      await get(`/api/v1/articles/${ids.imaged}`, { host: 'evil.example' }),
    );
    assert.equal(article.url, `https://warta.test/en/news/${ids.imaged}/${article.slug}`);
    assert.match(article.published_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    assert.match(article.image.url, /^https:\/\/warta\.test\/media\/.+\.jpg$/);
    assert.equal(article.image.alt, 'A boat');
    assert.equal((await get(new URL(article.image.url).pathname)).statusCode, 200);
  });
});

describe('cursor pagination', () => {
  /** Follows next_cursor to the end; returns every id in order. */
  async function walk(url: string, key: string, id = (item: any) => item.id as unknown): Promise<unknown[]> {
    const seen: unknown[] = [];
    let next: string | null = url;
    for (let page = 0; next && page < 100; page++) {
      const res = await get(next);
      assert.equal(res.statusCode, 200, res.body);
      const body = json<Record<string, any>>(res);
      seen.push(...(body[key] as unknown[]).map(id));
      next = body.next_url ? new URL(body.next_url).pathname + new URL(body.next_url).search : null;
      if (body.next_url) assert.equal(new URL(body.next_url).searchParams.get('cursor'), body.next_cursor);
    }
    assert.equal(new Set(seen).size, seen.length, `no repeats in ${url}`);
    return seen;
  }

  /** The published stories of en matching a filter, newest first (the order the API promises). */
  async function expected(where: (q: any) => any = (q) => q): Promise<number[]> {
    const rows = await where(
      t.db
        .selectFrom('articles')
        .select('articles.id')
        .where('articles.edition', '=', 'en')
        .where('articles.status', '=', 'published')
        .where('articles.published_at', '<=', new Date().toISOString()),
    )
      .orderBy('articles.published_at', 'desc')
      .orderBy('articles.id', 'desc')
      .execute();
    return rows.map((r: { id: number }) => r.id);
  }

  it('walks an edition, a section with its subsections, a tag and an author to the end', async () => {
    assert.deepEqual(await walk('/api/v1/articles?edition=en&limit=4', 'articles'), await expected());
    assert.deepEqual(
      await walk(`/api/v1/articles?edition=en&limit=3&section=${ids.parent}`, 'articles'),
      await expected((q) => q.where('articles.category_id', 'in', [ids.parent, ids.child])),
    );
    const ferries = await t.db.selectFrom('tags').select('id').where('slug', '=', 'ferries').executeTakeFirstOrThrow();
    assert.deepEqual(
      await walk(`/api/v1/articles?edition=en&limit=2&tag=${ferries.id}`, 'articles'),
      await expected((q) =>
        q.where(
          'articles.id',
          'in',
          t.db.selectFrom('article_tags').select('article_id').where('tag_id', '=', ferries.id),
        ),
      ),
    );
    assert.deepEqual(
      await walk(`/api/v1/articles?edition=en&limit=5&author=${ids.author}`, 'articles'),
      await expected((q) => q.where('articles.author_id', '=', ids.author)),
    );
  });

  it('bounds by publication dates, and walks changes oldest first', async () => {
    const from = new Date(Date.now() - 46 * HOUR).toISOString();
    const to = new Date(Date.now() - 44 * HOUR).toISOString();
    const window = await walk(
      `/api/v1/articles?edition=en&limit=2&published_after=${from}&published_before=${to}`,
      'articles',
    );
    assert.deepEqual(
      window,
      await expected((q) => q.where('articles.published_at', '>=', from).where('articles.published_at', '<', to)),
    );
    const changes = await walk(
      `/api/v1/articles?edition=en&limit=5&updated_since=${encodeURIComponent('2000-01-01T00:00:00+07:00')}`,
      'articles',
      (a) => [a.updated_at, a.id],
    );
    assert.equal(changes.length, (await expected()).length);
    const keys = changes.map((c) => c as [string, number]).map(([at, id]) => [Date.parse(at), id] as const);
    assert.ok(
      keys.every((k, i) => i === 0 || k[0] > keys[i - 1]![0] || (k[0] === keys[i - 1]![0] && k[1] > keys[i - 1]![1])),
    );
  });

  it('walks tags, authors and episodes', async () => {
    const tags = (await walk('/api/v1/tags?edition=en&limit=1', 'tags', (x) => x.slug)) as string[];
    assert.deepEqual(tags, ['ferries', 'weather']);
    const authors = await walk('/api/v1/authors?edition=en&limit=1', 'authors');
    assert.ok(authors.includes(ids.author));
    assert.ok(!authors.includes(ids.draftOnlyAuthor), 'an author of drafts and scheduled stories only is not listed');
    const episodes = await walk('/api/v1/episodes?edition=en&limit=2', 'episodes', (e) => e.slug);
    assert.deepEqual(episodes, ['episode-4', 'episode-3', 'episode-2', 'episode-1', 'episode-0']);
  });

  it('refuses a cursor it did not give out, or one of another list', async () => {
    const tagsCursor = json<{ next_cursor: string }>(await get('/api/v1/tags?edition=en&limit=1')).next_cursor;
    for (const cursor of [
      'nonsense',
      tagsCursor,
      Buffer.from('{"o":"published","t":"x","i":1}').toString('base64url'),
    ]) {
      const res = await get(`/api/v1/articles?edition=en&cursor=${cursor}`);
      assert.equal(res.statusCode, 400, cursor);
      assert.equal(code(res), 'invalid_query');
    }
  });
});

describe('HTTP conventions', () => {
  it('answers If-None-Match with 304 and no body', async () => {
    const url = '/api/v1/sections?edition=en';
    const first = await get(url);
    const etag = String(first.headers.etag);
    assert.ok(etag);
    assert.match(String(first.headers['cache-control']), /^public, max-age=\d+, s-maxage=\d+/);
    const again = await get(url, { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  it('allows reads from any origin, without credentials, and answers the preflight', async () => {
    for (const url of ['/api/v1/articles?edition=en', '/api/v1/articles/999999', '/api/v1/articles?nope=1']) {
      const res = await get(url, { origin: 'https://partner.example' });
      assert.equal(res.headers['access-control-allow-origin'], '*', url);
      assert.equal(res.headers['access-control-allow-credentials'], undefined);
      assert.equal(res.headers['set-cookie'], undefined);
    }
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/articles?edition=en',
      headers: {
        origin: 'https://partner.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(preflight.statusCode, 204);
    assert.equal(preflight.headers['access-control-allow-origin'], '*');
    assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
    assert.doesNotMatch(String(preflight.headers['access-control-allow-methods']), /POST/);
    assert.match(String(preflight.headers['access-control-allow-headers']), /If-None-Match/i);
    assert.equal(preflight.headers['access-control-allow-credentials'], undefined);
  });

  it('refuses unknown, repeated, missing and malformed parameters with a 400 that says which', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/articles?edition=en&page=2', /"page".*takes: edition/],
      ['/api/v1/editions?x=1', /"x".*takes none/],
      ['/api/v1/articles?edition=en&limit=1&limit=2', /limit/],
      ['/api/v1/articles?edition=en&limit=0', /limit/],
      ['/api/v1/articles?edition=en&limit=101', /limit/],
      ['/api/v1/articles', /edition/],
      ['/api/v1/articles?edition=en&published_after=yesterday', /published_after/],
      ['/api/v1/articles?edition=en&tag=1&author=1', /one of section, tag or author/],
      ['/api/v1/articles?edition=en&updated_since=2026-01-01T00:00:00Z&tag=1', /updated_since/],
      ['/api/v1/schedule?channel=1&hours=500', /hours/],
      ['/api/v1/oembed?url=x&format=yaml', /format/],
    ];
    for (const [url, message] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.equal(code(res), 'invalid_query', url);
      assert.match(json<{ error: { message: string } }>(res).error.message, message, url);
    }
    const badId = await get('/api/v1/articles/abc');
    assert.equal(badId.statusCode, 400);
    assert.equal(code(badId), 'invalid_request');
    const noEdition = await get('/api/v1/articles?edition=xx');
    assert.equal(noEdition.statusCode, 404);
    assert.equal(code(noEdition), 'edition_not_found');
  });

  it('answers NUL bytes and broken UTF-8 in any parameter with a clean 400', async () => {
    for (const url of [
      '/api/v1/articles?edition=en%00',
      '/api/v1/articles?edition=%FF',
      '/api/v1/articles?edition=en&cursor=%C0%AF',
      '/api/v1/articles?edition%00=en',
      '/api/v1/articles/1%00',
      '/api/v1/pages/%FF',
      `/api/v1/oembed?url=${encodeURIComponent('https://warta.test/en/news/1/')}%ED%A0%80`,
      '/api/v1/tags?edition=en&cursor=%',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 400, url);
      assert.match(String(res.headers['content-type']), /^application\/json/, url);
      assert.match(code(res), /^invalid_(text|url|query|request)$/, url);
    }
  });
});

describe('only what is published', () => {
  it('never lists or serves drafts, stories in review, scheduled stories, draft pages or episodes', async () => {
    const hidden = [ids.draft, ids.review, ids.scheduled];
    const all = json<{ articles: { id: number }[] }>(await get('/api/v1/articles?edition=en&limit=100')).articles;
    assert.ok(all.every((a) => !hidden.includes(a.id)));
    for (const id of hidden) {
      const res = await get(`/api/v1/articles/${id}`);
      assert.equal(res.statusCode, 404, String(id));
      assert.equal(code(res), 'article_not_found');
    }
    const pages = json<{ pages: { id: number }[] }>(await get('/api/v1/pages?edition=en')).pages;
    assert.ok(pages.some((p) => p.id === ids.page) && !pages.some((p) => p.id === ids.draftPage));
    assert.equal((await get(`/api/v1/pages/${ids.draftPage}`)).statusCode, 404);
    const episodes = json<{ episodes: { id: number }[] }>(await get('/api/v1/episodes?edition=en&limit=100')).episodes;
    assert.ok(!episodes.some((e) => [ids.draftEpisode, ids.scheduledEpisode].includes(e.id)));
  });

  it('shows a scheduled story and episode from their minute on', async () => {
    t.setNow(new Date(scheduledAt.getTime() + 60_000));
    try {
      const story = await get(`/api/v1/articles/${ids.scheduled}`);
      assert.equal(story.statusCode, 200);
      const newest = json<{ articles: { id: number }[] }>(await get('/api/v1/articles?edition=en&limit=1')).articles;
      assert.equal(newest[0]!.id, ids.scheduled);
      const episodes = json<{ episodes: { id: number }[] }>(await get('/api/v1/episodes?edition=en&limit=1')).episodes;
      assert.equal(episodes[0]!.id, ids.scheduledEpisode);
    } finally {
      t.setNow(undefined);
    }
  });
});

/** Every method and URL Fastify has under /api/v1, but HEAD (made for each GET) and the preflight. */
function registeredApiRoutes(): string[] {
  const found: string[] = [];
  const walk = (tree: string) => {
    // printRoutes with commonPrefix off prints each full segment; rebuild paths from the indentation.
    const stack: string[] = [];
    for (const line of tree.split('\n')) {
      const match = /^([│ ]*)(?:[├└]── )(\S+)(?: \(([^)]+)\))?/.exec(line);
      if (!match) continue;
      const depth = match[1]!.length / 4;
      stack.length = depth;
      stack.push(match[2]!);
      const path = stack.join('');
      if (!match[3] || !path.startsWith('/api/v1/')) continue;
      for (const method of match[3].split(', ')) {
        if (method !== 'HEAD' && method !== 'OPTIONS') found.push(`${method} ${path.replace(/:(\w+)/g, '{$1}')}`);
      }
    }
  };
  walk(t.app.printRoutes({ commonPrefix: false }));
  return found;
}

/** Ajv (JSON Schema 2020-12) holding the document, so its schemas are reachable by JSON pointer. */
function validatorFor(document: OpenApiDocument) {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(structuredClone(document) as object, 'openapi');
  return ajv;
}
