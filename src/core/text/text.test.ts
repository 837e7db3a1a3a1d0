// Slugs for every script, and the HTML sanitiser that guards stored bodies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paragraphsToHtml, parsedSanitizeBody, sanitizeBody } from './sanitize.ts';
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

  it('makes of any text the HTML the sanitiser keeps as it is (it is stored without a second pass)', () => {
    const texts = [
      '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      'a "quote", an \'apostrophe\' & &amp; &copy; &#39; &#x3c; &unknown; &',
      ']]> <!-- comment --> <![CDATA[ x ]]> </p></ul>',
      'tab\tcr\rnewline\nnul\u0000 zero-width\u200d 😀 ünïcödé العربية 中文',
    ];
    const html = paragraphsToHtml([
      ...texts,
      ...texts.map((t) => `## ${t}`),
      ...texts.map((t) => `- ${t}`),
      '- ',
      '## ',
      '',
    ]);
    assert.equal(sanitizeBody(html), html);
    assert.equal(parsedSanitizeBody(html), html);
  });

  it('keeps plain paragraphs without parsing only when the parser would keep them as they are', () => {
    // Pieces of bodies, plain and not: random sequences of them, some plain enough for the fast path.
    const pieces = [
      '<p>',
      '</p>',
      '<h2>',
      '</h2>',
      '<ul>',
      '</ul>',
      '<li>',
      '</li>',
      '<h3>',
      '<P>',
      '<p >',
      '<p class="x">',
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">',
      '</a>',
      '<br>',
      '<!-- c -->',
      '<![CDATA[x]]>',
      '<style>',
      '\n',
      ' ',
      '\t',
      '\r',
      '\u0000',
      '\u00a0',
      '\ufeff',
      '\u2028',
      'text',
      'Ünïcödé',
      '中文',
      '😀',
      '"',
      "'",
      '=',
      '&amp;',
      '&lt;',
      '&gt;',
      '&',
      '&copy;',
      '&#39;',
      '&#x3c;',
      '&amp',
      '&ampx;',
      '&lt',
      '<',
      '>',
      '/',
      '</p',
      '<p',
      'p>',
    ];
    let seed = 42;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const plain = (max: number) =>
      Array.from({ length: Math.floor(next() * max) }, () => pieces[21 + Math.floor(next() * 22)]).join('');
    let kept = 0;
    for (let i = 0; i < 20_000; i++) {
      const html =
        i % 2
          ? Array.from({ length: 1 + Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]).join(
              '',
            )
          : // Mostly well formed, with a stray piece now and then.
            Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
              const text = plain(6);
              const block = [`<p>${text}</p>`, `<h2>${text}</h2>`, `<ul><li>${text}</li><li>${plain(3)}</li></ul>`];
              const stray = next() < 0.2 ? pieces[Math.floor(next() * pieces.length)] : '';
              return block[Math.floor(next() * 3)]! + (next() < 0.5 ? '\n' : '') + stray;
            }).join('');
      const clean = sanitizeBody(html);
      assert.equal(clean, parsedSanitizeBody(html), JSON.stringify(html));
      if (clean === html) kept++;
    }
    assert.ok(kept > 2_000, `only ${kept} bodies were plain`);
  });

  // A pattern that backtracked on a long body would take minutes here, not milliseconds: the
  // test's time limit is far above any busy machine's time for these few megabytes.
  it('tells a long plain body from one with a tag at its end without backtracking', { timeout: 20_000 }, () => {
    const body = `${'<p>Word &amp; word, "quoted".</p>\n'.repeat(20_000)}<ul><li>x</li></ul>`;
    assert.equal(sanitizeBody(body), body);
    assert.equal(sanitizeBody(`<p>${'a '.repeat(200_000)}`), `<p>${'a '.repeat(200_000)}</p>`);
    assert.equal(sanitizeBody(`${body}<p>unclosed`), `${body}<p>unclosed</p>`);
  });
});
