// The banner readers see under the masthead of every page of its edition: the edition's word for
// "Breaking news", the editor's text (escaped), and the link, if the banner has one.
import type { Translate } from '../../i18n/index.ts';
import type { Banner } from '../model.ts';

/** The reader-facing banner. */
export function BreakingBanner(props: { banner: Banner; t: Translate }): JSX.Element {
  const { banner, t } = props;
  const label = t('banner.label');
  return (
    <div class="breaking" role="region" aria-label={label}>
      <p class="wrap breaking__inner">
        <strong class="breaking__label" safe>
          {label}
        </strong>{' '}
        {banner.link ? (
          <a class="breaking__text" href={banner.link} safe>
            {banner.text}
          </a>
        ) : (
          <span class="breaking__text" safe>
            {banner.text}
          </span>
        )}
      </p>
    </div>
  );
}

// Made once per banner (and edition translator), then reused by every page that shows it.
const rendered = new WeakMap<Banner, { t: Translate; html: string }>();

/** The banner's HTML for an edition's pages. */
export function bannerHtml(banner: Banner, t: Translate): string {
  let memo = rendered.get(banner);
  if (memo?.t !== t) {
    memo = { t, html: (<BreakingBanner banner={banner} t={t} />) as string };
    rendered.set(banner, memo);
  }
  return memo.html;
}
