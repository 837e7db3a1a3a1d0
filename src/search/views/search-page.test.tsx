// The results page says so honestly when a word matches more stories than a search ranks: "more
// than" the cap, a note on what is listed, and pages that stop at the cap. (Reaching MATCH_CAP
// over HTTP takes a thousand stories; the view gets the page a capped search returns.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts';
import { makeArticle } from '../../../test/helpers/factories.ts';
import { requireEdition, siteFor } from '../../editions/index.ts';
import { readSearchParams } from '../params.ts';
import { MATCH_CAP, searchArticles } from '../queries.ts';
import { SearchPage } from './search-page.tsx';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  await makeArticle(t.db, { title: 'Monsoon arrives early', summary: 'The monsoon reached the coast.' });
});
after(() => t.close());

async function render(edition: string, q: string, page: number): Promise<string> {
  const ctx = t.app.ctx;
  const site = await siteFor(ctx, { url: `/${edition}/search` } as FastifyRequest, requireEdition(ctx, edition));
  const params = readSearchParams({ q });
  const found = await searchArticles(ctx.db, { edition, now: site.now, query: params.query }, { limit: 10, offset: 0 });
  // As a capped search answers: MATCH_CAP counted, and more beyond.
  const results = { ...found, total: MATCH_CAP, isCapped: true, page, pages: MATCH_CAP / 10, perPage: 10 };
  return String(
    await (<SearchPage site={site} params={params} category={undefined} sections={[]} results={results} />),
  );
}

describe('search page with a capped count', () => {
  it('says "more than" the cap, what is listed, and pages up to the cap', async () => {
    const html = await render('en', 'monsoon', 99);
    assert.match(
      html,
      /<h2 id="search-count" class="search__count">More than 1,000 results for “\u2068monsoon\u2069”<\/h2>/,
    );
    assert.match(html, /Here are the newest 1,000, best matches first\./);
    assert.match(html, /<mark>Monsoon<\/mark> arrives early/);
    assert.match(html, /<ol class="search-results" start="981">/);
    assert.match(html, /href="\/en\/search\?q=monsoon&(amp;)?page=100" rel="next"/);
  });

  it('says it in the edition’s language', async () => {
    assert.match(await render('id', 'monsoon', 1), /Lebih dari 1\.000 hasil untuk/);
  });
});
