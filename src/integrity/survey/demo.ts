// The demo's survey: the nine standard elements in each demo edition (en, id, ar) and a believable
// spread of responses over the last four quarters, better little by little, with the elements a
// visitor feels most (completion time, complaints handling) a little lower. Deterministic (a
// seeded generator), and written as one bulk insert per edition: readers' numbers, not content,
// as the demo's read counts are; one event per edition purges its results page.
import { toDbTime } from '../../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { startFromStandard } from './commands.ts';
import { listActiveElements } from './queries.ts';
import { quarterOf, quarterStart, shiftPeriod } from './quarter.ts';
import './events.ts';

const EDITIONS = ['en', 'id', 'ar'] as const;
/** Responses in a whole quarter, per edition, before the edition's share. */
const PER_QUARTER = 48;
/** How an element's scores lean, in the regulation's order (added to the quarter's mood). */
const ELEMENT_LEAN = [0.1, 0, -0.35, 0.45, 0.05, 0.15, 0.2, -0.3, -0.1];

const COMMENTS: Record<(typeof EDITIONS)[number], readonly string[]> = {
  en: [
    'The archive team found the recording I needed within a week. Thank you.',
    'Please say on the website how long a copy of a broadcast takes.',
    'Friendly staff, but the waiting room was hot.',
    'I was not told that my complaint had been received until I called again.',
  ],
  id: [
    'Petugas ramah dan menjelaskan prosedurnya dengan jelas.',
    'Mohon cantumkan lama waktu penyelesaian di situs web.',
    'Ruang tunggu perlu kursi tambahan.',
    'Pengaduan saya baru ditanggapi setelah dua minggu.',
  ],
  ar: [
    'كان الموظفون متعاونين وأجابوا عن كل أسئلتي.',
    'أرجو توضيح المدة اللازمة لإنجاز الطلب على الموقع.',
    'قاعة الانتظار تحتاج إلى مقاعد أكثر.',
  ],
};

/** A small deterministic generator (mulberry32): the same demo every time. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A score around `mood` (about 2.6–3.6), kept within 1–4. */
function scoreNear(mood: number, random: () => number): number {
  const noise = (random() + random() + random() - 1.5) * 1.4;
  return Math.min(4, Math.max(1, Math.round(mood + noise)));
}

/** Seeds the survey of the demo editions; `options.now` and the zone place the quarters. */
export async function seedDemoSurvey(w: WriteContext, options: { now: Date; timezone: string }): Promise<number> {
  const current = quarterOf(options.now, options.timezone);
  let total = 0;
  for (const [e, edition] of EDITIONS.entries()) {
    const known = await w.db.selectFrom('editions').select('code').where('code', '=', edition).executeTakeFirst();
    if (!known) continue;
    if ((await listActiveElements(w.db, edition)).length === 0) await startFromStandard(w, edition);
    const elements = await listActiveElements(w.db, edition);
    const random = generator(2017 + e);
    const share = edition === 'en' ? 1 : edition === 'id' ? 1.4 : 0.5;
    const responses: { period: string; at: Date; scores: number[]; comment: string }[] = [];
    for (let back = 3; back >= 0; back--) {
      const period = shiftPeriod(current, -back);
      const start = quarterStart(period, options.timezone).getTime();
      // The quarter so far: the current one has only the days that have passed.
      const end = Math.min(quarterStart(shiftPeriod(period, 1), options.timezone).getTime(), options.now.getTime());
      const fraction = (end - start) / (quarterStart(shiftPeriod(period, 1), options.timezone).getTime() - start);
      const count = Math.round(PER_QUARTER * share * fraction * (0.8 + random() * 0.4));
      const mood = 2.85 + (3 - back) * 0.12;
      const comments = COMMENTS[edition];
      for (let i = 0; i < count; i++) {
        const at = new Date(start + random() * (end - start));
        const scores = elements.map((_, k) => scoreNear(mood + (ELEMENT_LEAN[k] ?? 0), random));
        const comment = random() < 0.07 ? comments[Math.floor(random() * comments.length)]! : '';
        responses.push({ period: quarterOf(at, options.timezone), at, scores, comment });
      }
    }
    if (responses.length === 0) continue;
    await runCommand(w, async (trx, emit) => {
      let lastId = 0;
      for (let from = 0; from < responses.length; from += 100) {
        const batch = responses.slice(from, from + 100);
        const inserted = await trx
          .insertInto('survey_responses')
          .values(batch.map((r) => ({ edition, period: r.period, comment: r.comment, created_at: toDbTime(r.at) })))
          .returning('id')
          .execute();
        // Ids come in insertion order; RETURNING's own order is not promised (SQLite).
        const ids = inserted.map((row) => row.id).sort((a, b) => a - b);
        await trx
          .insertInto('survey_answers')
          .values(
            batch.flatMap((r, j) =>
              elements.map((element, k) => ({ response_id: ids[j]!, element_id: element.id, score: r.scores[k]! })),
            ),
          )
          .execute();
        lastId = Math.max(lastId, ...ids);
      }
      await emit('integrity.survey_answered', { responseId: lastId, edition });
    });
    total += responses.length;
  }
  return total;
}
