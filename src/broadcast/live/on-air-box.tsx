// The "On air now" box beside reader pages: each channel of the edition with the program on air
// (or the honest "off air" / "nothing scheduled"), what comes next, its play button, and the way
// to the live page. No track titles: cached pages are not purged when a song changes.
import type { Site } from '../../core/views/site.ts';
import { dayIn } from '../schedule.ts';
import { PlayButton } from './play-button.tsx';
import { ProgramLink, StatePill, Time, TimeRange } from './parts.tsx';
import { isDown, livePath, playableOf, type ChannelNow } from './snapshot.ts';

/** The box; nothing for an edition without channels. */
export function OnAirBox(props: { site: Site; items: readonly ChannelNow[] }): JSX.Element {
  const { site, items } = props;
  if (items.length === 0) return '';
  const { t } = site;
  const edition = site.edition.code;
  const isAnyOnAir = items.some((i) => i.status.state === 'on_air');
  const isAllDown = items.every((i) => isDown(i.status.state));
  const today = dayIn(site.now, site.timezone);
  return (
    <section class="box live-card" aria-labelledby="live-card-title">
      <h2 id="live-card-title" class="box__title">
        {isAnyOnAir && <span class="on-air-dot" aria-hidden="true"></span>}
        <span safe>{isAllDown ? t('live.boxTitleOff') : t('live.cardTitle')}</span>
      </h2>
      {items.map((item) => {
        const { channel, status, lineup } = item;
        const isOff = isDown(status.state);
        const next = lineup.next[0];
        return (
          <div class="live-card__channel">
            <div class="live-card__head">
              <p class="live-card__name" safe>
                {channel.name}
              </p>
              {isOff && <StatePill site={site} state={status.state} isLong={false} />}
            </div>
            {!isOff &&
              (lineup.now ? (
                <p class="live-card__now">
                  <ProgramLink edition={edition} airing={lineup.now} /> <TimeRange site={site} airing={lineup.now} />
                </p>
              ) : (
                <p class="live-card__none" safe>
                  {t('live.nothingNow')}
                </p>
              ))}
            {next ? (
              <p class="live-card__next">
                <span class="live-card__label" safe>
                  {t('live.next')}
                </span>{' '}
                <ProgramLink edition={edition} airing={next} />{' '}
                <Time site={site} date={next.start} withDay={dayIn(next.start, site.timezone) !== today} />
              </p>
            ) : (
              ''
            )}
            {!isOff && <PlayButton site={site} channel={playableOf(item)} />}
          </div>
        );
      })}
      <a class="live-card__more" href={livePath(edition)} safe>
        {t('live.boxMore')}
      </a>
    </section>
  );
}
