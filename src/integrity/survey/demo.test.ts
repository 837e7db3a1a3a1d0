// The demo's survey, on both engines: the nine standard elements in each demo edition and
// responses in each of the last four quarters, which the results page draws as four bars.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { seedDemoSurvey } from './demo.ts';
import { STANDARD_ELEMENTS } from './model.ts';
import { listElements, listPeriods } from './queries.ts';

let t: TestApp;
const NOW = new Date('2026-12-02T03:00:00Z');

before(async () => {
  t = await createTestApp({ WARTA_TIMEZONE: 'Asia/Jakarta' });
  t.setNow(NOW);
});
after(() => t.close());

describe('the demo survey', () => {
  it('seeds the standard elements and four quarters of responses in en, id and ar', async () => {
    const total = await seedDemoSurvey(t.app.ctx.writer, { now: NOW, timezone: 'Asia/Jakarta' });
    assert.ok(total > 300, `${total} responses`);
    for (const edition of ['en', 'id', 'ar']) {
      assert.deepEqual(
        (await listElements(t.db, edition)).map((e) => e.label),
        STANDARD_ELEMENTS[edition],
      );
      const periods = await listPeriods(t.db, edition);
      assert.deepEqual(
        periods.map((p) => p.period),
        ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'],
        edition,
      );
      assert.ok(periods.every((p) => p.responses > 0));
    }
    const answers = await t.db.selectFrom('survey_answers').select('score').execute();
    assert.equal(answers.length, total * 9);
    assert.ok(answers.every((a) => a.score >= 1 && a.score <= 4));
    const results = await t.app.inject({ url: '/id/integrity/survey/results' });
    assert.equal((results.body.match(/class="survey-chart__bar/g) ?? []).length, 4);
  });
});
