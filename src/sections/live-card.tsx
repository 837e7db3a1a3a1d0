// The "On air now" card beside news pages, leading to the live radio section.
import type { Site } from '../core/views/site.ts';

/** The "On air now" card with the red Listen live link. */
export function LiveCard(props: { site: Site }): JSX.Element {
  const { site } = props;
  return (
    <section class="box live-card" aria-labelledby="live-card-title">
      <h2 id="live-card-title" class="box__title">
        <span class="on-air-dot" aria-hidden="true"></span>
        <span safe>{site.t('live.cardTitle')}</span>
      </h2>
      <p safe>{site.t('live.cardText')}</p>
      <a class="button button--live" href={`/${site.edition.code}/live`} safe>
        {site.t('nav.listenLive')}
      </a>
    </section>
  );
}
