// The article form's photo picker through HTTP: the fragment lists what each role may use (the
// library's rule), searches, pages by key without repeating an image, refuses bad parameters with
// 400 and says why; the thumbnail behind the form's preview follows the same rule; the article
// form shows the preview and the picker's dialog and keeps its plain image number field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle } from '../../../test/helpers/factories.ts';
import { signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { ingestImage } from '../index.ts';
import { LIBRARY_PAGE_SIZE } from './queries.ts';

let t: TestApp;
let png: Buffer;
let editor: SignedIn;
let writer: SignedIn;
let other: SignedIn;

before(async () => {
  t = await createTestApp();
  [editor, writer, other] = await Promise.all([
    signedIn(t, 'editor', ['en']),
    signedIn(t, 'contributor', ['en']),
    signedIn(t, 'contributor', ['en']),
  ]);
  png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2a6' } })
    .png()
    .toBuffer();
});
after(() => t.close());

const get = (who: SignedIn, url: string) => t.app.inject({ url, headers: who.headers });

/** An image uploaded by `who` (null: the seed or the command line) through the pipeline. */
function imageBy(who: SignedIn | null, text: { alt?: string; caption?: string; credit?: string } = {}) {
  return ingestImage(t.app.ctx.writer, t.config.dataDir, png, { uploadedBy: who?.user.id ?? null, ...text });
}

/** The image numbers a fragment offers, in order. */
const choices = (html: string) => [...html.matchAll(/data-media-id="(\d+)"/g)].map((m) => Number(m[1]));
/** The "More images" button's address, unescaped. */
const moreUrl = (html: string) => /data-url="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');

describe('who may pick which images', () => {
  test('a contributor is offered only their own uploads; an editor every image', async () => {
    const own = await imageBy(writer, { alt: 'Fishing boats at the quay', caption: 'Dawn', credit: 'Warta/Ani' });
    const theirs = await imageBy(other, { alt: 'Rice terraces' });
    const seeded = await imageBy(null, { alt: 'A seeded picture' });

    const mine = await get(writer, '/newsroom/media/picker?edition=en');
    assert.equal(mine.statusCode, 200);
    assert.match(String(mine.headers['content-type']), /^text\/html/);
    assert.match(String(mine.headers['cache-control']), /no-store/);
    assert.doesNotMatch(mine.body, /<html|<!doctype/i, 'a fragment, not a page');
    assert.ok(choices(mine.body).includes(own.id));
    assert.ok(!choices(mine.body).includes(theirs.id), 'not another contributor’s upload');
    assert.ok(!choices(mine.body).includes(seeded.id), 'not the seed’s');
    // The button carries what choosing fills in, and says what the image is.
    const button = new RegExp(
      `<button type="button" class="nr-picker-choice" data-picker-choice data-media-id="${own.id}" data-src="/media/${own.storage_key}-64\\.jpg" data-width="64" data-height="48" data-alt="Fishing boats at the quay" data-caption="Dawn" data-credit="Warta/Ani" aria-describedby="nr-picker-meta-${own.id}">`,
    );
    assert.match(mine.body, button);
    assert.match(mine.body, /<span class="nr-picker-alt" dir="auto">Fishing boats at the quay<\/span>/);
    assert.match(
      mine.body,
      new RegExp(`id="nr-picker-meta-${own.id}" dir="auto">Dawn · Credit: Warta/Ani · 64 × 48 pixels, \\d+ KB</p>`),
    );

    const all = await get(editor, '/newsroom/media/picker?edition=en');
    assert.equal(all.statusCode, 200);
    for (const image of [own, theirs, seeded]) assert.ok(choices(all.body).includes(image.id), `image ${image.id}`);
    assert.ok(choices(all.body).indexOf(seeded.id) < choices(all.body).indexOf(own.id), 'newest first');

    const author = await signedIn(t, 'author', ['en']);
    const authors = await get(author, '/newsroom/media/picker');
    assert.equal(authors.statusCode, 200);
    assert.deepEqual(choices(authors.body), [], 'an author with no uploads is offered none');
    assert.match(authors.body, /There are no images you may use yet/);

    const admin = await signedIn(t, 'admin');
    assert.ok(choices((await get(admin, '/newsroom/media/picker?edition=ar')).body).includes(theirs.id));
  });

  test('refuses roles without the library, an edition one does not work in, and nobody signed in', async () => {
    const officer = await signedIn(t, 'integrity_officer', ['en']);
    const officers = await get(officer, '/newsroom/media/picker');
    assert.equal(officers.statusCode, 403);
    assert.match(
      officers.body,
      /<div class="nr-problems nr-picker-problem" role="alert" data-picker-page><p>Your role does not allow this\.<\/p><\/div>/,
    );

    const refused = await get(writer, '/newsroom/media/picker?edition=ar');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /role="alert"/);
    assert.match(refused.body, /edition: you do not work in the “ar” edition\./);
    assert.deepEqual(choices(refused.body), []);

    const anonymous = await t.app.inject({ url: '/newsroom/media/picker' });
    assert.notEqual(anonymous.statusCode, 200);
    assert.deepEqual(choices(anonymous.body), []);
  });
});

