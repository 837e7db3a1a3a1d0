// The newsroom's article pages through HTTP: writing, the status flow by role, scheduling with
// the page cache on, conflicts, revisions and restore.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeCategory, makeImage } from '../../../test/helpers/factories.ts';
import { signedIn, type SignedIn, postForm } from '../../../test/helpers/newsroom.ts';
import type { CategoryRow } from '../../core/db/schema.ts';
import { toLocalInput } from '../../newsroom/index.ts';

let t: TestApp;
let section: CategoryRow;

before(async () => {
  t = await createTestApp();
  section = await makeCategory(t.db, { edition: 'en', name: 'Nation', slug: 'nation-desk' });
});
after(() => t.close());

const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) => postForm(t, who, url, fields);

const story = (title: string, extra: Record<string, string> = {}) => ({
  title,
  summary: 'A short summary of the story.',
  bodyHtml: '<p>First paragraph of the story.</p><p>Second paragraph.</p>',
  categoryId: String(section.id),
  tags: 'Harbour, Weather',
  dateline: 'Jakarta',
  ...extra,
});

async function create(who: SignedIn, fields: Record<string, string>, step = 'save'): Promise<number> {
  const res = await post(who, '/newsroom/articles?edition=en', { ...fields, step });
  assert.equal(res.statusCode, 303, res.body.slice(0, 500));
  return Number(/\/newsroom\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
}

async function formOf(who: SignedIn, id: number): Promise<{ version: string }> {
  const page = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: who.headers });
  assert.equal(page.statusCode, 200);
  const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
  return { version };
}

