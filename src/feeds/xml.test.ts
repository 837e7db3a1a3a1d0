// The XML writer: escaping, characters XML forbids, and empty or conditional children.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { el, escapeXml, xmlDocument } from './xml.ts';

describe('xml writer', () => {
  it('escapes markup in text and attributes', () => {
    assert.equal(escapeXml(`<a href="x">Tom & 'Jerry'</a>`), `&lt;a href=&quot;x&quot;&gt;Tom &amp; 'Jerry'&lt;/a&gt;`);
  });

  it('drops characters XML 1.0 forbids but keeps tabs, newlines and astral characters', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf'), 'abcdef');
    assert.equal(escapeXml('x\uD800y\uDC00z'), 'xyz', 'lone surrogates go');
    assert.equal(escapeXml('\t\n\r😀中文'), '\t\n\r😀中文');
  });

  it('writes a well-formed document whatever the text holds', () => {
    const doc = xmlDocument(
      el(
        'root',
        { 'xmlns:x': 'urn:x', attr: 'a"<>&\u0001b', skipped: undefined },
        el('x:item', null, ']]> </root> <!-- \u0002'),
        false,
        null,
        el('empty'),
        [el('a', { n: 1 }), el('b', null, 'text')],
      ),
    );
    assert.equal(XMLValidator.validate(doc), true);
    assert.match(
      doc,
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<root xmlns:x="urn:x" attr="a&quot;&lt;&gt;&amp;b">/,
    );
    assert.doesNotMatch(doc, /skipped/);
    assert.match(doc, /<empty\/>/);
    assert.match(doc, /<a n="1"\/>\n\s+<b>text<\/b>/);
  });
});
