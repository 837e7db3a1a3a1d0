// The report form's checks: every problem by field as a message key (the page translates it),
// NUL bytes and broken UTF-8 refused per field without a crash, text normalised and counted in
// characters. Every key used must exist in all three reader catalogs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ar } from '../../i18n/catalogs/ar.ts';
import { en } from '../../i18n/catalogs/en.ts';
import { id } from '../../i18n/catalogs/id.ts';
import { REPORT_KINDS, REPORT_STATUSES, TEXT_LIMITS, canMoveStatus, needsReason } from './model.ts';
import { checkMessageText, checkReportForm } from './report-form.ts';

const valid = {
  kind: 'gratification',
  what: 'An envelope was offered at the licensing desk.',
  when: '3 March 2026, morning',
  where: 'Licensing office, second floor',
  who: 'A clerk at desk 4',
};

const TEXT_FIELDS = ['what', 'when', 'where', 'who', 'name', 'email', 'phone'] as const;

function keysOf(raw: Record<string, unknown>): Record<string, string[]> {
  const result = checkReportForm(raw);
  if (!('problems' in result)) return {};
  return Object.fromEntries(Object.entries(result.problems).map(([field, list]) => [field, list.map((p) => p.key)]));
}

describe('the report form', () => {
  it('accepts an anonymous report, with every identity field empty', () => {
    const result = checkReportForm(valid);
    assert.ok('report' in result);
    assert.equal(result.report.kind, 'gratification');
    assert.deepEqual(result.report.content.identity, { name: '', email: '', phone: '' });
    assert.equal(result.report.content.where, 'Licensing office, second floor');
  });

  it('lists every problem at once, by field, as message keys', () => {
    assert.deepEqual(keysOf({ kind: 'gossip', what: '   ', email: 'not-an-address', phone: 'call me' }), {
      kind: ['integrity.report.problem.kind'],
      what: ['integrity.report.problem.required'],
      email: ['integrity.report.problem.email'],
      phone: ['integrity.report.problem.phone'],
    });
  });

  it('refuses a NUL byte and broken UTF-8 in every text field with a clear problem, never a crash', () => {
    for (const field of TEXT_FIELDS) {
      const filler = field === 'email' ? 'a@b.example' : field === 'phone' ? '0812345678' : 'x';
      assert.deepEqual(
        keysOf({ ...valid, [field]: `${filler}\u0000` }),
        { [field]: ['integrity.report.problem.nul'] },
        field,
      );
      for (const broken of [
        Buffer.from([0x61, 0xff, 0xfe, 0x62]), // bytes that are not UTF-8, as a multipart parser may hand them over
        Buffer.from([0xe2, 0x82]), // a sequence cut short
        `${filler}\uD800`, // a lone surrogate, as JSON's "\ud800" decodes
        `${filler}\uFFFD`, // what a lenient decoder left of broken bytes
      ]) {
        assert.deepEqual(
          keysOf({ ...valid, [field]: broken }),
          { [field]: ['integrity.report.problem.encoding'] },
          field,
        );
      }
      assert.deepEqual(keysOf({ ...valid, [field]: ['two', 'values'] }), {
        [field]: ['integrity.report.problem.invalid'],
      });
    }
  });

  it('reads UTF-8 bytes, normalises to NFC and counts characters, not bytes or UTF-16 units', () => {
    const decomposed = 'Cafe\u0301 di Jl. Merdeka';
    const result = checkReportForm({
      ...valid,
      where: Buffer.from(decomposed, 'utf8'),
      who: '  Pak  Budi \r\n\r\n\r\n\r\nBu Sri  ',
    });
    assert.ok('report' in result);
    assert.equal(result.report.content.where, 'Café di Jl. Merdeka');
    assert.equal(result.report.content.who, 'Pak  Budi\n\nBu Sri');
    // Arabic (2 bytes a letter) and emoji (2 UTF-16 units) at exactly the limit pass; one more does not.
    const max = TEXT_LIMITS.when;
    assert.ok('report' in checkReportForm({ ...valid, when: 'ب'.repeat(max) }));
    assert.ok('report' in checkReportForm({ ...valid, when: '📅'.repeat(max) }));
    const over = checkReportForm({ ...valid, when: '📅'.repeat(max + 1) });
    assert.ok('problems' in over);
    assert.deepEqual(over.problems.when, [
      { key: 'integrity.report.problem.tooLong', values: { max, count: max + 1 } },
    ]);
  });

  it('keeps the identity a reporter chooses to give', () => {
    const result = checkReportForm({ ...valid, name: ' Siti ', email: 'siti@example.id', phone: '+62 812-3456-7890' });
    assert.ok('report' in result);
    assert.deepEqual(result.report.content.identity, {
      name: 'Siti',
      email: 'siti@example.id',
      phone: '+62 812-3456-7890',
    });
  });

  it('checks a follow-up message the same way', () => {
    assert.deepEqual(checkMessageText('  more facts \r\n'), { text: 'more facts' });
    assert.deepEqual(checkMessageText(undefined), { text: '' });
    assert.deepEqual(checkMessageText('a\u0000'), { problems: { text: [{ key: 'integrity.report.problem.nul' }] } });
    assert.deepEqual(checkMessageText(Buffer.from([0xc0, 0xaf])), {
      problems: { text: [{ key: 'integrity.report.problem.encoding' }] },
    });
  });
});

describe('report statuses', () => {
  it('move forward a step at a time, close from any open status, and reopen to in progress', () => {
    assert.ok(canMoveStatus('received', 'verified'));
    assert.ok(canMoveStatus('verified', 'in_progress'));
    assert.ok(canMoveStatus('in_progress', 'closed'));
    assert.ok(canMoveStatus('received', 'closed'));
    assert.ok(canMoveStatus('closed', 'in_progress'));
    assert.equal(canMoveStatus('received', 'in_progress'), false);
    assert.equal(canMoveStatus('in_progress', 'received'), false);
    assert.equal(canMoveStatus('closed', 'closed'), false);
    assert.ok(needsReason('verified', 'closed'));
    assert.ok(needsReason('closed', 'in_progress'));
    assert.equal(needsReason('received', 'verified'), false);
  });
});

describe('the reporting channel’s messages', () => {
  it('exist in English, Indonesian and Arabic for every kind, status and problem', () => {
    const keys = [
      ...REPORT_KINDS.map((k) => `integrity.report.kind.${k}`),
      ...REPORT_STATUSES.map((s) => `integrity.report.status.${s}`),
      ...Object.keys(en).filter((k) => k.startsWith('integrity.report.problem.')),
    ];
    assert.ok(keys.length > 20);
    for (const key of keys) {
      for (const [name, catalog] of Object.entries({ en, id, ar })) {
        const message = (catalog as Record<string, unknown>)[key];
        assert.equal(typeof message, 'string', `${name}: ${key}`);
        if (name !== 'en')
          assert.notEqual(message, (en as Record<string, unknown>)[key], `${name}: ${key} is translated`);
      }
    }
  });
});