describe('writing and the status flow', () => {
  test('a contributor writes a draft and sends it for review, but cannot publish', async () => {
    const contributor = await signedIn(t, 'contributor');
    const id = await create(contributor, story('Fishermen return to the harbour'));
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'draft');
    assert.equal(row.created_by, contributor.user.id);
    const { version } = await formOf(contributor, id);
    const publish = await post(contributor, `/newsroom/articles/${id}`, { ...story('x'), version, step: 'publish' });
    assert.equal(publish.statusCode, 403);
    assert.equal(
      (await t.db.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'draft',
    );
    const submit = await post(contributor, `/newsroom/articles/${id}`, {
      ...story('Fishermen return to the harbour'),
      version,
      step: 'submit',
      comment: 'Ready when you are.',
    });
    assert.equal(submit.statusCode, 303);
    const after = await t.db
      .selectFrom('articles')
      .select(['status', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(after.status, 'review');
    const log = await t.db
      .selectFrom('article_status_log')
      .selectAll()
      .where('article_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      log.map((l) => [l.from_status, l.to_status, l.comment]),
      [
        [null, 'draft', ''],
        ['draft', 'review', 'Ready when you are.'],
      ],
    );
    // Another contributor cannot even open it.
    const other = await signedIn(t, 'contributor');
    assert.equal((await t.app.inject({ url: `/newsroom/articles/${id}`, headers: other.headers })).statusCode, 403);
  });

  test('an editor of another edition cannot touch it; an editor of this one publishes it', async () => {
    const writer = await signedIn(t, 'author');
    const id = await create(writer, story('Ferry timetable changes for the holidays'));
    const outsider = await signedIn(t, 'editor', ['id']);
    assert.equal((await t.app.inject({ url: `/newsroom/articles/${id}`, headers: outsider.headers })).statusCode, 403);
    const editor = await signedIn(t, 'editor', ['en']);
    const { version } = await formOf(editor, id);
    const res = await post(editor, `/newsroom/articles/${id}`, {
      ...story('Ferry timetable changes for the holidays'),
      version,
      step: 'publish',
    });
    assert.equal(res.statusCode, 303);
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    const page = await t.app.inject({ url: `/en/news/${id}/${row.slug}` });
    assert.equal(page.statusCode, 200);
  });

  test('a story scheduled a minute ahead appears on its minute with the page cache on', async () => {
    const start = new Date('2031-03-02T03:00:20Z');
    t.setNow(start);
    try {
      // Signed in at the moved clock (a session from today would be long idle by then).
      const editor = await signedIn(t, 'editor', ['en']);
      const at = new Date('2031-03-02T03:01:00Z');
      const id = await create(
        editor,
        story('Night market opens on the waterfront', { publishAt: toLocalInput(at, t.config.timezone) }),
        'publish',
      );
      const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(row.status, 'published');
      assert.equal(new Date(row.published_at!).toISOString(), at.toISOString());
      const url = `/en/news/${id}/${row.slug}`;
      assert.equal((await t.app.inject({ url })).statusCode, 404, 'not before its minute');
      const home = await t.app.inject({ url: '/en' });
      assert.doesNotMatch(home.body, /Night market opens/);
      t.setNow(new Date('2031-03-02T03:01:01Z'));
      assert.equal((await t.app.inject({ url })).statusCode, 200);
      assert.match((await t.app.inject({ url: '/en' })).body, /Night market opens/);
    } finally {
      t.setNow(undefined);
    }
  });

  test('an edit after publication shows as updated; a correction note reaches readers', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const id = await create(editor, story('Rain expected over the capital'), 'publish');
    const { version } = await formOf(editor, id);
    const res = await post(editor, `/newsroom/articles/${id}`, {
      ...story('Rain expected over the capital tonight'),
      correctionNote: 'An earlier version gave the wrong day.',
      version,
    });
    assert.equal(res.statusCode, 303);
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(row.content_updated_at, 'updated time set');
    t.setNow(new Date(Date.now() + 120_000));
    try {
      const page = await t.app.inject({ url: `/en/news/${id}/${row.slug}` });
      assert.match(page.body, /<span class="story__updated">Updated /);
      assert.match(
        page.body,
        /<aside class="story__correction"[^>]*>\s*<h2 id="correction-title">Correction<\/h2>\s*<p>An earlier version gave the wrong day.<\/p>/,
      );
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('the photo', () => {
  test('contributors and authors use their own uploads; editors any image of the library', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const author = await signedIn(t, 'author', ['en']);
    const editorsImage = await makeImage(t.db, t.config.dataDir, 640, 360);
    await t.db.updateTable('media').set({ uploaded_by: editor.user.id }).where('id', '=', editorsImage.id).execute();
    const ownImage = await makeImage(t.db, t.config.dataDir, 640, 360);
    await t.db.updateTable('media').set({ uploaded_by: author.user.id }).where('id', '=', ownImage.id).execute();

    const refused = await post(author, '/newsroom/articles?edition=en', {
      ...story('Not my picture'),
      featuredMediaId: String(editorsImage.id),
      step: 'save',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /you can use the images you uploaded/);
    assert.equal(
      (await t.db.selectFrom('articles').select('id').where('title', '=', 'Not my picture').execute()).length,
      0,
    );

    const id = await create(author, { ...story('My own picture'), featuredMediaId: String(ownImage.id) });
    // An editor gives the story another photo; the author may keep it when saving again.
    let { version } = await formOf(editor, id);
    const byEditor = await post(editor, `/newsroom/articles/${id}`, {
      ...story('My own picture'),
      featuredMediaId: String(editorsImage.id),
      version,
      step: 'save',
    });
    assert.equal(byEditor.statusCode, 303, byEditor.body.slice(0, 300));
    ({ version } = await formOf(author, id));
    const kept = await post(author, `/newsroom/articles/${id}`, {
      ...story('My own picture, edited'),
      featuredMediaId: String(editorsImage.id),
      version,
      step: 'save',
    });
    assert.equal(kept.statusCode, 303, kept.body.slice(0, 300));
    const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.featured_media_id, editorsImage.id);
    assert.equal(row.title, 'My own picture, edited');
  });
});

describe('conflicts and revisions', () => {
  test('the second of two saves from the same version is refused, and its text is kept', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const colleague = await signedIn(t, 'editor', ['en']);
    const id = await create(editor, story('Volcano alert raised to level three'));
    const mine = await formOf(editor, id);
    const theirs = await formOf(colleague, id);
    const first = await post(colleague, `/newsroom/articles/${id}`, {
      ...story('Volcano alert raised to level three (update)'),
      ...theirs,
    });
    assert.equal(first.statusCode, 303);
    const second = await post(editor, `/newsroom/articles/${id}`, {
      ...story('Volcano alert: villages told to prepare'),
      bodyHtml: '<p>My own careful rewrite.</p>',
      ...mine,
    });
    assert.equal(second.statusCode, 409);
    assert.match(second.body, /saved by editor \d+/);
    assert.match(second.body, /My own careful rewrite/, 'the form keeps what was typed');
    const row = await t.db.selectFrom('articles').select('title').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.title, 'Volcano alert raised to level three (update)', 'nothing overwritten');
    const kept = await t.db.selectFrom('article_revisions').select('snapshot').where('article_id', '=', id).execute();
    assert.ok(
      kept.some((r) => r.snapshot.includes('My own careful rewrite')),
      'the refused version is a revision',
    );
  });

  test('every save is a revision, shown as a difference and restorable', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const id = await create(editor, story('Bridge reopens after repairs'));
    let v = await formOf(editor, id);
    await post(editor, `/newsroom/articles/${id}`, { ...story('Bridge reopens after two months of repairs'), ...v });
    v = await formOf(editor, id);
    await post(editor, `/newsroom/articles/${id}`, { ...story('Bridge reopening delayed'), ...v });
    const revisions = await t.db
      .selectFrom('article_revisions')
      .select(['id', 'version'])
      .where('article_id', '=', id)
      .orderBy('version')
      .execute();
    assert.deepEqual(
      revisions.map((r) => r.version),
      [1, 2, 3],
    );
    const page = await t.app.inject({
      url: `/newsroom/articles/${id}/revisions?show=${revisions[1]!.id}`,
      headers: editor.headers,
    });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<del><span aria-hidden="true">− <\/span><span>Headline: Bridge reopens after repairs<\/span><\/del>/,
    );
    assert.match(
      page.body,
      /<ins><span aria-hidden="true">\+ <\/span><span>Headline: Bridge reopens after two months of repairs<\/span><\/ins>/,
    );
    const restore = await post(editor, `/newsroom/articles/${id}/revisions/${revisions[0]!.id}/restore`, {});
    assert.equal(restore.statusCode, 303);
    const row = await t.db
      .selectFrom('articles')
      .select(['title', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.title, 'Bridge reopens after repairs');
    assert.equal(row.version, 4, 'restoring is a save of its own');
  });

  test('bad input changes nothing and lists every problem', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const res = await post(editor, '/newsroom/articles?edition=en', {
      ...story(''),
      categoryId: '999999',
      publishAt: 'soon',
      step: 'save',
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /publishAt: is not a date and time/);
  });
});

describe('the list', () => {
  test('filters by status and pages by key', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    for (let i = 0; i < 33; i++) await create(editor, story(`Paging story number ${i}`));
    const first = await t.app.inject({
      url: '/newsroom/articles?q=Paging+story&status=draft',
      headers: editor.headers,
    });
    assert.equal(first.statusCode, 200);
    const titles = [...first.body.matchAll(/Paging story number (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(titles.length, 30);
    const next = /href="(\/newsroom\/articles\?[^"]*after=[^"]+)"/.exec(first.body)![1]!.replace(/&amp;/g, '&');
    const second = await t.app.inject({ url: next, headers: editor.headers });
    const more = [...second.body.matchAll(/Paging story number (\d+)/g)].map((m) => Number(m[1]));
    assert.equal(more.length, 3);
    assert.equal(new Set([...titles, ...more]).size, 33);
  });

  test('finds a draft by part of its slug, and says when a search is too short to cover every article', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    await create(editor, story('Ferry timetable changes', { slug: 'ferry-timetable-xyzzy' }));
    const bySlug = await t.app.inject({ url: '/newsroom/articles?q=E-XYZ', headers: editor.headers });
    assert.equal(bySlug.statusCode, 200);
    assert.match(bySlug.body, /Ferry timetable changes/);
    assert.doesNotMatch(bySlug.body, /id="q-hint"/);
    const short = await t.app.inject({ url: '/newsroom/articles?q=yz', headers: editor.headers });
    assert.match(short.body, /aria-describedby="q-hint"/);
    assert.match(
      short.body,
      /<p class="nr-hint" id="q-hint">One or two characters are looked for among the newest [\d,]+ articles/,
    );
  });
});

describe('translations and previews', () => {
  test('"translate to" opens a linked draft with the source beside it, and tells when it falls behind', async () => {
    await makeCategory(t.db, { edition: 'id', name: 'Nasional', slug: 'nation-desk' });
    const editor = await signedIn(t, 'editor', ['en', 'id']);
    const sourceId = await create(editor, story('Coral reef survey finds recovery'));
    const res = await post(editor, `/newsroom/articles/${sourceId}/translate`, { to: 'id' });
    assert.equal(res.statusCode, 303);
    const translationId = Number(/\/newsroom\/articles\/(\d+)/.exec(res.headers.location as string)![1]);
    const [source, translation] = await Promise.all(
      [sourceId, translationId].map((id) =>
        t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      ),
    );
    assert.equal(translation!.edition, 'id');
    assert.equal(translation!.status, 'draft');
    assert.equal(translation!.translation_group, source!.translation_group);
    assert.equal(translation!.translated_from, sourceId);
    const page = await t.app.inject({ url: `/newsroom/articles/${translationId}`, headers: editor.headers });
    assert.match(page.body, /Source \(EN, version 1\): Coral reef survey finds recovery/);
    // Asking again leads to the same draft.
    const again = await post(editor, `/newsroom/articles/${sourceId}/translate`, { to: 'id' });
    assert.equal(again.headers.location, `/newsroom/articles/${translationId}`);

    // The source changes: the translation is out of date until it is saved against the new source.
    const v = await formOf(editor, sourceId);
    await post(editor, `/newsroom/articles/${sourceId}`, { ...story('Coral reef survey finds strong recovery'), ...v });
    let sourcePage = await t.app.inject({ url: `/newsroom/articles/${sourceId}`, headers: editor.headers });
    assert.match(sourcePage.body, /ID · Draft · out of date/);
    const tv = await formOf(editor, translationId);
    const section = await t.db
      .selectFrom('categories')
      .select('id')
      .where('edition', '=', 'id')
      .executeTakeFirstOrThrow();
    await post(editor, `/newsroom/articles/${translationId}`, {
      ...story('Survei terumbu karang menemukan pemulihan kuat'),
      categoryId: String(section.id),
      ...tv,
    });
    sourcePage = await t.app.inject({ url: `/newsroom/articles/${sourceId}`, headers: editor.headers });
    assert.doesNotMatch(sourcePage.body, /out of date/);
  });

  test('a preview shows an unpublished story as readers would see it, uncounted; a shared link expires', async () => {
    const author = await signedIn(t, 'author');
    const id = await create(author, story('Embargoed: new airport opens next week'));
    const preview = await t.app.inject({ url: `/newsroom/articles/${id}/preview`, headers: author.headers });
    assert.equal(preview.statusCode, 200);
    assert.match(preview.body, /<h1 class="story__title">Embargoed: new airport opens next week<\/h1>/);
    assert.doesNotMatch(preview.body, /data-read-url|read-beacon|class="rating"/, 'no read beacon, no rating form');
    assert.equal(preview.headers['cache-control'], 'private, no-store');
    assert.match(String(preview.headers['x-robots-tag']), /noindex/);
    // The public URL does not show it.
    assert.equal((await t.app.inject({ url: `/en/news/${id}/embargoed` })).statusCode, 404);

    const editorPage = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: author.headers });
    const link = /id="share-url"[^>]*value="([^"]+)"/.exec(editorPage.body)![1]!;
    const path = new URL(link).pathname;
    const shared = await t.app.inject({ url: path });
    assert.equal(shared.statusCode, 200, 'no account needed');
    assert.match(shared.body, /Embargoed: new airport opens next week/);
    const forged = await t.app.inject({ url: path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) });
    assert.equal(forged.statusCode, 410);
    t.setNow(new Date(Date.now() + 49 * 3600_000));
    try {
      assert.equal((await t.app.inject({ url: path })).statusCode, 410, 'expired');
    } finally {
      t.setNow(undefined);
    }
  });
});

