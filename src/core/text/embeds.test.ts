// Embedded posts: which URLs are a provider's posts, the frames they load, and the reader's card.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { createTranslator } from '../../i18n/index.ts';
import { EMBED_FRAME_ORIGINS, findEmbed, safeEmbedCards } from './embeds.ts';
import { sanitizeBody } from './sanitize.ts';

const en = createTranslator('en', 'en-GB');

describe('findEmbed', () => {
  it("recognises each provider's post URLs and derives the privacy-friendly frame", () => {
    const cases: [string, string, string, string][] = [
      [
        'youtube',
        'https://www.youtube.com/watch?v=M7lc1UVf-VE',
        'video',
        'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      ],
      [
        'youtube',
        'https://youtube.com/watch?v=M7lc1UVf-VE&t=30s',
        'video',
        'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      ],
      [
        'youtube',
        'https://m.youtube.com/watch?v=M7lc1UVf-VE',
        'video',
        'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE',
      ],
      [
        'youtube',
        'https://www.youtube.com/shorts/aqz-KE-bpKQ',
        'video',
        'https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ',
      ],
      ['youtube', 'https://youtu.be/M7lc1UVf-VE', 'video', 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE'],
      [
        'x',
        'https://x.com/NASA/status/1760000000000000000',
        'post',
        'https://platform.twitter.com/embed/Tweet.html?id=1760000000000000000',
      ],
      ['x', 'https://twitter.com/jack/status/20', 'post', 'https://platform.twitter.com/embed/Tweet.html?id=20'],
      [
        'instagram',
        'https://www.instagram.com/p/C1a2B3c4D5e/',
        'post',
        'https://www.instagram.com/p/C1a2B3c4D5e/embed',
      ],
      [
        'instagram',
        'https://www.instagram.com/reel/C1a2B3c4D5e/',
        'post',
        'https://www.instagram.com/p/C1a2B3c4D5e/embed',
      ],
      [
        'facebook',
        'https://www.facebook.com/nasa/posts/pfbid02abcDEF123',
        'post',
        'https://www.facebook.com/plugins/post.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fposts%2Fpfbid02abcDEF123',
      ],
      [
        'facebook',
        'https://www.facebook.com/nasa/videos/1234567890/',
        'video',
        'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fnasa%2Fvideos%2F1234567890%2F',
      ],
      [
        'facebook',
        'https://web.facebook.com/watch/?v=1234567890',
        'video',
        'https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fwatch%2F%3Fv%3D1234567890',
      ],
    ];
    for (const [provider, url, kind, frameSrc] of cases) {
      const embed = findEmbed(provider, url);
      assert.ok(embed, url);
      assert.equal(embed.kind, kind, url);
      assert.equal(embed.frameSrc, frameSrc, url);
      assert.ok(EMBED_FRAME_ORIGINS.includes(new URL(embed.frameSrc).origin), url);
    }
    assert.equal(findEmbed('x', 'https://x.com/a/status/1')?.name, 'X');
  });

  it('refuses look-alike hosts, other schemes, credentials, ports, other paths and another provider', () => {
    const refused: [string | undefined, string | undefined][] = [
      ['youtube', 'https://youtube.com.evil.example/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com@evil.example/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://evil.example/?https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com.:443/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://evilyoutube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://user:pw@www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com:8443/watch?v=M7lc1UVf-VE'],
      ['youtube', 'http://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', '//www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'javascript:alert(1)//https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://WWW.YOUTUBE.COM/watch?v=M7lc1UVf-VE'],
      ['youtube', ' https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com\\@evil.example/watch?v=M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com/watch?v=M7lc1UVf-VE"onload="x'],
      ['youtube', 'https://www.youtube.com/watch?v=short'],
      ['youtube', 'https://www.youtube.com/embed/M7lc1UVf-VE'],
      ['youtube', 'https://www.youtube.com/redirect?q=https://evil.example'],
      ['youtube', 'https://youtu.be/M7lc1UVf-VE/../../evil'],
      ['youtube', 'https://x.com/jack/status/20'],
      ['x', 'https://x.com/jack'],
      ['x', 'https://x.com/jack/status/20abc'],
      ['x', 'https://x.com.evil.example/jack/status/20'],
      ['instagram', 'https://www.instagram.com/someone/'],
      ['instagram', 'https://instagram.com.evil.example/p/C1a2B3c4D5e/'],
      ['facebook', 'https://www.facebook.com/login.php?next=https://evil.example'],
      ['facebook', 'https://www.facebook.com/watch/?v=abc'],
      ['facebook', 'https://l.facebook.com/l.php?u=https://evil.example'],
      ['vimeo', 'https://vimeo.com/76979871'],
      ['constructor', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['__proto__', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      [undefined, 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['youtube', undefined],
      ['youtube', `https://www.youtube.com/watch?v=M7lc1UVf-VE&x=${'a'.repeat(3000)}`],
    ];
    for (const [provider, url] of refused) assert.equal(findEmbed(provider, url), undefined, `${provider} ${url}`);
  });
});

describe('safeEmbedCards', () => {
  const stored = sanitizeBody(
    '<p>Before</p><figure class="story-embed" data-provider="youtube" data-embed-url="https://www.youtube.com/watch?v=M7lc1UVf-VE&amp;t=5"><a href="https://www.youtube.com/watch?v=M7lc1UVf-VE&amp;t=5">watch</a><figcaption>Caption</figcaption></figure>',
  );

  it('gives a body without an embed back as it is (the same string)', () => {
    const body = '<p>No embed here.</p><figure class="story-image"><img src="/media/a-960.jpg" alt=""></figure>';
    assert.equal(safeEmbedCards(body, en), body);
  });

  it("puts a card with the frame's address and translated words at the start of each embed", () => {
    const html = safeEmbedCards(stored + stored, en);
    const body = new JSDOM(`<body>${html}</body>`).window.document.body;
    const cards = body.querySelectorAll<HTMLElement>('figure.story-embed > .story-embed__card:first-child');
    assert.equal(cards.length, 2);
    const card = cards[0]!;
    assert.equal(card.dataset.embedSrc, 'https://www.youtube-nocookie.com/embed/M7lc1UVf-VE');
    assert.equal(card.dataset.embedKind, 'video');
    assert.equal(card.dataset.embedLabel, 'Play the video from YouTube');
    assert.equal(card.dataset.embedTitle, 'Video from YouTube');
    assert.equal(card.dataset.embedNotice, 'YouTube may set cookies once it loads.');
    assert.equal(card.childNodes.length, 0, 'the card is empty until the script fills it');
    assert.equal(
      body.querySelector('figure > a')?.getAttribute('href'),
      'https://www.youtube.com/watch?v=M7lc1UVf-VE&t=5',
    );

    const post = safeEmbedCards(
      sanitizeBody(
        '<figure class="story-embed" data-provider="x" data-embed-url="https://x.com/jack/status/20"><a href="https://x.com/jack/status/20">x</a></figure>',
      ),
      createTranslator('id', 'id-ID'),
    );
    assert.match(post, /data-embed-kind="post"/);
    assert.match(post, /data-embed-label="Muat unggahan dari X"/);
  });

  it('leaves a stored figure whose URL is no longer a post of its provider without a card', () => {
    const html =
      '<figure class="story-embed" data-provider="youtube" data-embed-url="https://evil.example/"><a href="https://evil.example/">x</a></figure>';
    assert.equal(safeEmbedCards(html, en), html);
  });

  it('escapes the translated words it writes into attributes', () => {
    const quoting = ((key: string) => (key === 'embed.notice' ? '"><script>alert(1)</script>' : 'a&b')) as typeof en;
    const html = safeEmbedCards(stored, quoting);
    const doc = new JSDOM(`<body>${html}</body>`).window.document;
    assert.equal(doc.querySelectorAll('script').length, 0);
    assert.equal(
      doc.querySelector<HTMLElement>('.story-embed__card')?.dataset.embedNotice,
      '"><script>alert(1)</script>',
    );
    assert.equal(doc.querySelector<HTMLElement>('.story-embed__card')?.dataset.embedLabel, 'a&b');
  });
});
