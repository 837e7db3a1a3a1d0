// Interface language: plural forms, placeholders and the newsroom's date format per locale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTranslator, formatsFor, hasCatalog, isoInZone } from './index.ts';

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
    assert.equal(hasCatalog('fr'), false);
    const fr = createTranslator('fr', 'fr-FR');
    assert.equal(fr('nav.listenLive'), 'Listen live');
    assert.equal(fr('home.moreIn'), 'More in {section}');
  });

  it('keeps Zona Integritas as a proper name in every catalog', () => {
    for (const [code, locale] of [
      ['en', 'en-GB'],
      ['id', 'id-ID'],
      ['ar', 'ar'],
    ]) {
      assert.equal(createTranslator(code!, locale!)('section.integrity'), 'Zona Integritas');
    }
  });
});

describe('date formats', () => {
  const midnightInJakarta = new Date('2024-06-15T17:00:00Z');

  it('writes the publication line as the reference page does', () => {
    assert.equal(formatsFor('en-GB', 'Asia/Jakarta').dateTime(midnightInJakarta), 'Sunday, 16 June 2024 00:00');
    assert.equal(formatsFor('id-ID', 'Asia/Jakarta').dateTime(midnightInJakarta), 'Minggu, 16 Juni 2024 00:00');
    assert.equal(formatsFor('en-GB', 'UTC').dateTime(midnightInJakarta), 'Saturday, 15 June 2024 17:00');
  });

  it('gives machine-readable times with the zone offset', () => {
    assert.equal(isoInZone(midnightInJakarta, 'Asia/Jakarta'), '2024-06-16T00:00:00+07:00');
    assert.equal(isoInZone(midnightInJakarta, 'UTC'), '2024-06-15T17:00:00+00:00');
  });
});