describe('autosave and presence', () => {
  const beat = (who: SignedIn, id: number, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/newsroom/articles/${id}/heartbeat`,
      headers: { ...who.headers, 'content-type': 'application/json', 'x-csrf-token': who.csrfToken },
      payload: JSON.stringify(body),
    });

  test('a colleague with the article open is shown; unsaved typing is kept aside and offered back', async () => {
    const editor = await signedIn(t, 'editor', ['en']);
    const colleague = await signedIn(t, 'editor', ['en']);
    const id = await create(editor, story('Flood barriers tested ahead of the rains'));
    const { version } = await formOf(editor, id);
    assert.equal((await beat(colleague, id, { version: Number(version) })).statusCode, 200);
    const answer = (
      await beat(editor, id, { version: Number(version), fields: { title: 'Flood barriers hold in test', _csrf: 'x' } })
    ).json() as {
      others: string[];
      savedAt: string | null;
    };
    assert.deepEqual(answer.others, [colleague.user.display_name]);
    assert.ok(answer.savedAt);
    const stored = await t.db
      .selectFrom('article_autosaves')
      .selectAll()
      .where('article_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(stored.fields, /_csrf/, 'never the form token');
    // The article itself is unchanged.
    assert.equal(
      (await t.db.selectFrom('articles').select('title').where('id', '=', id).executeTakeFirstOrThrow()).title,
      'Flood barriers tested ahead of the rains',
    );

    const page = await t.app.inject({ url: `/newsroom/articles/${id}`, headers: editor.headers });
    assert.match(page.body, new RegExp(`Also open now by: ${colleague.user.display_name}`));
    assert.match(page.body, /changes from .* that were not saved/);
    const restored = await t.app.inject({ url: `/newsroom/articles/${id}?restore=autosave`, headers: editor.headers });
    assert.match(restored.body, /value="Flood barriers hold in test"/);
    // Saving clears the autosave.
    await post(editor, `/newsroom/articles/${id}`, { ...story('Flood barriers hold in test'), version });
    assert.equal(
      (await t.db.selectFrom('article_autosaves').select('article_id').where('article_id', '=', id).execute()).length,
      0,
    );
    // Someone who may not edit it gets nothing.
    const outsider = await signedIn(t, 'contributor');
    assert.equal((await beat(outsider, id, { version: 1 })).statusCode, 403);
  });
});

describe('scheduled unpublishing', () => {
  test('a story with an end time leaves the site then, and no cache keeps it past that minute', async () => {
    const start = new Date('2032-05-10T02:00:10Z');
    t.setNow(start);
    try {
      const editor = await signedIn(t, 'editor', ['en']);
      const end = new Date('2032-05-10T02:05:00Z');
      const id = await create(
        editor,
        story('Exhibition closes this week', { unpublishAt: toLocalInput(end, t.config.timezone) }),
        'publish',
      );
      const row = await t.db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      assert.equal(new Date(row.unpublish_at!).toISOString(), end.toISOString());
      const url = `/en/news/${id}/${row.slug}`;
      const page = await t.app.inject({ url });
      assert.equal(page.statusCode, 200);
      const maxAge = Number(/max-age=(\d+)/.exec(String(page.headers['cache-control']))![1]);
      assert.ok(maxAge <= (end.getTime() - start.getTime()) / 1000, `max-age ${maxAge} stops at the end time`);

      const { unpublishDueArticles } = await import('../scheduled.ts');
      assert.equal(await unpublishDueArticles(t.app.ctx.writer, new Date('2032-05-10T02:04:59Z')), 0);
      t.setNow(new Date('2032-05-10T02:05:01Z'));
      assert.equal(await unpublishDueArticles(t.app.ctx.writer, new Date('2032-05-10T02:05:01Z')), 1);
      assert.equal((await t.app.inject({ url })).statusCode, 404);
      const after = await t.db
        .selectFrom('articles')
        .select(['status', 'unpublish_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      assert.equal(after.status, 'archived');
      assert.equal(after.unpublish_at, null, 'publishing it again later does not take it straight off');
    } finally {
      t.setNow(undefined);
    }
  });
});
