// The search text rules without a database: folding, word splitting, query cleaning, snippets.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bodyText,
  parsedBodyText,
  foldText,
  MAX_QUERY_CHARS,
  MAX_TERMS,
  parseQuery,
  piecesOf,
  safeHighlight,
  safeSnippet,
  segmentedPieces,
  segmentedWords,
  segmentText,
  spacedWords,
  wordsOf,
} from './text.ts';

describe('segmentText', () => {
  it('indexes Chinese and Japanese text by its characters and pairs of characters', () => {
    assert.equal(segmentText('港口开放。'), '港 口 开 放 港口 口开 开放');
    assert.equal(segmentText('ジャカルタ港'), 'ジ ャ カ ル タ 港 ジャ ャカ カル ルタ タ港');
    // Latin words around CJK text stay words; each CJK run is indexed on its own.
    assert.equal(segmentText('G20峰会在Bali举行'), 'g20 bali 峰 会 在 峰会 会在 举 行 举行');
    assert.equal(segmentText('ｼﾞｬｶﾙﾀ'), 'ジ ャ カ ル タ ジャ ャカ カル ルタ');
  });

  it('folds case, accents, full-width forms and Arabic-Indic digits', () => {
    assert.equal(segmentText('Café DÉJÀ ＡＢＣ ١٢٣'), 'cafe deja abc 123');
    assert.equal(segmentText('Economía Señal Über Garçon'), 'economia senal uber garcon');
  });

  it('writes ß, œ and æ as two letters, as readers type them', () => {
    assert.equal(segmentText('Straße Œuvre Cæsar STRASSE'), 'strasse oeuvre caesar strasse');
  });

  it('strips Arabic tashkeel, tatweel, hamza forms and the article al-', () => {
    assert.equal(segmentText('أعادتِ السلطاتُ فتحَ المـيناءِ'), 'اعادت سلطات فتح ميناء');
    assert.equal(segmentText('للميناء وبالميناء والميناء'), 'ميناء ميناء ميناء');
    // Too short to be "al-" plus a word: left alone.
    assert.equal(segmentText('إلى'), 'الى');
  });

  it('keeps only letters and digits, splitting at punctuation inside words', () => {
    assert.equal(segmentText(`don't e.g. foo-bar "quoted" (x) * ^ : NEAR`), 'don t e g foo bar quoted x near');
  });
});

describe('the two word splitters', () => {
  const samples = {
    english: `The ferry's 7.30 a.m. run—cancelled twice—resumes; "O'Neill", co-op & e-mail: 3,500 passengers (12%)…`,
    indonesian: `Pelabuhan Tanjung Priok kembali dibuka pada Senin (12/3) pukul 07.30 WIB, kata Kepala Dinas Perhubungan DKI.`,
    arabic: `أعادتِ السلطاتُ فتحَ المـيناءِ، وقالت: «عادت ١٢ سفينة» إلى الرصيف؛ والمسافرون ٣٥٠٠ شخصٍ.`,
    mixed: `Café « déjà » naïve Œuvre ŽELJKO İstanbul ﬁnance ＡＢＣ ١٢٣ ۴۵ x²+y² ½ 👍🏽 ZWJ a\u200db soft\u00adhyphen`,
  };

  for (const [name, text] of Object.entries(samples)) {
    it(`gives the same words for ${name} text by regex as by Intl.Segmenter`, () => {
      const folded = foldText(text);
      assert.ok(spacedWords(folded).length > 5);
      assert.deepEqual(spacedWords(folded), segmentedWords(folded));
      assert.deepEqual(wordsOf(text), segmentedWords(folded));
    });
  }

  it('agrees with Intl.Segmenter on random strings of Latin, Arabic, digits, marks and punctuation', () => {
    const pool = Array.from(
      'abzÀéñßøĳŉǅ09 \t\n.,;:\'’"-_/()!?@&·‧\u00ad\u200b\u200c\u200d\u0301\u1ab0\u064b\u0640ابتجدرسعلمنهويىةءؤئ،؛؟٫٬٠١۰😀🏽ªʰˀⅫⒶ①❶½²ｱ',
    );
    let seed = 7;
    const draw = () => (seed = (seed * 48271) % 2147483647) % pool.length;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + (i % 12) }, () => pool[draw()]).join('');
      assert.deepEqual(wordsOf(text), segmentedWords(foldText(text)), JSON.stringify(text));
    }
  });

  it('leaves scripts written without spaces to Intl.Segmenter', () => {
    // One run of letters to the regex, several dictionary words to the segmenter.
    for (const text of ['ท่าเรือเปิดให้บริการอีกครั้ง', '港口今天重新开放', 'ジャカルタの港']) {
      assert.equal(spacedWords(foldText(text)).length, 1);
      assert.ok(wordsOf(text).length > 1, text);
      assert.deepEqual(wordsOf(text), segmentedWords(foldText(text)));
    }
  });
});

