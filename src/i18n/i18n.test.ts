// Interface language: plural forms, placeholders and the newsroom's date format per locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  catalogCodes,
  catalogOf,
  createTranslator,
  englishCatalog,
  formatsFor,
  hasCatalog,
  isoInZone,
} from './index.ts';

describe('translator', () => {
  it('chooses plural forms by the edition locale and formats counts', () => {
    const en = createTranslator('en', 'en-GB');
    assert.equal(en('article.votes', { count: 0 }), '(0 votes)');
    assert.equal(en('article.votes', { count: 1 }), '(1 vote)');
    assert.equal(en('article.read', { count: 3530 }), 'Read 3,530 times');
    const id = createTranslator('id', 'id-ID');
    assert.equal(id('article.read', { count: 3530 }), 'Dibaca 3.530 kali');
    const ar = createTranslator('ar', 'ar');
    assert.equal(ar('article.votes', { count: 2 }), '(صوتان)');
  });

  it('falls back to English for an edition without a catalog, and keeps unknown placeholders', () => {
    assert.equal(hasCatalog('nl'), false);
    const nl = createTranslator('nl', 'nl-NL');
    assert.equal(nl('nav.listenLive'), 'Listen live');
    assert.equal(nl('home.moreIn'), 'More in {section}');
  });

  it('fills a message afresh on each call, whatever the last call filled it with', () => {
    // Messages are split at their placeholders once per translator and reused.
    const en = createTranslator('en', 'en-GB');
    assert.equal(en('search.results', { count: 2, query: 'rice' }), '2 results for “rice”');
    assert.equal(en('search.results', { count: 1, query: 'flood' }), '1 result for “flood”');
    assert.equal(en('search.results', { count: 1200, query: '{query}' }), '1,200 results for “{query}”');
    assert.equal(en('search.results', { count: 3 }), '3 results for “{query}”');
    assert.equal(en('nav.home'), 'Home');
    assert.equal(en('nav.home', { count: 5 }), 'Home');
  });

  it('keeps Zona Integritas as a proper name in every catalog', () => {
    for (const [code, locale] of Object.entries(CATALOG_LOCALES)) {
      assert.equal(createTranslator(code, locale)('section.integrity'), 'Zona Integritas');
    }
  });
});

/** The locale each catalog is written for (the demo editions' locales). */
const CATALOG_LOCALES: Readonly<Record<string, string>> = {
  en: 'en-GB',
  id: 'id-ID',
  ar: 'ar',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  zh: 'zh-CN',
  ja: 'ja-JP',
};

/** The {placeholders} of a message, every form of it. */
function placeholdersOf(message: string | Readonly<Record<string, string | undefined>>): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

describe('catalogs', () => {
  const english = Object.keys(englishCatalog).sort();

  it('exist for every demo edition', () => {
    assert.deepEqual([...catalogCodes()].sort(), Object.keys(CATALOG_LOCALES).sort());
  });

  for (const code of Object.keys(CATALOG_LOCALES)) {
    const locale = CATALOG_LOCALES[code]!;
    it(`${code}: has every English key and no other, with the same placeholders`, () => {
      const catalog = catalogOf(code)!;
      assert.ok(catalog, `no catalog for ${code}`);
      assert.deepEqual(Object.keys(catalog).sort(), english);
      for (const key of english) {
        const own = catalog[key as keyof typeof catalog];
        const source = englishCatalog[key as keyof typeof englishCatalog];
        assert.deepEqual(placeholdersOf(own), placeholdersOf(source), `${code} ${key}`);
      }
    });

    it(`${code}: has plural forms of ${locale}'s own categories, and fills every placeholder`, () => {
      const categories = new Set<string>(new Intl.PluralRules(locale).resolvedOptions().pluralCategories);
      const t = createTranslator(code, locale);
      for (const key of english) {
        const message = catalogOf(code)![key as keyof typeof englishCatalog];
        if (typeof message !== 'string') {
          assert.ok(message.other, `${code} ${key}: no "other" form`);
          for (const form of Object.keys(message))
            assert.ok(categories.has(form), `${code} ${key}: "${form}" is not a ${locale} plural form`);
        }
        const vars = Object.fromEntries(
          [...placeholdersOf(englishCatalog[key as keyof typeof englishCatalog])].map((name) => [name, `x${name}`]),
        );
        for (const count of [0, 1, 2, 3, 11, 100, 1_000_000, 1.5]) {
          const text = t(key as keyof typeof englishCatalog, { ...vars, count });
          assert.doesNotMatch(text, /\{\w+\}/, `${code} ${key} (count ${count}): ${text}`);
          assert.ok(text.trim().length > 0, `${code} ${key} is empty`);
        }
      }
    });
  }
});

