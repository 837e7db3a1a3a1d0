// Story cards: a story in a list, and its publication time.
import { isoInZone } from '../../i18n/index.ts';
import type { Site } from '../../core/views/site.ts';
import { flattened } from '../../core/views/flattened.ts';
import { Picture } from '../../media/index.ts';
import { categoryPath } from '../sections.ts';
import { articlePath, type ArticleSummary } from '../model.ts';

/** <time> for a publication date in the edition's words. */
export function PublishedTime(props: { site: Site; date: Date; isLong?: boolean }): JSX.Element {
  const { site, date } = props;
  return (
    <time datetime={isoInZone(date, site.timezone)} safe>
      {props.isLong ? site.f.dateTime(date) : site.f.date(date)}
    </time>
  );
}

interface ArticleCardProps {
  site: Site;
  article: ArticleSummary;
  headingLevel?: 2 | 3;
  variant?: 'lead' | 'default' | 'compact';
  isPriority?: boolean;
  showSection?: boolean;
}

/**
 * Card markup per story object and props. Lists kept in memory until their edition changes (the
 * home page's stories and section blocks, related stories) hand the same story objects to every
 * page, so their cards are rendered once; a story object read for one request takes its cards
 * with it when it is collected.
 */
const renderedCards = new WeakMap<ArticleSummary, Map<string, string>>();

/** A story in a list: thumbnail, section, headline, summary, date. */
export function ArticleCard(props: ArticleCardProps): JSX.Element {
  const { site, article } = props;
  const key = `${site.edition.code}|${site.timezone}|${props.variant}|${props.headingLevel}|${props.isPriority}|${props.showSection}`;
  let cards = renderedCards.get(article);
  const kept = cards?.get(key);
  if (kept !== undefined) return kept;
  const html = renderCard(props);
  if (typeof html !== 'string') return html;
  if (!cards) renderedCards.set(article, (cards = new Map()));
  // Flat, or every page that shows the card would copy its pieces again (see flattened.ts).
  const flat = flattened(html);
  cards.set(key, flat);
  return flat;
}

function renderCard(props: ArticleCardProps): JSX.Element {
  const { site, article } = props;
  const variant = props.variant ?? 'default';
  const sizes = variant === 'lead' ? '(min-width: 1100px) 700px, 100vw' : '(min-width: 700px) 320px, 100vw';
  const heading = (
    <a href={articlePath(article)} safe>
      {article.title}
    </a>
  );
  return (
    <article class={`card card--${variant}`}>
      {!!article.image && variant !== 'compact' && (
        <Picture class="card__image" image={article.image} alt="" sizes={sizes} isPriority={props.isPriority} />
      )}
      <div class="card__body">
        {props.showSection !== false && (
          <p class="card__section">
            <a href={categoryPath(article.edition, article.category.slug)} safe>
              {article.category.name}
            </a>
          </p>
        )}
        {props.headingLevel === 2 ? <h2 class="card__title">{heading}</h2> : <h3 class="card__title">{heading}</h3>}
        {variant !== 'compact' && !!article.summary && (
          <p class="card__summary" safe>
            {article.summary}
          </p>
        )}
        <p class="card__meta">
          <PublishedTime site={site} date={article.publishedAt} />
        </p>
      </div>
    </article>
  );
}
