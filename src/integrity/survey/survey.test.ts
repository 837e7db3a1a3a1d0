// The survey through the app, on both engines: the form and its private, cookie-scoped answers
// (one response per quarter; a forged or unsigned cookie counts as none), every refusal keeping
// the form filled in and storing nothing, the public results with their numbers and purge, and the
// newsroom's management of the elements with its permissions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fastifyCookie from '@fastify/cookie';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { postForm, signedIn, type SignedIn } from '../../../test/helpers/newsroom.ts';
import { startFromStandard } from './commands.ts';
import { STANDARD_ELEMENTS } from './model.ts';
import { listActiveElements, listElements } from './queries.ts';
import { RESPONSES_PER_ADDRESS_PER_DAY } from './routes.tsx';

let t: TestApp;
let officer: SignedIn;
let editor: SignedIn;
let author: SignedIn;
let otherEditor: SignedIn;
let elementIds: number[];

// Mid-November 2026 in Jakarta: the fourth quarter, which ends at 2026-12-31T17:00Z.
const NOW = new Date('2026-11-15T03:00:00Z');
const FORM = '/en/integrity/survey';
const RESULTS = '/en/integrity/survey/results';

before(async () => {
  t = await createTestApp({ WARTA_TIMEZONE: 'Asia/Jakarta' });
  t.setNow(NOW);
  await startFromStandard(t.app.ctx.writer, 'en');
  elementIds = (await listElements(t.db, 'en')).map((e) => e.id);
});
after(() => t.close());