describe('highlighting pieces', () => {
  it('marks the same words, and counts the same words, as Intl.Segmenter over the whole text', () => {
    // Only words matter to highlights and snippets: a run of spaces may come as one piece or several.
    const words = (pieces: ReturnType<typeof piecesOf>) => ({
      text: pieces.map((p) => p.text).join(''),
      words: pieces.filter((p) => p.isWord || p.term >= 0).map((p) => [p.text, p.term, p.isWord]),
    });
    const pool = Array.from(
      'abcÀéñß09 \t\n\r.,;:\'’"“”«»[]-_/()!?·\u00ad\u200b\u200d\u0301\u064bابتدرلمنوى،٠😀🏽ªⅫⒶ①½²ｱ港口ท่าเรือ\u202f   ',
    );
    const queries = [parseQuery('ab'), parseQuery('a ب 1'), parseQuery('港口 ท่า'), parseQuery('c9')];
    let seed = 11;
    const draw = () => (seed = (seed * 48271) % 2147483647) % pool.length;
    for (let i = 0; i < 20_000; i++) {
      const text = Array.from({ length: 1 + (i % 14) }, () => pool[draw()]).join('');
      const query = queries[i % queries.length]!;
      assert.deepEqual(words(piecesOf(text, query)), words(segmentedPieces(text, query)), JSON.stringify(text));
    }
  });
});

describe('parseQuery', () => {
  it('turns FTS and SQL syntax into plain words', () => {
    const q = parseQuery(`"harbour" AND (ship*) OR NOT -x ^y: NEAR/2 '; DROP TABLE articles; --`);
    assert.deepEqual(q.terms, [
      'harbour',
      'and',
      'ship',
      'or',
      'not',
      'x',
      'y',
      'near',
      '2',
      'drop',
      'table',
      'articles',
    ]);
  });

  it('has no terms for empty, punctuation-only and non-string input', () => {
    for (const raw of [undefined, '', '   ', `" ' * ( ) : ^ -`, 42, { a: 1 }, ['', 'x']]) {
      assert.deepEqual(parseQuery(raw).terms, [], JSON.stringify(raw));
    }
  });

  it('takes the first value of a repeated parameter', () => {
    assert.deepEqual(parseQuery(['harbour', 'ship']).terms, ['harbour']);
  });

  it('removes control, format and bidi-override characters from what it shows back', () => {
    const q = parseQuery('a\u0000b\u202ec\u0007 d\ud800e\ufffe');
    assert.equal(q.text, 'a b c d e');
  });

  it('caps the length and the number of terms', () => {
    const q = parseQuery('lorem ipsum '.repeat(1000));
    assert.equal(q.isTruncated, true);
    assert.ok(Array.from(q.text).length <= MAX_QUERY_CHARS);
    const many = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    assert.equal(many.terms.length, MAX_TERMS);
  });

  it('turns each CJK word of a query into its pairs of characters, whatever the segmenter made of the text', () => {
    const q = parseQuery('港口');
    assert.deepEqual(q.terms, ['港口']);
    assert.equal(q.isPrefixLast, false);
    // 地震 and 発生 are two words: the query finds them apart ("地震が発生").
    assert.deepEqual(parseQuery('地震発生').terms, ['地震', '発生']);
    assert.deepEqual(parseQuery('雅加达').terms, ['雅加', '加达']);
    assert.deepEqual(parseQuery('港').terms, ['港']);
    assert.deepEqual(parseQuery('Jakarta 港口').terms, ['jakarta', '港口']);
    // Every pair of the query is among the text's index words when the query stands in the text,
    // though the segmenter reads the text as 香港 | 口岸.
    const indexed = segmentText('香港口岸的货船').split(' ');
    for (const term of parseQuery('港口').terms) assert.ok(indexed.includes(term), term);
  });

  it('reads every word as a beginning in languages that write compounds', () => {
    const q = { ...parseQuery('Hochwasser Jakarta'), isPrefixEvery: true };
    assert.equal(
      safeHighlight('Hochwasserschutz für Jakartas Küste', q),
      '<mark>Hochwasserschutz</mark> für <mark>Jakartas</mark> Küste',
    );
    // Not without the flag: only the last word is a beginning there.
    assert.equal(
      safeHighlight('Hochwasserschutz für Jakartas Küste', parseQuery('Hochwasser Jakarta')),
      'Hochwasserschutz für <mark>Jakartas</mark> Küste',
    );
  });

  it('matches the last word as a prefix only when it has two characters or more', () => {
    assert.equal(parseQuery('harb').isPrefixLast, true);
    assert.equal(parseQuery('harbour a').isPrefixLast, false);
  });
});