describe('searching and paging', () => {
  test('finds the words in the alt text, caption or credit, in either case, and % as a character', async () => {
    const who = await signedIn(t, 'contributor', ['en']);
    const harbour = await imageBy(who, { alt: 'The HARBOUR at night' });
    const caption = await imageBy(who, { caption: 'Cranes over the harbour' });
    const credit = await imageBy(who, { credit: 'Harbour Photo Agency' });
    const percent = await imageBy(who, { alt: 'Turnout at 100% in the village' });
    await imageBy(who, { alt: 'Rice terraces' });

    const found = await get(who, '/newsroom/media/picker?edition=en&q=harbour');
    assert.equal(found.statusCode, 200);
    assert.deepEqual(choices(found.body).sort(), [harbour.id, caption.id, credit.id].sort());

    const literal = await get(who, `/newsroom/media/picker?q=${encodeURIComponent('100%')}`);
    assert.deepEqual(choices(literal.body), [percent.id]);
    assert.deepEqual(choices((await get(who, '/newsroom/media/picker?q=%25')).body), [percent.id]);

    const none = await get(who, '/newsroom/media/picker?q=xylophone');
    assert.equal(none.statusCode, 200);
    assert.deepEqual(choices(none.body), []);
    assert.match(none.body, /No images match\./);
  });

  test('pages by key: every image once, the search kept, no "More" after the last', async () => {
    const who = await signedIn(t, 'contributor', ['en']);
    // One clock reading for all of them: the pages must still split them by number.
    t.setNow(new Date('2026-03-01T08:00:00.000Z'));
    const made: number[] = [];
    try {
      for (let i = 0; i < LIBRARY_PAGE_SIZE + 3; i++) made.push((await imageBy(who, { alt: `Quay ${i}` })).id);
    } finally {
      t.setNow(undefined);
    }
    await imageBy(who, { alt: 'Rice terraces' });

    const first = await get(who, '/newsroom/media/picker?edition=en&q=quay');
    assert.equal(choices(first.body).length, LIBRARY_PAGE_SIZE);
    const next = moreUrl(first.body);
    assert.ok(next, 'a More button');
    assert.match(next, /^\/newsroom\/media\/picker\?edition=en&q=quay&after=[^&]+%7C\d+$/);
    assert.match(
      first.body,
      /<button type="button" class="nr-button" data-picker-more data-url="[^"]+">More images<\/button>/,
    );

    const second = await get(who, next);
    assert.equal(second.statusCode, 200);
    assert.equal(choices(second.body).length, 3);
    assert.equal(moreUrl(second.body), undefined, 'the last page offers no more');
    const seen = [...choices(first.body), ...choices(second.body)];
    assert.deepEqual(seen, [...made].reverse(), 'newest first, each once');
  });
});

