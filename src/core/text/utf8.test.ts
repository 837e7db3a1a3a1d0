import assert from 'node:assert/strict';
import { test } from 'node:test';
import { utf8Bytes } from './utf8.ts';

test('utf8Bytes gives the bytes Buffer.from gives, for every kind of text', () => {
  const texts = [
    '',
    'plain ASCII <p>page</p>',
    'Latin-1: café · naïve',
    'two-byte: — “quotes” Jakarta–Bandung',
    'CJK and Arabic: 地震が発生 · زلزال',
    'astral: 🎙️📻 𝄞',
    'lone surrogates: \ud800 and \udfff end',
    // Long enough to be transcoded: every kind again, and lone surrogates at either end.
    'page · 地震 زلزال 🎙️ '.repeat(400),
    '\udc00' + 'a'.repeat(5000) + '\ud800',
    'é'.repeat(2047), // one unit short of the transcoder
    'é'.repeat(2048),
    'x'.repeat(170_000), // just under the scratch buffer's third
    '—'.repeat(200_000), // past it: Buffer.from's own path
  ];
  for (const text of texts) assert.deepEqual(utf8Bytes(text), Buffer.from(text), text.slice(0, 40));
});

test('each result is its own: the next call does not change the last one', () => {
  const first = utf8Bytes('first page');
  const second = utf8Bytes('SECOND PAGE, longer than the first');
  assert.equal(first.toString(), 'first page');
  assert.equal(second.toString(), 'SECOND PAGE, longer than the first');
  // And for pages long enough to be transcoded.
  const long = 'first · 第一 '.repeat(500);
  const longFirst = utf8Bytes(long);
  utf8Bytes('SECOND · 第二 '.repeat(600));
  assert.equal(longFirst.toString(), long);
});