describe('highlighting', () => {
  it('escapes the text and marks matching words, whatever their accents or case', () => {
    const q = parseQuery('cafe script');
    assert.equal(
      safeHighlight('The <script>Café</script> & co', q),
      'The &lt;<mark>script</mark>><mark>Café</mark>&lt;/<mark>script</mark>> &amp; co',
    );
  });

  it('marks Chinese words in the original text, without inserting spaces', () => {
    assert.equal(
      safeHighlight('雅加达港口今天重新开放', parseQuery('重新开放')),
      '雅加达港口今天<mark>重新开放</mark>',
    );
  });

  it('marks a Chinese word where the segmenter split the text across it', () => {
    // The segmenter reads 香港 | 口岸: the query's 港口 straddles the two.
    assert.equal(safeHighlight('香港口岸开放', parseQuery('港口')), '香<mark>港口</mark>岸开放');
    assert.equal(
      safeHighlight('东京地震が発生した', parseQuery('地震発生')),
      '东京<mark>地震</mark>が<mark>発生</mark>した',
    );
    assert.equal(safeHighlight('ｼﾞｬｶﾙﾀの港', parseQuery('ジャカルタ')), '<mark>ｼﾞｬｶﾙﾀ</mark>の港');
  });

  it('cuts a Chinese snippet around the match, marked in place', () => {
    const text = `${'这是一段很长的背景介绍。'.repeat(30)}雅加达港口今天重新开放，货船排队进港。${'后续报道。'.repeat(40)}`;
    const snippet = safeSnippet(text, parseQuery('港口'));
    assert.ok(snippet);
    assert.match(snippet, /^… .*雅加达<mark>港口<\/mark>今天重新开放.* …$/);
    assert.ok(Array.from(snippet).length < 200, snippet);
  });

  it('marks Arabic words typed without tashkeel or the article', () => {
    assert.equal(safeHighlight('فتحَ الميناءِ', parseQuery('ميناء')), 'فتحَ <mark>الميناءِ</mark>');
  });

  it('marks the last word as a prefix', () => {
    assert.equal(safeHighlight('Harbours reopen', parseQuery('harb')), '<mark>Harbours</mark> reopen');
  });

  it('cuts a snippet around the matches, with ellipses, and gives none without a match', () => {
    const text = `${'before '.repeat(60)}the lighthouse keeper ${'after '.repeat(60)}`;
    const snippet = safeSnippet(text, parseQuery('lighthouse'));
    assert.ok(snippet);
    assert.match(snippet, /^… before .*the <mark>lighthouse<\/mark> keeper after .* …$/);
    assert.ok(snippet.split(' ').length < 40);
    assert.equal(safeSnippet(text, parseQuery('submarine')), undefined);
  });

  it('finds a word deep in a long story, past words that only hold its letters', () => {
    const text = `${'Another theory in other words. '.repeat(400)}Then the ferry left. ${'More text. '.repeat(50)}`;
    const snippet = safeSnippet(text, parseQuery('the ferry'));
    assert.ok(snippet);
    assert.match(snippet, /^… .*Then <mark>the<\/mark> <mark>ferry<\/mark> left\. More .* …$/);
    // A beginning counts only when the query reads its last word as one.
    const ferr = parseQuery('ferr');
    assert.equal(safeSnippet(text, { ...ferr, isPrefixLast: false }), undefined);
    assert.match(safeSnippet(text, ferr)!, /<mark>ferry<\/mark>/);
  });

  it('prefers a stretch with every query word to an earlier one with some', () => {
    const text = `The ferry was late. ${'Filler words here. '.repeat(200)}The ferry and the harbour reopened.`;
    assert.match(safeSnippet(text, parseQuery('ferry harbour'))!, /<mark>ferry<\/mark> and the <mark>harbour<\/mark>/);
  });
});

describe('bodyText', () => {
  it('drops tags, decodes entities and keeps blocks apart', () => {
    assert.equal(
      bodyText('<p>One &amp; two&nbsp;three.</p><p>Four &lt;b&gt; <strong>five</strong></p><ul><li>six</li></ul>'),
      'One & two three. Four <b> five six',
    );
  });

  it('reads any HTML as the HTML parser does, stored stories without it', () => {
    const pool = [
      ...['<p>', '</p>', '<P>', '</P >', '<br>', '<br/>', '<br  />', '<BR class="x">', '</li>', '<li>', '</h2>'],
      ...['<a href="https://x.test/?a=1&amp;b=2" rel="noopener">', '</a>', '<span lang="id">', '<em>', '</em>'],
      ...['<script>', '</script>', '<style>', '<textarea>', '<!-- c -->', '<x-y>', "<a title='q'>", '<', '>'],
      ...['&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#39;', '&nbsp;', '&copy;', '&#x41;', '&amp', '&', '"'],
      ...['word', 'Two words', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2028', '\u3000', 'ä', '港口'],
    ];
    let seed = 5;
    const draw = () => (seed = (seed * 48271) % 2147483647) % pool.length;
    for (let i = 0; i < 20_000; i++) {
      const html = Array.from({ length: 1 + (i % 16) }, () => pool[draw()]).join('');
      assert.equal(bodyText(html), parsedBodyText(html), JSON.stringify(html));
    }
  });
});