describe('bad parameters', () => {
  test('answer 400 with what is wrong, naming the parameter, and list nothing', async () => {
    await imageBy(editor, { alt: 'Something to list' });
    const cases: [string, RegExp][] = [
      ['after=yesterday', /after: not a place in the list/],
      ['after=2026-03-01T08:00:00.000Z%7C0', /after: not a place in the list/],
      ['after=2026-13-45T99:00:00.000Z%7C5', /after: not a place in the list/],
      ['after=2026-03-01T08:00:00.000Z%7C99999999999', /after: not a place in the list/],
      [`q=${'a'.repeat(201)}`, /q: use at most 200 characters\./],
      ['edition=zz', /edition: there is no edition “zz”\./],
      ['q=a&q=b', /q: give it once\./],
      ['page=2', /page: not something the picker reads \(it reads q, edition and after\)\./],
    ];
    for (const [query, message] of cases) {
      const res = await get(editor, `/newsroom/media/picker?${query}`);
      assert.equal(res.statusCode, 400, query);
      assert.match(res.body, /class="nr-problems nr-picker-problem" role="alert"/, query);
      assert.match(res.body, message, query);
      assert.deepEqual(choices(res.body), [], query);
    }
    // Text typed into the address comes back escaped.
    const typed = await get(editor, `/newsroom/media/picker?edition=${encodeURIComponent('<b>x')}`);
    assert.equal(typed.statusCode, 400);
    assert.match(typed.body, /edition: there is no edition “&lt;b>x”\./);
  });
});

describe('the preview’s thumbnail', () => {
  test('redirects to the smallest stored size for those who may see the image, else 403 or 404', async () => {
    const own = await imageBy(writer, { alt: 'Own' });
    const theirs = await imageBy(other, { alt: 'Theirs' });
    const mine = await get(writer, `/newsroom/media/${own.id}/thumbnail`);
    assert.equal(mine.statusCode, 302);
    assert.equal(mine.headers.location, `/media/${own.storage_key}-64.jpg`);
    assert.equal((await get(editor, `/newsroom/media/${theirs.id}/thumbnail`)).statusCode, 302);
    assert.equal((await get(writer, `/newsroom/media/${theirs.id}/thumbnail`)).statusCode, 403);
    assert.equal((await get(writer, '/newsroom/media/2147483647/thumbnail')).statusCode, 404);
    assert.equal((await get(writer, '/newsroom/media/01/thumbnail')).statusCode, 404);

    // An editor chose another's image for this contributor's draft: the contributor sees it.
    const draft = await makeArticle(t.db, { status: 'draft', featured_media_id: theirs.id });
    await t.db.updateTable('articles').set({ created_by: writer.user.id }).where('id', '=', draft.id).execute();
    assert.equal((await get(writer, `/newsroom/media/${theirs.id}/thumbnail`)).statusCode, 302);
  });
});

describe('the article form', () => {
  test('shows the chosen photo’s preview, the picker dialog and the plain number field', async () => {
    const image = await imageBy(editor, { alt: 'Library alt' });
    const article = await makeArticle(t.db, { featured_media_id: image.id, image_alt: 'Boats <at> the quay' });
    const page = await get(editor, `/newsroom/articles/${article.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      new RegExp(
        `<figure class="nr-photo-preview" data-photo-preview><img src="/newsroom/media/${image.id}/thumbnail" alt="" class="nr-photo-thumb"/?>`,
      ),
    );
    assert.match(page.body, new RegExp(`data-photo-text>Image ${image.id}: Boats &lt;at> the quay</figcaption>`));
    assert.match(
      page.body,
      new RegExp(`<input id="featuredMediaId" name="featuredMediaId" type="text" value="${image.id}"`),
    );
    assert.match(page.body, /<div class="nr-photo-actions" data-photo-actions hidden>/, 'buttons wait for the script');
    assert.match(page.body, /<dialog id="media-picker" class="nr-picker" aria-labelledby="media-picker-title"/);
    assert.match(page.body, /data-picker-url="\/newsroom\/media\/picker\?edition=en"/);
    assert.match(page.body, /<h2 id="media-picker-title">Choose a photo from the media library<\/h2>/);
    // The dialog's search box has no name: it is never sent with the article.
    assert.match(
      page.body,
      /<input id="media-picker-q" type="search" maxlength="200" autocomplete="off" data-picker-search/,
    );

    const fresh = await get(writer, '/newsroom/articles/new?edition=en');
    assert.equal(fresh.statusCode, 200);
    assert.match(fresh.body, /<figure class="nr-photo-preview" data-photo-preview hidden>/);
    assert.doesNotMatch(fresh.body, /\/thumbnail"/);
    assert.match(fresh.body, /The images you have uploaded, newest first\./);
  });
});