describe('date formats', () => {
  const midnightInJakarta = new Date('2024-06-15T17:00:00Z');

  it('writes each edition’s publication line in its locale’s own long form, pinned', () => {
    // Intl's long forms (the ICU of Node 20): weekday and month spelled out, 年/月/日 in CJK.
    const pinned: Record<string, string> = {
      'en-GB': 'Sunday, 16 June 2024 00:00',
      'id-ID': 'Minggu, 16 Juni 2024 00:00',
      ar: 'الأحد، 16 يونيو 2024 في 00:00',
      'fr-FR': 'dimanche 16 juin 2024 à 00:00',
      'de-DE': 'Sonntag, 16. Juni 2024 um 00:00',
      'es-ES': 'domingo, 16 de junio de 2024, 00:00',
      'zh-CN': '2024年6月16日星期日 00:00',
      'ja-JP': '2024年6月16日日曜日 00:00',
    };
    for (const [locale, line] of Object.entries(pinned)) {
      assert.equal(formatsFor(locale, 'Asia/Jakarta').dateTime(midnightInJakarta), line, locale);
    }
    assert.equal(formatsFor('zh-CN', 'Asia/Jakarta').date(midnightInJakarta), '2024年6月16日');
    assert.equal(formatsFor('de-DE', 'Asia/Jakarta').date(midnightInJakarta), '16. Juni 2024');
  });

  it('writes the publication line as the reference page does', () => {
    assert.equal(formatsFor('en-GB', 'Asia/Jakarta').dateTime(midnightInJakarta), 'Sunday, 16 June 2024 00:00');
    assert.equal(formatsFor('id-ID', 'Asia/Jakarta').dateTime(midnightInJakarta), 'Minggu, 16 Juni 2024 00:00');
    assert.equal(formatsFor('en-GB', 'UTC').dateTime(midnightInJakarta), 'Saturday, 15 June 2024 17:00');
  });

  it('gives machine-readable times with the zone offset', () => {
    assert.equal(isoInZone(midnightInJakarta, 'Asia/Jakarta'), '2024-06-16T00:00:00+07:00');
    assert.equal(isoInZone(midnightInJakarta, 'UTC'), '2024-06-15T17:00:00+00:00');
  });

  it('writes each card date for its own calendar day in the zone, around midnight and summer time', () => {
    for (const timeZone of ['Europe/London', 'Asia/Jakarta']) {
      const intl = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
      const formats = formatsFor('en-GB', timeZone);
      // Every 37 minutes over four days around London's spring change.
      for (let ms = Date.parse('2024-03-29T00:00:00Z'); ms < Date.parse('2024-04-02T00:00:00Z'); ms += 37 * 60_000) {
        assert.equal(
          formats.date(new Date(ms)),
          intl.format(new Date(ms)),
          `${timeZone} at ${new Date(ms).toISOString()}`,
        );
      }
    }
    assert.equal(formatsFor('en-GB', 'Asia/Jakarta').date(new Date('2024-06-15T16:59:59Z')), '15 June 2024');
    assert.equal(formatsFor('en-GB', 'Asia/Jakarta').date(new Date('2024-06-15T17:00:00Z')), '16 June 2024');
  });

  it('writes stories years apart as Intl does, in every hour of the day and around summer time', () => {
    // The offset is kept per day and the publication line per calendar day: an archive of years.
    for (const timeZone of ['Europe/London', 'Asia/Jakarta', 'America/New_York']) {
      const line = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
      const formats = formatsFor('en-GB', timeZone);
      // Every 3 days 5 h 7 min 11 s from 1998 to 2031: every hour of the day, both sides of each change.
      for (let ms = Date.parse('1998-01-01T00:00:00Z'); ms < Date.parse('2031-01-01T00:00:00Z'); ms += 277_631_000) {
        const at = new Date(ms);
        const p = Object.fromEntries(line.formatToParts(at).map((x) => [x.type, x.value]));
        assert.equal(formats.dateTime(at), `${p.weekday}, ${p.day} ${p.month} ${p.year} ${p.hour}:${p.minute}`);
        assert.equal(isoInZone(at, timeZone), isoFromIntl(at, timeZone));
      }
    }
  });

  it('writes numbers in the edition’s digits, the same each time', () => {
    const arabic = new Intl.NumberFormat('ar-EG');
    const formats = formatsFor('ar-EG', 'UTC');
    for (const n of [0, 7, 42, 9999, 10_000, 123_456, 3.5, -2]) {
      assert.equal(formats.number(n), arabic.format(n));
      assert.equal(formats.number(n), arabic.format(n));
    }
  });

  it('gives the right offset on both sides of a summer-time change, to the second', () => {
    // London and New York move an hour, Lord Howe half an hour; Kathmandu is 5:45 ahead.
    const changes = [
      ['Europe/London', '2024-03-31T01:00:00Z'],
      ['Europe/London', '2024-10-27T01:00:00Z'],
      ['America/New_York', '2024-11-03T06:00:00Z'],
      ['Australia/Lord_Howe', '2024-04-06T15:00:00Z'],
      ['Asia/Kathmandu', '2024-06-15T17:00:00Z'],
    ] as const;
    assert.equal(isoInZone(new Date('2024-03-31T00:59:59Z'), 'Europe/London'), '2024-03-31T00:59:59+00:00');
    assert.equal(isoInZone(new Date('2024-03-31T01:00:00Z'), 'Europe/London'), '2024-03-31T02:00:00+01:00');
    for (const [timeZone, at] of changes) {
      // Every 7 min 13 s over the three hours around the change.
      for (let ms = Date.parse(at) - 90 * 60_000; ms < Date.parse(at) + 90 * 60_000; ms += 433_000) {
        const at = new Date(ms);
        assert.equal(isoInZone(at, timeZone), isoFromIntl(at, timeZone), `${timeZone} at ${at.toISOString()}`);
      }
    }
  });
});

/** The local time with its offset, straight from Intl, instant by instant: what isoInZone must equal. */
function isoFromIntl(at: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  });
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, x.value]));
  const offset = p.timeZoneName!.replace('GMT', '') || '+00:00';
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
