// The widget's radios are rendered once per edition and reused: each article must still get its
// own ids, and each edition its own words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Site } from '../../core/views/site.ts';
import { testSite } from '../../../test/helpers/site.ts';
import { RatingWidget } from './widget.tsx';

const render = (site: Site, articleId: number) =>
  (<RatingWidget site={site} articleId={articleId} sum={7} count={2} />) as string;

describe('rating widget', () => {
  it('gives every article its own radio ids and labels', () => {
    const en = testSite('en', 'en-GB');
    for (const id of [12, 345, 12]) {
      const html = render(en, id);
      for (const n of [1, 2, 3, 4, 5]) {
        assert.match(
          html,
          new RegExp(
            `id="rating-${id}-${n}"${n === 1 ? ' required' : ''}/><label class="rating__star" for="rating-${id}-${n}">`,
          ),
        );
      }
      assert.match(html, new RegExp(`action="/en/news/ratings/${id}"`));
      assert.doesNotMatch(html, /\0/);
    }
  });

  it('writes each edition’s words into its radios', () => {
    assert.match(render(testSite('en', 'en-GB'), 1), /<span class="visually-hidden">1 star<\/span>/);
    assert.match(render(testSite('id', 'id-ID'), 1), /<span class="visually-hidden">1 bintang<\/span>/);
  });
});
