// The radio's link in every page's top bar. It tells the same truth as the on-air box: a pulsing
// dot only while a stream reports that it is on air, "off air" when every stream is known to be
// down, and no link at all in an edition that has no channel.
import type { Site } from '../../core/views/site.ts';
import type { LiveState } from './board.ts';
import { isDown, livePath } from './snapshot.ts';

/** The link, from the states of the edition's channels' streams. */
export function TopbarLink(props: { site: Site; states: readonly LiveState[] }): JSX.Element {
  const { site, states } = props;
  if (states.length === 0) return '';
  const href = livePath(site.edition.code);
  if (states.every(isDown)) {
    return (
      <a class="listen-live listen-live--off" href={href} safe>
        {site.t('nav.radioOffAir')}
      </a>
    );
  }
  // Unknown (no status source, or none has answered yet): the link, without a promise of sound.
  const isOnAir = states.includes('on_air');
  return (
    <a class="listen-live" href={href}>
      {isOnAir ? <span class="listen-live__dot" aria-hidden="true"></span> : ''}
      <span safe>{site.t('nav.listenLive')}</span>
    </a>
  );
}
