// The picture markup is kept per image and props: the same props give the same markup, and any
// prop that changes the markup gets its own.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Picture } from './picture.tsx';

const image = { key: '2026/05/harbour-3f9a', width: 1600, height: 900, widths: [320, 640, 960, 1600] };

describe('Picture', () => {
  it('writes both formats at every stored width, lazy unless it is the page’s top image', () => {
    const html = Picture({ image, alt: 'Cranes at dawn', sizes: '100vw' }) as string;
    assert.match(html, /<source type="image\/webp" srcset="\/media\/2026\/05\/harbour-3f9a-320\.webp 320w, /);
    assert.match(html, /src="\/media\/2026\/05\/harbour-3f9a-960\.jpg"/);
    assert.match(html, /alt="Cranes at dawn"/);
    assert.match(html, /loading="lazy"/);
    const top = Picture({ image, alt: 'Cranes at dawn', sizes: '100vw', isPriority: true }) as string;
    assert.doesNotMatch(top, /loading=/);
    assert.match(top, /fetchpriority="high"/);
  });

  it('lists AVIF first once the image has it, and not before', () => {
    const before = Picture({ image: { ...image, formats: ['jpg', 'webp'] }, alt: '', sizes: '100vw' }) as string;
    assert.doesNotMatch(before, /avif/);
    const html = Picture({ image: { ...image, formats: ['jpg', 'webp', 'avif'] }, alt: '', sizes: '100vw' }) as string;
    assert.match(
      html,
      /^<picture><source type="image\/avif" srcset="\/media\/2026\/05\/harbour-3f9a-320\.avif 320w, [^"]*-1600\.avif 1600w" sizes="100vw"\/?><source type="image\/webp"/,
    );
    assert.match(html, /src="\/media\/2026\/05\/harbour-3f9a-960\.jpg"/, 'JPEG stays the fallback');
  });

  it('gives each set of props its own markup, and the same markup again', () => {
    const base = { image, alt: '', sizes: '100vw' };
    const first = Picture(base) as string;
    assert.equal(Picture({ ...base }), first);
    assert.notEqual(Picture({ ...base, alt: 'A ship' }), first);
    assert.notEqual(Picture({ ...base, sizes: '50vw' }), first);
    assert.notEqual(Picture({ ...base, class: 'card__image' }), first);
    assert.notEqual(Picture({ ...base, image: { ...image, key: '2026/05/other-1b2c' } }), first);
    assert.notEqual(Picture({ ...base, image: { ...image, widths: [320, 640] } }), first);
    assert.notEqual(Picture({ ...base, image: { ...image, formats: ['jpg', 'webp', 'avif'] } }), first);
    assert.match(
      Picture({ ...base, alt: 'A "quoted" <ship>' }) as string,
      /alt="A &#34;quoted&#34; <ship>"/, // quotes escaped: the text cannot leave the attribute
    );
  });
});
