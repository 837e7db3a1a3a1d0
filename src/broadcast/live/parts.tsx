// Pieces the on-air box and the live page share: a stream's state, an airing's times, a channel's
// artwork. Times are printed in the site's zone, machine-readable with their offset.
import type { Site } from '../../core/views/site.ts';
import { isoInZone } from '../../i18n/index.ts';
import { Picture } from '../../media/index.ts';
import type { LiveState, ProgramAiring } from './board.ts';
import type { LiveChannel } from './queries.ts';
import { programPath } from './snapshot.ts';
import { airingClock } from './times.ts';

/** The state's words: short in the side box, with "try again later" on the live page. */
export function stateText(site: Site, state: LiveState, isLong: boolean): string {
  if (state === 'on_air') return site.t('live.stateOnAir');
  if (state === 'off_air') return site.t(isLong ? 'live.stateOffAirLong' : 'live.stateOffAir');
  if (state === 'unreachable') return site.t(isLong ? 'live.stateUnreachable' : 'live.stateOffAir');
  return '';
}

/**
 * A stream's state; the red dot shows (by CSS) only for on air (the live page keeps it for its
 * script, which changes the state in place), and nothing shows while the state is unknown (no status source, or no answer yet): the schedule alone does not prove a stream plays.
 */
export function StatePill(props: { site: Site; state: LiveState; isLong: boolean }): JSX.Element {
  const text = stateText(props.site, props.state, props.isLong);
  return (
    <p class="live-state" data-state={props.state} data-live-state hidden={!text}>
      {(props.isLong || props.state === 'on_air') && <span class="on-air-dot" aria-hidden="true"></span>}
      <span data-live-state-text safe>
        {text}
      </span>
    </p>
  );
}

/** A <time> in the site's zone; an airing's end (`isEnd`) at midnight reads 24:00. */
export function Time(props: { site: Site; date: Date; withDay?: boolean; isEnd?: boolean }): JSX.Element {
  const clock = airingClock(props.site.edition.locale, props.site.timezone);
  const text = props.withDay
    ? clock.dayTime(props.date)
    : props.isEnd
      ? clock.endTime(props.date)
      : clock.time(props.date);
  return (
    <time datetime={isoInZone(props.date, props.site.timezone)} safe>
      {text}
    </time>
  );
}

/** "06:00–09:00". */
export function TimeRange(props: { site: Site; airing: ProgramAiring }): JSX.Element {
  return (
    <span class="live-times">
      <Time site={props.site} date={props.airing.start} />
      {'–'}
      <Time site={props.site} date={props.airing.end} isEnd />
    </span>
  );
}

/** A link to the airing's program page; a special without a program is only its title. */
export function ProgramLink(props: { edition: string; airing: ProgramAiring }): JSX.Element {
  const { program, title } = props.airing;
  if (!program) return <span safe>{title}</span>;
  return (
    <a href={programPath(props.edition, program.slug)} safe>
      {title}
    </a>
  );
}

/** The channel's artwork, or a plain station mark when it has none (decorative: the name is beside it). */
export function Artwork(props: { channel: LiveChannel; sizes: string; class: string }): JSX.Element {
  const { artwork } = props.channel;
  if (artwork) return <Picture class={props.class} image={artwork} alt="" sizes={props.sizes} />;
  return (
    <span class={`${props.class} live-art--none`} aria-hidden="true">
      <svg viewBox="0 0 48 48" width="48" height="48" focusable="false">
        <circle cx="24" cy="24" r="5" fill="currentColor" />
        <path
          d="M15 15a13 13 0 0 0 0 18M33 15a13 13 0 0 1 0 18M9 9a21 21 0 0 0 0 30M39 9a21 21 0 0 1 0 30"
          fill="none"
          stroke="currentColor"
          stroke-width="3"
          stroke-linecap="round"
        />
      </svg>
    </span>
  );
}
