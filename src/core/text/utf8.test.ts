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
});
