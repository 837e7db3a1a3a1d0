// The rating line: "Rate this item", the average as stars, "(N votes)".
import type { Site } from '../../core/views/site.ts';

/** Shows the stored average and vote count (voting itself arrives with the readers' features). */
export function RatingSummary(props: { site: Site; sum: number; count: number }): JSX.Element {
  const { site, sum, count } = props;
  const average = count > 0 ? sum / count : 0;
  const rounded = Math.round(average * 10) / 10;
  const label = count > 0 ? site.t('article.rating', { average: rounded }) : site.t('article.notRated');
  // Rounded to half stars so the stylesheet can draw it without an inline style (CSP).
  const halfStars = (Math.round(average * 2) / 2).toFixed(1);
  return (
    <div class="rating">
      <span class="rating__label" safe>
        {site.t('article.rateThis')}
      </span>
      <span class="stars" role="img" aria-label={label} data-stars={halfStars}>
        <span aria-hidden="true">★★★★★</span>
      </span>
      <span class="rating__count" safe>
        {site.t('article.votes', { count })}
      </span>
    </div>
  );
}