/** A multipart body as the form sends it; a Buffer value goes as raw bytes. */
function multipart(fields: Record<string, string | Buffer>): { body: Buffer; contentType: string } {
  const boundary = `----survey${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Scores for every element (3 unless given), with extra fields. */
function answers(extra: Record<string, string | Buffer> = {}, score = '3'): Record<string, string | Buffer> {
  return { ...Object.fromEntries(elementIds.map((id) => [`score-${id}`, score])), ...extra };
}

function postSurvey(fields: Record<string, string | Buffer>, cookie?: string, url = FORM) {
  const { body, contentType } = multipart(fields);
  return t.app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': contentType, ...(cookie ? { cookie } : {}) },
    payload: body,
  });
}

async function responseCount(edition = 'en'): Promise<number> {
  return (await t.db.selectFrom('survey_responses').select('id').where('edition', '=', edition).execute()).length;
}

/** The cookie a browser would send back, from a Set-Cookie header. */
function cookieFrom(setCookie: unknown): string {
  const header = String(Array.isArray(setCookie) ? setCookie[0] : setCookie);
  return header.split(';', 1)[0]!;
}

describe('the survey form', () => {
  it('asks every active element on the 1–4 scale, privately, without setting a cookie', async () => {
    const response = await t.app.inject({ url: FORM });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    assert.equal(response.headers['set-cookie'], undefined);
    assert.equal((response.body.match(/<fieldset/g) ?? []).length, 9);
    assert.equal((response.body.match(/type="radio"/g) ?? []).length, 36);
    assert.match(response.body, /enctype="multipart\/form-data"/);
    assert.match(response.body, /Very good/);
    assert.match(response.body, /we store one small cookie in your browser/);
    assert.match(response.body, /not the anonymous reporting channel/);
    assert.match(response.body, /Q4 2026/);
    assert.match(response.body, /31 December 2026/);
  });

  it('is right to left in Arabic, with the standard elements in Arabic', async () => {
    await startFromStandard(t.app.ctx.writer, 'ar');
    const response = await t.app.inject({ url: '/ar/integrity/survey' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<html lang="ar" dir="rtl">/);
    assert.ok(response.body.includes(STANDARD_ELEMENTS.ar![0]!));
    assert.ok(response.body.includes('جيد جدًا'));
  });

  it('says so when an edition asks nothing yet', async () => {
    const response = await t.app.inject({ url: '/id/integrity/survey' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /Survei belum dibuka/);
    const post = await postSurvey({ 'score-1': '3' }, undefined, '/id/integrity/survey');
    assert.equal(post.statusCode, 409);
    assert.equal(await responseCount('id'), 0);
  });
});

describe('one response per quarter', () => {
  let cookie: string;

  it('stores a response and sets the signed, path-scoped cookie that ends with the quarter', async () => {
    const before = await responseCount();
    const response = await postSurvey(answers({ comment: '  The archive team was quick.  ' }, '4'));
    assert.equal(response.statusCode, 200, response.body.slice(0, 500));
    assert.match(response.body, /Thank you for your answers/);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, /^warta_survey=/);
    assert.match(setCookie, /Path=\/en\/integrity\/survey(;|$)/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    assert.match(setCookie, /Secure/); // the test site is https
    assert.match(setCookie, /Expires=Thu, 31 Dec 2026 17:00:00 GMT/);
    cookie = cookieFrom(response.headers['set-cookie']);
    const value = decodeURIComponent(cookie.split('=')[1]!);
    const unsigned = t.unsignCookie(value);
    assert.equal(unsigned.valid, true);
    assert.equal(unsigned.value, 'en:2026-Q4');

    assert.equal(await responseCount(), before + 1);
    const stored = await t.db
      .selectFrom('survey_responses')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(stored.period, '2026-Q4');
    assert.equal(stored.comment, 'The archive team was quick.');
    const scores = await t.db
      .selectFrom('survey_answers')
      .select('score')
      .where('response_id', '=', stored.id)
      .execute();
    assert.equal(scores.length, 9);
    assert.ok(scores.every((s) => s.score === 4));
  });

  it('answers a second response in the quarter with a clear page, storing nothing', async () => {
    const before = await responseCount();
    const again = await postSurvey(answers(), cookie);
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /You have already answered this quarter/);
    assert.match(again.body, /1 January 2027/);
    assert.equal(again.headers['set-cookie'], undefined);
    assert.equal(await responseCount(), before);
    const form = await t.app.inject({ url: FORM, headers: { cookie } });
    assert.match(form.body, /You have already answered this quarter/);
    assert.doesNotMatch(form.body, /<fieldset/);
  });

  it('treats a forged, unsigned or other edition’s cookie as no cookie', async () => {
    const forged = [
      'warta_survey=en%3A2026-Q4', // unsigned
      `warta_survey=${encodeURIComponent(fastifyCookie.sign('en:2026-Q4', 'another-secret-another-secret-0000'))}`,
      `warta_survey=${encodeURIComponent(t.signCookie('ar:2026-Q4'))}`,
      `warta_survey=${encodeURIComponent(t.signCookie('en:nonsense'))}`,
    ];
    for (const bad of forged) {
      const before = await responseCount();
      const response = await postSurvey(answers(), bad);
      assert.equal(response.statusCode, 200, bad);
      assert.equal(await responseCount(), before + 1, bad);
    }
  });

  it('takes a new response once the quarter has turned in Jakarta', async () => {
    t.setNow(new Date('2026-12-31T16:59:00Z')); // 23:59 on 31 December in Jakarta
    try {
      assert.equal((await postSurvey(answers(), cookie)).statusCode, 409);
      t.setNow(new Date('2026-12-31T17:00:00Z')); // midnight: 2027-Q1
      const response = await postSurvey(answers(), cookie);
      assert.equal(response.statusCode, 200);
      assert.match(String(response.headers['set-cookie']), /Expires=Wed, 31 Mar 2027 17:00:00 GMT/);
      const last = await t.db
        .selectFrom('survey_responses')
        .select('period')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(last.period, '2027-Q1');
      await t.db.deleteFrom('survey_responses').where('period', '=', '2027-Q1').execute();
    } finally {
      t.setNow(NOW);
    }
  });
});

describe('refusals keep the form filled in and store nothing', () => {
  async function refused(fields: Record<string, string | Buffer>, status = 400) {
    const before = await responseCount();
    const response = await postSurvey(fields);
    assert.equal(response.statusCode, status, response.body.slice(0, 300));
    assert.equal(response.headers['set-cookie'], undefined);
    assert.equal(response.headers['cache-control'], 'private, no-store');
    assert.equal(await responseCount(), before);
    return response.body;
  }

  it('needs a score from 1 to 4 for every element', async () => {
    const fields = answers({ comment: 'Keep this text' });
    delete fields[`score-${elementIds[2]}`];
    fields[`score-${elementIds[4]}`] = '5';
    const body = await refused(fields);
    assert.equal((body.match(/Choose a score from 1 to 4\./g) ?? []).length, 4); // two beside, two in the summary
    assert.match(body, new RegExp(`id="score-${elementIds[0]}-3"[^>]*checked`));
    assert.match(body, /aria-invalid="true"/);
    assert.match(body, />Keep this text<\/textarea>/);
  });

  it('limits the comment to 2,000 characters', async () => {
    const body = await refused(answers({ comment: 'é'.repeat(2001) }));
    assert.match(body, /The comment is 2,001 characters long; the limit is 2,000\./);
    assert.ok(body.includes('é'.repeat(2001)));
    assert.equal((await postSurvey(answers({ comment: '😀'.repeat(2000) }))).statusCode, 200);
  });

  it('refuses a NUL character and broken UTF-8 beside the comment', async () => {
    const nul = await refused(answers({ comment: 'before\u0000after' }));
    assert.match(nul, /contains a NUL character/);
    assert.match(nul, />beforeafter<\/textarea>/);
    const broken = await refused(answers({ comment: Buffer.from([0x62, 0x61, 0x64, 0xff, 0xfe]) }));
    assert.match(broken, /not valid UTF-8/);
    // A urlencoded post is refused by the site's input guard before the route.
    const before = await responseCount();
    const form = await t.app.inject({
      method: 'POST',
      url: FORM,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `${new URLSearchParams(answers() as Record<string, string>).toString()}&comment=%00`,
    });
    assert.equal(form.statusCode, 400);
    assert.equal(await responseCount(), before);
  });

  it('takes a urlencoded post too', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: FORM,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(answers() as Record<string, string>).toString(),
    });
    assert.equal(response.statusCode, 200);
  });
});

describe('the results', () => {
  it('says so plainly when nobody has answered', async () => {
    const response = await t.app.inject({ url: '/id/integrity/survey/results' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['cache-control']), /^public/);
    assert.match(response.body, /Belum ada hasil/);
    assert.doesNotMatch(response.body, /survey-chart/);
  });

  it('shows the index per element and overall, by quarter, and is purged by a new response', async () => {
    await t.db.deleteFrom('survey_responses').where('edition', '=', 'en').execute();
    // Q3: one response of all 2s (index 50.00, D); Q4: all 4s and all 3s (87.50, B).
    t.setNow(new Date('2026-08-01T03:00:00Z'));
    assert.equal((await postSurvey(answers({}, '2'))).statusCode, 200);
    t.setNow(NOW);
    assert.equal((await postSurvey(answers({}, '4'))).statusCode, 200);
    assert.equal((await postSurvey(answers({}, '3'))).statusCode, 200);

    const first = await t.app.inject({ url: RESULTS });
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers['cache-control']), /^public/);
    assert.equal(first.headers['set-cookie'], undefined);
    assert.match(first.body, /<svg class="survey-chart"[^>]*aria-hidden="true"/);
    assert.doesNotMatch(first.body, / style=/);
    assert.match(first.body, /Index for Q4 2026/);
    assert.match(first.body, /87\.50/);
    assert.match(first.body, /B, good/);
    assert.match(first.body, /2 responses/);
    assert.match(first.body, /50\.00/);
    assert.match(first.body, /D, poor/);
    assert.match(first.body, /3\.50/); // each element's mean in Q4
    const cached = await t.app.inject({ url: RESULTS });
    assert.equal(cached.headers['x-cache'], 'hit');

    // A new response purges it: the next answer shows three responses.
    assert.equal((await postSurvey(answers({}, '1'))).statusCode, 200);
    await t.app.ctx.events.afterCommit();
    const fresh = await t.app.inject({ url: RESULTS });
    assert.notEqual(fresh.headers['x-cache'], 'hit');
    assert.match(fresh.body, /3 responses/);
    // (4 + 3 + 1) / 3 = 2.6667 → 66.67, C
    assert.match(fresh.body, /66\.67/);

    const q3 = await t.app.inject({ url: `${RESULTS}?quarter=2026-Q3` });
    assert.match(q3.body, /Index for Q3 2026/);
    assert.match(q3.body, /<meta name="robots" content="noindex"/);
    assert.doesNotMatch(q3.body, /Q4 2026<\/th>/);
    const unknown = await t.app.inject({ url: `${RESULTS}?quarter=1999-Q9` });
    assert.equal(unknown.statusCode, 200);
    assert.match(unknown.body, /Index for Q4 2026/);
  });
});

describe('the newsroom survey page', () => {
  const BASE = '/newsroom/integrity/survey';

  // Sessions live on the real clock (their age is checked against it), so these tests do too.
  before(async () => {
    t.setNow(undefined);
    officer = await signedIn(t, 'integrity_officer', []);
    editor = await signedIn(t, 'editor', ['en']);
    author = await signedIn(t, 'author', ['en']);
    otherEditor = await signedIn(t, 'editor', ['id']);
  });

  it('is refused to authors and to another edition’s editors', async () => {
    assert.equal((await t.app.inject({ url: BASE, headers: author.headers })).statusCode, 403);
    assert.equal((await postForm(t, author, `${BASE}/elements`, { edition: 'en', label: 'x' })).statusCode, 403);
    assert.equal((await postForm(t, otherEditor, `${BASE}/elements/${elementIds[0]}/off`)).statusCode, 403);
    assert.equal((await t.app.inject({ url: `${BASE}?edition=en`, headers: otherEditor.headers })).statusCode, 403);
    assert.equal((await postForm(t, author, `${BASE}/standard`, { edition: 'id' })).statusCode, 403);
    assert.equal((await listElements(t.db, 'id')).length, 0);
  });

  it('starts an empty edition from the nine standard elements, in its language, once', async () => {
    const empty = await t.app.inject({ url: `${BASE}?edition=id`, headers: officer.headers });
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /Start from the nine standard elements/);
    const started = await postForm(t, officer, `${BASE}/standard`, { edition: 'id' });
    assert.equal(started.statusCode, 303);
    const elements = await listElements(t.db, 'id');
    assert.deepEqual(
      elements.map((e) => e.label),
      STANDARD_ELEMENTS.id,
    );
    assert.equal((await postForm(t, officer, `${BASE}/standard`, { edition: 'id' })).statusCode, 409);
    assert.equal((await listElements(t.db, 'id')).length, 9);
  });

  it('adds, renames, reorders and switches elements off and on', async () => {
    const added = await postForm(t, editor, `${BASE}/elements`, { edition: 'en', label: '  Website   clarity ' });
    assert.equal(added.statusCode, 303);
    let elements = await listElements(t.db, 'en');
    const last = elements[elements.length - 1]!;
    assert.equal(last.label, 'Website clarity');

    const refused = await postForm(t, editor, `${BASE}/elements`, { edition: 'en', label: '   ' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Write the element as a question or a short name\./);
    const tooLong = await postForm(t, editor, `${BASE}/elements/${last.id}`, { label: 'x'.repeat(201) });
    assert.equal(tooLong.statusCode, 400);
    assert.ok(tooLong.body.includes('x'.repeat(201)));

    assert.equal(
      (await postForm(t, editor, `${BASE}/elements/${last.id}`, { label: 'Clarity of the website' })).statusCode,
      303,
    );
    assert.equal((await postForm(t, editor, `${BASE}/elements/${last.id}/move`, { direction: 'up' })).statusCode, 303);
    elements = await listElements(t.db, 'en');
    assert.equal(elements[elements.length - 2]!.label, 'Clarity of the website');

    // Off: no longer asked, its answers stay in the results.
    const firstId = elementIds[0]!;
    assert.equal((await postForm(t, officer, `${BASE}/elements/${firstId}/off`)).statusCode, 303);
    await t.app.ctx.events.afterCommit();
    const form = await t.app.inject({ url: FORM });
    assert.doesNotMatch(form.body, new RegExp(`name="score-${firstId}"`));
    assert.equal((form.body.match(/<fieldset/g) ?? []).length, 9); // 8 standard + the new one
    const results = await t.app.inject({ url: RESULTS });
    assert.match(results.body, /no longer asked/);
    const page = await t.app.inject({ url: `${BASE}?edition=en`, headers: officer.headers });
    assert.match(page.body, /Switched off/);
    assert.match(page.body, /Switch on element 1/);
    assert.equal((await postForm(t, officer, `${BASE}/elements/${firstId}/on`)).statusCode, 303);
    assert.ok((await listElements(t.db, 'en')).find((e) => e.id === firstId)!.isActive);
  });

  it('answers a form posted against elements switched off meanwhile by asking again', async () => {
    const elements = await listElements(t.db, 'en');
    const fields = Object.fromEntries(elements.filter((e) => e.isActive).map((e) => [`score-${e.id}`, '3']));
    // Every active element answered: passes the form's check, so the command decides.
    const ok = await postSurvey(fields);
    assert.equal(ok.statusCode, 200);
  });
});

describe('a script that drops the cookie', () => {
  it('stores at most a day’s allowance from one address, then keeps the answers and says why', async () => {
    // The questionnaire as it stands after the newsroom's tests above.
    const active = (await listActiveElements(t.db, 'en')).map((e) => e.id);
    const post = (comment: string) => {
      const { body, contentType } = multipart({
        ...Object.fromEntries(active.map((id) => [`score-${id}`, '4'])),
        comment,
      });
      return t.app.inject({
        method: 'POST',
        url: FORM,
        headers: { 'content-type': contentType },
        payload: body,
        remoteAddress: '203.0.113.77',
      });
    };
    const before = await responseCount();
    for (let i = 0; i < RESPONSES_PER_ADDRESS_PER_DAY; i++) assert.equal((await post(`answer ${i}`)).statusCode, 200);
    const refused = await post('one too many');
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Too many answers have come from your network today/);
    assert.match(refused.body, /one too many/, 'the comment is kept');
    assert.equal(await responseCount(), before + RESPONSES_PER_ADDRESS_PER_DAY);
  });
});
