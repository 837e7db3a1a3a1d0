// The page a form vote without a voter cookie gets (403): it explains the cookie that has just
// been set and offers one button that sends the same rating again. Nothing was recorded yet.
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';

/** Props: where the vote goes, what it was, and the story to go back to. */
export interface ConfirmRatingProps {
  site: Site;
  action: string;
  rating: number;
  article: { title: string; path: string };
}

/** "Confirm your rating": a one-click form re-posting the reader's rating. */
export function ConfirmRatingPage(props: ConfirmRatingProps): JSX.Element {
  const { site, rating, article } = props;
  const { t } = site;
  const title = t('rating.confirmTitle');
  return (
    <Layout site={site} head={{ title, description: t('rating.confirmText'), path: article.path, noindex: true }}>
      <div class="wrap">
        <div class="notice rating-confirm">
          <h1 safe>{title}</h1>
          <p class="rating-confirm__choice" safe>
            {t('rating.confirmChoice', { count: rating, title: article.title })}
          </p>
          <p safe>{t('rating.confirmText')}</p>
          <form method="post" action={props.action}>
            <input type="hidden" name="rating" value={String(rating)} />
            <button class="button" type="submit" safe>
              {t('rating.confirm')}
            </button>
          </form>
          <p class="rating-confirm__hint" safe>
            {t('rating.cookieHint')}
          </p>
          <p>
            <a href={`${article.path}#rating`} safe>
              {t('rating.back')}
            </a>
          </p>
        </div>
      </div>
    </Layout>
  );
}
