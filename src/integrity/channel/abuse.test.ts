// What the channel refuses, on both engines, and that a refusal stores nothing and keeps the
// reporter's text: the proof-of-work (a forged, an expired and a replayed token, a too-fast form
// without JavaScript and the same form after the wait), the honeypot, files of the wrong type or
// size, broken UTF-8 and NUL, and the per-address limits on forms and on wrong codes.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { CHALLENGE_LIFETIME_MS, NO_SCRIPT_WAIT_MS } from '../challenge/index.ts';
import { exe, pdf } from '../evidence/test-fixtures.ts';
import { MAX_FILE_BYTES, submitReport } from '../reports/index.ts';
import { reportVault } from '../vault.ts';
import { SUBMISSIONS_PER_HOUR, WRONG_CODES_PER_WINDOW } from './limits.ts';
import { challengeOf, multipart, receiptCodeOf, solve, solvedChallenge, type FilePart } from './test-support.ts';

const FIELDS = {
  kind: 'gratification',
  what: 'A supplier left a parcel of batik cloth at my desk after the tender.',
  when: '3 March',
  where: 'Procurement unit',
  who: 'A supplier’s sales manager',
};

describe('the reporting channel’s refusals', () => {
  let t: TestApp;
  let clock = Date.parse('2026-06-01T08:00:00Z');
  let address = 0;
  // Each test comes from its own address, so one test's counts never limit another.
  let remoteAddress = '198.51.100.1';

  before(async () => {
    t = await createTestApp();
    t.setNow(new Date(clock));
  });
  beforeEach(() => {
    remoteAddress = `198.51.100.${++address}`;
  });
  after(() => t.close());

  const advance = (ms: number) => {
    clock += ms;
    t.setNow(new Date(clock));
  };
  const reportCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('integrity_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const post = (url: string, fields: Record<string, string | Buffer>, files: readonly FilePart[] = []) => {
    const body = multipart(fields, files);
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: body.headers, remoteAddress });
  };
  const form = async () => challengeOf((await t.app.inject({ url: '/en/integrity/report', remoteAddress })).body);

  it('takes a solved challenge once: a replay is refused and nothing more is stored', async () => {
    const pow = await solvedChallenge(t.app);
    const before = await reportCount();
    const first = await post('/en/integrity/report', { ...pow, ...FIELDS });
    assert.equal(first.statusCode, 200);
    const again = await post('/en/integrity/report', { ...pow, ...FIELDS });
    assert.equal(again.statusCode, 400);
    assert.match(again.body, /spam check did not pass or has expired/);
    assert.ok(again.body.includes(FIELDS.what), 'the text is kept');
    assert.equal(await reportCount(), before + 1);
  });

  it('refuses a forged token, a wrong number and an expired token, keeping the text', async () => {
    const challenge = await form();
    const number = solve(challenge);
    const [payload, signature] = challenge.token.split('.') as [string, string];
    const forged = `${payload}.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`;
    const wrong = String((Number(number) + 1) % challenge.max);
    const before = await reportCount();
    for (const [token, n] of [
      [forged, number],
      [challenge.token, wrong],
      [`${Buffer.from('{"s":"x","h":"y","m":1,"i":0,"e":99999999999999}').toString('base64url')}.${signature}`, '0'],
    ] as const) {
      const answer = await post('/en/integrity/report', { pow_token: token, pow_number: n, ...FIELDS });
      assert.equal(answer.statusCode, 400);
      assert.match(answer.body, /spam check did not pass/);
      assert.ok(answer.body.includes(FIELDS.where));
    }
    advance(CHALLENGE_LIFETIME_MS + 1000);
    const late = await post('/en/integrity/report', { pow_token: challenge.token, pow_number: number, ...FIELDS });
    assert.equal(late.statusCode, 400);
    assert.match(late.body, /spam check did not pass or has expired/);
    assert.equal(await reportCount(), before);
  });

  it('takes a form sent without JavaScript only after the wait, and keeps it meanwhile', async () => {
    const challenge = await form();
    const before = await reportCount();
    advance(NO_SCRIPT_WAIT_MS - 5000);
    const early = await post('/en/integrity/report', { pow_token: challenge.token, pow_number: '', ...FIELDS });
    assert.equal(early.statusCode, 400);
    assert.match(early.body, /sent too quickly for the spam check\. Wait a few seconds/);
    assert.ok(early.body.includes(FIELDS.what));
    // The same token comes back: the wait counts from when the form was first shown.
    assert.equal(challengeOf(early.body).token, challenge.token);
    assert.equal(await reportCount(), before);
    advance(5000);
    const later = await post('/en/integrity/report', { pow_token: challenge.token, pow_number: '', ...FIELDS });
    assert.equal(later.statusCode, 200);
    assert.ok(receiptCodeOf(later.body));
    assert.equal(await reportCount(), before + 1);
  });

  it('lets a form refused for a mistake be sent again at once without JavaScript', async () => {
    const challenge = await form();
    advance(NO_SCRIPT_WAIT_MS);
    const refused = await post('/en/integrity/report', {
      pow_token: challenge.token,
      ...FIELDS,
      email: 'not-an-address',
    });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter a valid e-mail address/);
    assert.match(refused.body, /value="not-an-address"/);
    const fixed = await post('/en/integrity/report', { pow_token: challengeOf(refused.body).token, ...FIELDS });
    assert.equal(fixed.statusCode, 200);
  });

  it('refuses a filled honeypot quietly, like a failed check, storing nothing', async () => {
    const before = await reportCount();
    const answer = await post('/en/integrity/report', {
      ...(await solvedChallenge(t.app)),
      ...FIELDS,
      extra_note: 'http://spam.example',
    });
    assert.equal(answer.statusCode, 400);
    assert.match(answer.body, /spam check did not pass/);
    assert.equal(answer.body.includes('spam.example'), false);
    assert.equal(await reportCount(), before);
  });

  it('refuses a program named .pdf and a file over the size limit, beside the files field', async () => {
    const before = await reportCount();
    const typed = await post('/en/integrity/report', { ...(await solvedChallenge(t.app)), ...FIELDS }, [
      { name: 'invoice.pdf', bytes: exe(), type: 'application/pdf' },
    ]);
    assert.equal(typed.statusCode, 400);
    assert.match(typed.body, /id="report-files-problem"/);
    assert.match(typed.body, /invoice\.pdf/);
    assert.match(typed.body, /attach your files again/);
    assert.ok(typed.body.includes(FIELDS.what));
    const big = Buffer.concat([pdf('big'), Buffer.alloc(MAX_FILE_BYTES + 10, 0x20)]);
    const sized = await post('/en/integrity/report', { ...(await solvedChallenge(t.app)), ...FIELDS }, [
      { name: 'scan.pdf', bytes: big, type: 'application/pdf' },
    ]);
    assert.equal(sized.statusCode, 400);
    assert.match(sized.body, /“scan\.pdf” is 10 MB; each file can be at most 10 MB\./);
    assert.equal(await reportCount(), before);
  });

  it('refuses more files than a submission may carry, keeping the text, and a body announced too large', async () => {
    const before = await reportCount();
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `page-${i}.pdf`, bytes: pdf(`page ${i}`) }));
    const many = await post('/en/integrity/report', { ...(await solvedChallenge(t.app)), ...FIELDS }, six);
    assert.equal(many.statusCode, 400);
    assert.match(many.body, /You can attach at most 5 files at a time\./);
    assert.ok(many.body.includes(FIELDS.what));
    const large = await t.app.inject({
      method: 'POST',
      url: '/en/integrity/report',
      payload: 'x',
      remoteAddress,
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(40 * 1024 * 1024) },
    });
    assert.equal(large.statusCode, 413);
    assert.match(large.body, /At most 25 MB can be sent at a time/);
    assert.equal(await reportCount(), before);
  });

  it('refuses broken UTF-8 and NUL with a clear word beside the field, storing nothing', async () => {
    const before = await reportCount();
    const answer = await post('/en/integrity/report', {
      ...(await solvedChallenge(t.app)),
      ...FIELDS,
      what: Buffer.from([0x41, 0xff, 0xfe, 0x42]),
      where: 'Procurement\u0000unit',
    });
    assert.equal(answer.statusCode, 400);
    assert.match(answer.body, /id="report-what-problem"/);
    assert.match(answer.body, /id="report-where-problem"/);
    assert.equal(answer.body.includes('\u0000'), false);
    assert.equal(await reportCount(), before);
  });

  it('stops a flood of forms from one address with a clear page', async () => {
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i++) {
      const answer = await post('/en/integrity/report', { ...FIELDS });
      assert.equal(answer.statusCode, 400);
    }
    const over = await post('/en/integrity/report', { ...(await solvedChallenge(t.app)), ...FIELDS });
    assert.equal(over.statusCode, 429);
    assert.match(over.body, /Too many forms were sent from your connection/);
    assert.equal(over.headers['retry-after'], '3600');
    assert.equal(over.headers['cache-control'], 'no-store');
    advance(3600_000);
    const later = await post('/en/integrity/report', { ...(await solvedChallenge(t.app)), ...FIELDS });
    assert.equal(later.statusCode, 200);
  });

  it('answers wrong, malformed and unknown codes alike, and past the limit refuses even the right one', async () => {
    const { receiptCode } = await submitReport(t.app.ctx.writer, reportVault(t.app.ctx), {
      edition: 'en',
      form: FIELDS,
      files: [],
    });
    const wrong = receiptCode.slice(0, -1) + (receiptCode.endsWith('0') ? '1' : '0');
    const bodies = new Set<string>();
    const codes = [wrong, 'garbage', '', Buffer.from([0xff, 0x00]), 'A'.repeat(60)];
    for (let i = 0; i < WRONG_CODES_PER_WINDOW; i++) {
      const answer = await post('/en/integrity/report/status', { code: codes[i % codes.length]! });
      assert.equal(answer.statusCode, 404);
      bodies.add(answer.body);
    }
    assert.equal(bodies.size, 1, 'every code that opens nothing gets the same page');
    const right = await post('/en/integrity/report/status', { code: receiptCode });
    assert.equal(right.statusCode, 429);
    assert.match(right.body, /Too many codes were tried from your connection/);
    const message = await post('/en/integrity/report/message', { code: receiptCode, text: 'hello' });
    assert.equal(message.statusCode, 429);
    // Another address is not affected.
    remoteAddress = '203.0.113.200';
    assert.equal((await post('/en/integrity/report/status', { code: receiptCode })).statusCode, 200);
  });
});
