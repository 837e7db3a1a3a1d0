import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonLdText } from './site.ts';

test('jsonLdText escapes what could end the script or a line, and leaves other text as JSON gives it', () => {
  assert.equal(jsonLdText({ headline: 'Flood pumps pass — 地震' }), '{"headline":"Flood pumps pass — 地震"}');
  for (const [text, escaped] of [
    ['a </script> b', 'a \\u003c/script> b'],
    ['line\u2028separator', 'line\\u2028separator'],
    ['paragraph\u2029separator', 'paragraph\\u2029separator'],
    ['<all> \u2028 \u2029 <', '\\u003call> \\u2028 \\u2029 \\u003c'],
  ]) {
    const json = jsonLdText({ headline: text });
    assert.equal(json, `{"headline":"${escaped}"}`);
    assert.deepEqual(JSON.parse(json), { headline: text }, 'still the same data');
  }
});
