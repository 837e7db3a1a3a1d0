// The rating widget on the article page: the average and vote count, and a real radio group of
// five stars in a form that posts without JavaScript (client/rating.ts sends it in place).
import type { Site } from '../../core/views/site.ts';
import { RATING_VALUES, describeRating, ratingPath, ratingSessionPath } from '../model.ts';

/** "Rate this item", the average and "(N votes)", then five star radios and a submit button. */
export function RatingWidget(props: { site: Site; articleId: number; sum: number; count: number }): JSX.Element {
  const { site, articleId } = props;
  const { t } = site;
  const code = site.edition.code;
  const text = describeRating(t, props.sum, props.count);
  return (
    <form
      class="rating"
      id="rating"
      method="post"
      action={ratingPath(code, articleId)}
      data-rating-session={ratingSessionPath(code)}
      data-rating-failed={t('rating.failed')}
    >
      <fieldset class="rating__group">
        <legend class="rating__label" safe>
          {t('article.rateThis')}
        </legend>
        <p class="rating__summary">
          <span class="stars" role="img" aria-label={text.label} data-stars={text.stars}>
            <span aria-hidden="true">★★★★★</span>
          </span>{' '}
          <span class="rating__count" safe>
            {text.votes}
          </span>
        </p>
        <span class="rating__choices">{safeChoices(t, articleId)}</span>
        <button class="rating__submit" type="submit" safe>
          {t('rating.submit')}
        </button>
      </fieldset>
      <p class="rating__status" role="status"></p>
    </form>
  );
}

/** Stands for the article id while the choices are rendered once: no translation holds a NUL. */
const ID_MARK = '\0';

// The choices differ between articles only in their ids: rendered once per translator (edition),
// then joined around each article's id.
const choicesByTranslator = new WeakMap<Site['t'], readonly string[]>();

function safeChoices(t: Site['t'], articleId: number): string {
  let parts = choicesByTranslator.get(t);
  if (!parts) {
    parts = (Choices({ t, articleId: ID_MARK }) as string).split(ID_MARK);
    choicesByTranslator.set(t, parts);
  }
  return parts.join(String(articleId));
}

/** The five star radios, each with its label. */
function Choices({ t, articleId }: { t: Site['t']; articleId: string }): JSX.Element {
  const idOf = (n: number) => `rating-${articleId}-${n}`;
  return (
    <>
      {RATING_VALUES.map((n) => (
        <>
          {/* One required radio makes the group required: no empty submit without JavaScript either. */}
          <input class="rating__input" type="radio" name="rating" value={String(n)} id={idOf(n)} required={n === 1} />
          <label class="rating__star" for={idOf(n)}>
            <span aria-hidden="true">★</span>
            <span class="visually-hidden" safe>
              {t('rating.choice', { count: n })}
            </span>
          </label>
        </>
      ))}
    </>
  );
}
