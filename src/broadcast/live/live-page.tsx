// The live page: each channel of the edition with its player, its stream's state and title, the
// program on air and the next ones. client/live.ts keeps the marked parts (data-live-*) current
// from the status answer; the words it needs come with the page, in the edition's language.
import { Notice } from '../../core/views/components.tsx';
import { Layout } from '../../core/views/layout.tsx';
import type { Site } from '../../core/views/site.ts';
import type { ProgramAiring } from './board.ts';
import { PlayButton } from './play-button.tsx';
import { Artwork, ProgramLink, StatePill, stateText, Time, TimeRange } from './parts.tsx';
import { livePath, playableOf, programPath, type ChannelNow } from './snapshot.ts';
import { airingClock, TIME_OPTIONS } from './times.ts';

/** What the stream formats are called in an <audio> source. */
const AUDIO_TYPES = { mp3: 'audio/mpeg', aac: 'audio/aac' } as const;

/** The whole live page. */
export function LivePage(props: { site: Site; items: readonly ChannelNow[] }): JSX.Element {
  const { site, items } = props;
  const { t } = site;
  const edition = site.edition.code;
  const clock = airingClock(site.edition.locale, site.timezone);
  // The script's words and clock, so its updates read as the server's.
  const texts = JSON.stringify({
    states: {
      on_air: stateText(site, 'on_air', true),
      off_air: stateText(site, 'off_air', true),
      unreachable: stateText(site, 'unreachable', true),
    },
    nothingNow: t('live.nothingNow'),
    nothingNext: t('live.nothingNext'),
    announce: t('live.announce'),
    options: TIME_OPTIONS,
  });
  return (
    <Layout
      site={site}
      head={{ title: t('live.pageTitle'), description: t('live.pageIntro'), path: livePath(edition) }}
    >
      <div
        class="wrap live-page"
        data-live-status={`${livePath(edition)}/status.json`}
        data-live-locale={site.edition.locale}
        data-live-zone={site.timezone}
        data-live-texts={texts}
      >
        <header class="live-page__header">
          <h1 safe>{t('live.pageTitle')}</h1>
          <p class="live-page__intro" safe>
            {t('live.pageIntro')}
          </p>
          {items.length > 0 && (
            <p class="live-page__zone" safe>
              {t('live.timesIn', { zone: clock.zoneName(site.now) })}
            </p>
          )}
        </header>
        {items.length === 0 ? (
          <Notice
            level={2}
            title={t('live.emptyTitle')}
            text={t('live.emptyText')}
            linkLabel={t('live.emptyLink')}
            href={`/${edition}`}
          />
        ) : (
          <>
            <p class="visually-hidden" aria-live="polite" data-live-announce></p>
            {items.map((item) => (
              <ChannelPanel site={site} item={item} />
            ))}
          </>
        )}
        <nav class="live-page__links" aria-label={t('section.programs')}>
          <a href={`/${edition}/programs/schedule`} safe>
            {t('live.fullSchedule')}
          </a>
          <a href={`/${edition}/programs`} safe>
            {t('live.allPrograms')}
          </a>
        </nav>
      </div>
    </Layout>
  );
}

function ChannelPanel(props: { site: Site; item: ChannelNow }): JSX.Element {
  const { site, item } = props;
  const { channel, status, lineup } = item;
  const { t } = site;
  const edition = site.edition.code;
  const title = status.state === 'on_air' ? status.title : undefined;
  const headingId = `live-channel-${channel.id}`;
  const stationZone = airingClock(site.edition.locale, channel.timeZone).zoneName(site.now);
  return (
    <article class="live-channel" aria-labelledby={headingId} data-live-channel={String(channel.id)}>
      <Artwork channel={channel} class="live-channel__art" sizes="(min-width: 48rem) 11rem, 5rem" />
      <div class="live-channel__head">
        <h2 id={headingId} class="live-channel__name" safe>
          {channel.name}
        </h2>
        <StatePill site={site} state={status.state} isLong={true} />
        <p class="live-channel__track" data-live-title hidden={!title}>
          <span class="live-label" safe>
            {t('live.nowPlaying')}
          </span>{' '}
          <span class="live-channel__title" data-live-title-text safe>
            {title ?? ''}
          </span>
        </p>
      </div>
      <div class="live-channel__body">
        <div class="live-channel__play">
          <PlayButton site={site} channel={playableOf(item)} />
          <NoScriptPlayer site={site} item={item} />
        </div>
        {channel.description ? (
          <p class="live-channel__description" safe>
            {channel.description}
          </p>
        ) : (
          ''
        )}
      </div>
      <div class="live-channel__lineup">
        <h3 class="live-label" safe>
          {t('live.cardTitle')}
        </h3>
        <p class="live-channel__now" data-live-now={airingKey(edition, lineup.now)}>
          {lineup.now ? (
            <>
              <ProgramLink edition={edition} airing={lineup.now} /> <TimeRange site={site} airing={lineup.now} />
            </>
          ) : (
            <span class="live-none" safe>
              {t('live.nothingNow')}
            </span>
          )}
        </p>
        <h3 class="live-label" safe>
          {t('live.comingUp')}
        </h3>
        <ol class="live-next" data-live-next={lineup.next.map((a) => airingKey(edition, a)).join(',')}>
          {lineup.next.length === 0 ? (
            <li class="live-none" safe>
              {t('live.nothingNext')}
            </li>
          ) : (
            lineup.next.map((airing) => (
              <li>
                <Time site={site} date={airing.start} withDay={true} />{' '}
                <ProgramLink edition={edition} airing={airing} />
              </li>
            ))
          )}
        </ol>
        <p class="live-channel__zone" safe>
          {t('live.stationZone', { zone: `${stationZone} (${channel.timeZone})` })}
        </p>
      </div>
    </article>
  );
}

/** What client/live.ts compares to see a change of program: the same from the status answer. */
function airingKey(edition: string, airing: ProgramAiring | undefined): string {
  if (!airing) return '';
  return `${airing.program ? programPath(edition, airing.program.slug) : airing.title} ${airing.start.toISOString()}`;
}

/**
 * Without JavaScript the play button does nothing: the browser's own player takes the streams it
 * can play (HLS needs the script, or a link for browsers that play it natively).
 */
function NoScriptPlayer(props: { site: Site; item: ChannelNow }): JSX.Element {
  const { site } = props;
  const { channel } = props.item;
  const direct = channel.streams.filter((s) => s.format !== 'hls');
  return (
    <noscript>
      {direct.length > 0 ? (
        <audio
          class="live-channel__audio"
          controls=""
          preload="none"
          aria-label={site.t('live.listenIn', { channel: channel.name })}
        >
          {direct.map((s) => (
            <source src={s.url} type={AUDIO_TYPES[s.format as 'mp3' | 'aac']} />
          ))}
        </audio>
      ) : (
        <a class="button" href={channel.streams[0]?.url} safe>
          {site.t('live.openStream', { channel: channel.name })}
        </a>
      )}
    </noscript>
  );
}
