// The numbered most-read box beside news pages (the reads domain's part of the aside slot).
import { articlePath, type ArticleSummary } from '../../articles/index.ts';
import { flattened } from '../../core/views/flattened.ts';
import type { Site } from '../../core/views/site.ts';

// The box beside every news page shows a list the reads domain keeps in memory for a minute or
// more: rendered once per list (and edition), not once per page.
const rendered = new WeakMap<readonly ArticleSummary[], { t: Site['t']; code: string; html: string }>();

/** The numbered most-read list, with a link to the full most-read page. */
export function MostReadBox(props: { site: Site; articles: readonly ArticleSummary[] }): JSX.Element {
  const { site, articles } = props;
  const known = rendered.get(articles);
  if (known && known.t === site.t && known.code === site.edition.code) return known.html;
  const html = (<MostReadList site={site} articles={articles} />) as string;
  rendered.set(articles, { t: site.t, code: site.edition.code, html: flattened(html) });
  return html;
}

function MostReadList(props: { site: Site; articles: readonly ArticleSummary[] }): JSX.Element {
  const { site } = props;
  return (
    <section class="box most-read" aria-labelledby="most-read-title">
      <h2 id="most-read-title" class="box__title" safe>
        {site.t('mostRead.title')}
      </h2>
      {props.articles.length === 0 ? (
        <p safe>{site.t('mostRead.empty')}</p>
      ) : (
        <ol class="most-read__list">
          {props.articles.map((a) => (
            <li>
              <a href={articlePath(a)} safe>
                {a.title}
              </a>
            </li>
          ))}
        </ol>
      )}
      <p class="most-read__more">
        <a href={`/${site.edition.code}/most-read`} safe>
          {site.t('mostRead.more')}
        </a>
      </p>
    </section>
  );
}
