// Slugs for every script, and the HTML sanitiser that guards stored bodies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paragraphsToHtml, sanitizeBody } from './sanitize.ts';
import { slugify } from './slug.ts';

describe('slugify', () => {
  it('makes readable slugs in Latin, Arabic and CJK scripts', () => {
    assert.equal(slugify('Japan & Italy: Défense 2024!'), 'japan-italy-defense-2024');
    assert.equal(slugify('إندونيسيا تفتتح ميناء جديدا'), 'إندونيسيا-تفتتح-ميناء-جديدا');
    assert.equal(slugify('雅加达港口扩建'), '雅加达港口扩建');
    assert.equal(slugify('!!!'), 'item');
    assert.ok(slugify('a'.repeat(300)).length <= 80);
  });
});

describe('sanitizeBody', () => {
  it('removes scripts, event handlers and dangerous URLs, and keeps story markup', () => {
    const dirty =
      '<p onclick="x()">Hi <strong>there</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><h2>Head</h2>';
    const clean = sanitizeBody(dirty);
    assert.equal(clean, '<p>Hi <strong>there</strong></p><a>x</a><h2>Head</h2>');
  });

  it('adds rel=noopener to links to other sites', () => {
    assert.equal(
      sanitizeBody('<a href="https://example.org">x</a>'),
      '<a href="https://example.org" rel="noopener noreferrer">x</a>',
    );
  });

  it('turns plain paragraphs, headings and list lines into escaped HTML', () => {
    assert.equal(
      paragraphsToHtml(['## Frequencies', '- FM 105.1 <MHz>', '- Shortwave 9.525 kHz', 'Call us & listen.']),
      '<h2>Frequencies</h2>\n<ul><li>FM 105.1 &lt;MHz&gt;</li><li>Shortwave 9.525 kHz</li></ul>\n<p>Call us &amp; listen.</p>',
    );
  });
});
