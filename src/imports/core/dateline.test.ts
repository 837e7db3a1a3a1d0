import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractDatelineAndSource } from './dateline.ts';

describe('extractDatelineAndSource', () => {
  const cases: [string, string, { body: string; dateline: string; source: string }][] = [
    [
      'a place in capitals and a colon',
      '<p>JAKARTA: The ferry left on time.</p>',
      { body: '<p>The ferry left on time.</p>', dateline: 'Jakarta', source: '' },
    ],
    [
      'two words in bold and a dash',
      '<p><strong>BANDA ACEH</strong> - Rain closed the road.</p><p>More later.</p>',
      { body: '<p>Rain closed the road.</p><p>More later.</p>', dateline: 'Banda Aceh', source: '' },
    ],
    [
      'a place with the agency in brackets',
      '<p>Jakarta (VOI) - The market opened.</p><p>Prices rose.</p>',
      { body: '<p>The market opened.</p><p>Prices rose.</p>', dateline: 'Jakarta', source: 'VOI' },
    ],
    [
      'a date after the place, and an agency',
      '<p>Surabaya, 12/3 (ANTARA) – The port reopened.</p>',
      { body: '<p>The port reopened.</p>', dateline: 'Surabaya', source: 'ANTARA' },
    ],
    [
      'a slashed source closing the last paragraph',
      '<p>The bridge is open.</p><p>Traffic is light, he said. /Antara/VOI</p>',
      { body: '<p>The bridge is open.</p><p>Traffic is light, he said.</p>', dateline: '', source: 'Antara/VOI' },
    ],
    [
      'a short code in brackets',
      '<p>The bridge is open.</p><p>Traffic is light. (ant)</p>',
      { body: '<p>The bridge is open.</p><p>Traffic is light.</p>', dateline: '', source: 'ant' },
    ],
    [
      'a source line as its own paragraph',
      '<p>MEDAN: Schools reopen on Monday.</p>\n<p>Source: Regional Office</p>',
      { body: '<p>Schools reopen on Monday.</p>', dateline: 'Medan', source: 'Regional Office' },
    ],
    [
      'a paragraph that is only the slashed source',
      '<p>The bridge is open.</p><p>/Antara</p>',
      { body: '<p>The bridge is open.</p>', dateline: '', source: 'Antara' },
    ],
  ];
  for (const [name, html, expected] of cases) {
    it(`finds ${name}`, () => {
      const found = extractDatelineAndSource(html);
      assert.deepEqual({ body: found.bodyHtml, dateline: found.dateline, source: found.source }, expected);
    });
  }

  it('leaves ordinary openings and endings alone', () => {
    for (const html of [
      '<p>The minister said: we will build it.</p>',
      '<p>Rain fell in Jakarta - again.</p>',
      '<p>See https://example.org/a/b</p>',
      '<p>It was run by the World Health Organization (WHO).</p>',
      '<p>I – for one – agree.</p>',
      '<p>Read more at the library and/or online.</p>',
    ]) {
      const found = extractDatelineAndSource(html);
      assert.deepEqual(found, { bodyHtml: html, dateline: '', source: '' }, html);
    }
  });
});
