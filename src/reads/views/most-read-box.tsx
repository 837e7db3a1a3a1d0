// The numbered most-read box beside news pages (the reads domain's part of the aside slot).
import { articlePath, type ArticleSummary } from '../../articles/index.ts';
import type { Site } from '../../core/views/site.ts';

/** The numbered most-read list, with a link to the full most-read page. */
export function MostReadBox(props: { site: Site; articles: readonly ArticleSummary[] }): JSX.Element {
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
