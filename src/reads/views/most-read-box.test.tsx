// The most-read box is rendered once per list the reads domain keeps in memory: a new list, or
// the same list in another edition, must show as it is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleSummary } from '../../articles/index.ts';
import type { Site } from '../../core/views/site.ts';
import { testSite } from '../../../test/helpers/site.ts';
import { MostReadBox } from './most-read-box.tsx';

function story(id: number, title: string): ArticleSummary {
  return {
    id,
    edition: 'en',
    slug: `story-${id}`,
    title,
    summary: '',
    publishedAt: new Date('2024-06-16T00:00:00Z'),
    category: { slug: 'world', name: 'World' },
    image: null,
    imageAlt: '',
    hitCount: 0,
  };
}

const render = (site: Site, articles: readonly ArticleSummary[]) =>
  (<MostReadBox site={site} articles={articles} />) as string;

describe('most-read box', () => {
  it('shows the list it is given, and the same list again', () => {
    const en = testSite('en', 'en-GB');
    const list = [story(1, 'Ferries <return>'), story(2, 'Rain')];
    const first = render(en, list);
    assert.match(first, /<a href="\/en\/news\/1\/story-1">Ferries &lt;return><\/a>/);
    assert.equal(render(en, list), first);
    const next = render(en, [story(3, 'Harbour')]);
    assert.match(next, /Harbour/);
    assert.doesNotMatch(next, /Ferries/);
  });

  it('speaks the language of the page’s edition', () => {
    const list = [story(1, 'Ferries')];
    assert.match(render(testSite('en', 'en-GB'), list), /href="\/en\/most-read">/);
    assert.match(render(testSite('id', 'id-ID'), list), /href="\/id\/most-read">/);
  });
});
