// Pieces the programs pages share: a program's card, the picks list, an airing in a schedule
// list, host links. Times are <time datetime> with the instant, so the listener's browser can
// show them in its own zone (client/schedule-times.ts).
import { escapeHtml } from '@kitajs/html';
import type { Site } from '../../../core/views/site.ts';
import { Picture } from '../../../media/index.ts';
import { authorPath } from '../../../users/index.ts';
import type { Host, ProgramInfo, RunningPick } from '../queries.ts';
import type { ListedAiring } from '../schedule-view.ts';
import { clockTime, daysText, endClockTime, shortDate, slotTimes, zoneName } from '../time-text.ts';

/** Paths of the programs pages. */
export const programsPath = (edition: string) => `/${edition}/programs`;
export const schedulePath = (edition: string) => `/${edition}/programs/schedule`;
export const programPath = (edition: string, slug: string) => `/${edition}/programs/${encodeURIComponent(slug)}`;
export const episodePath = (edition: string, program: string, episode: string) =>
  `${programPath(edition, program)}/episodes/${encodeURIComponent(episode)}`;

const listFormats = new Map<string, Intl.ListFormat>();

function listFormatOf(locale: string): Intl.ListFormat {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(locale, { type: 'conjunction' })));
  return format;
}

/**
 * The hosts, each linked to their author page, joined as the edition's language joins a list
 * (Intl.ListFormat: "A, B and C", "A y B" but "A e Isabel", "A、B和C", "AとB").
 */
export function HostLinks(props: { site: Site; hosts: readonly Host[] }): JSX.Element {
  const { site, hosts } = props;
  const parts = listFormatOf(site.edition.locale).formatToParts(hosts.map((h) => h.name));
  let next = 0;
  return (
    <>
      {parts.map((part) => {
        if (part.type === 'literal') return <>{escapeHtml(part.value)}</>;
        const host = hosts[next++]!;
        return (
          <a href={authorPath(site.edition.code, host.slug)} safe>
            {host.name}
          </a>
        );
      })}
    </>
  );
}

/** A program's artwork, or its initial on the brand colour when it has none. */
export function Artwork(props: { program: Pick<ProgramInfo, 'title' | 'artwork'>; sizes: string }): JSX.Element {
  const { program } = props;
  if (program.artwork) return <Picture class="program-art" image={program.artwork} alt="" sizes={props.sizes} />;
  return (
    <span class="program-art program-art--initial" aria-hidden="true" safe>
      {Array.from(program.title)[0] ?? ''}
    </span>
  );
}

/** When a program airs: its weekly slots in the station's words ("Monday to Friday, 06:00–09:00"). */
export function AirsText(props: { site: Site; program: ProgramInfo }): JSX.Element {
  const { site, program } = props;
  if (program.slots.length === 0)
    return (
      <p class="program-card__airs" safe>
        {site.t('programs.noSlots')}
      </p>
    );
  return (
    <ul class="program-card__airs">
      {slotLines(site, program).map((line) => (
        <li safe>{line}</li>
      ))}
    </ul>
  );
}

/**
 * One line per group of slots on the same days with the same length: "Monday to Friday,
 * 06:00–09:00", or for a bulletin on the hour "Every day at 09:00, 12:00 and 15:00, 15 minutes each".
 */
function slotLines(site: Site, program: ProgramInfo): string[] {
  const locale = site.edition.locale;
  const groups = new Map<string, (typeof program.slots)[number][]>();
  for (const slot of program.slots) {
    const key = `${[...slot.days].sort().join(',')}|${slot.minutes}`;
    groups.set(key, [...(groups.get(key) ?? []), slot]);
  }
  return [...groups.values()].map((slots) => {
    const first = slots[0]!;
    const days = daysText(first.days, locale, site.t);
    if (slots.length === 1) return site.t('programs.oneSlot', { days, times: slotTimes(first, locale) });
    return site.t('programs.manySlots', {
      days,
      times: listOf(
        slots.map((s) => slotTimes({ start: s.start, minutes: 0 }, locale).split('–')[0]!),
        locale,
      ),
      duration: site.t('programs.minutes', { count: first.minutes }),
    });
  });
}

const lists = new Map<string, Intl.ListFormat>();

function listOf(items: readonly string[], locale: string): string {
  let list = lists.get(locale);
  if (!list) {
    list = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    lists.set(locale, list);
  }
  return list.format(items);
}

/** A program in the list: artwork, title, hosts, when it airs. */
export function ProgramCard(props: { site: Site; program: ProgramInfo }): JSX.Element {
  const { site, program } = props;
  const code = site.edition.code;
  return (
    <article class="program-card">
      <Artwork program={program} sizes="(min-width: 40rem) 8rem, 6rem" />
      <div class="program-card__body">
        <h3 class="program-card__title">
          <a href={programPath(code, program.slug)} safe>
            {program.title}
          </a>
        </h3>
        {program.hosts.length > 0 && (
          <p class="program-card__hosts">
            <span safe>{site.t('programs.hosts')}</span> <HostLinks site={site} hosts={program.hosts} />
          </p>
        )}
        <AirsText site={site} program={program} />
      </div>
    </article>
  );
}

/** The picks running now, as a list of links with the editors' notes. */
export function PickList(props: { site: Site; picks: readonly RunningPick[] }): JSX.Element {
  const { site } = props;
  const code = site.edition.code;
  return (
    <ul class="picks">
      {props.picks.map((p) => (
        <li class="pick">
          {p.episode ? (
            <>
              <a class="pick__title" href={episodePath(code, p.program.slug, p.episode.slug)} safe>
                {p.episode.title}
              </a>
              <span class="pick__program">
                <a href={programPath(code, p.program.slug)} safe>
                  {p.program.title}
                </a>
              </span>
            </>
          ) : (
            <a class="pick__title" href={programPath(code, p.program.slug)} safe>
              {p.program.title}
            </a>
          )}
          {!!p.note && (
            <span class="pick__note" safe>
              {p.note}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The note above a schedule: times are station time, in this zone. */
export function ZoneNote(props: { site: Site; timeZone: string }): JSX.Element {
  const { site, timeZone } = props;
  return (
    <p class="schedule__zone" safe>
      {site.t('programs.stationTime', {
        zone: `${zoneName(timeZone, site.edition.locale, site.now)} (${timeZone})`,
      })}
    </p>
  );
}

/** The attributes the listener-time script reads from a schedule's root. */
export function scheduleData(site: Site, timeZone: string) {
  return {
    'data-zone': timeZone,
    'data-on-air': site.t('programs.onAir'),
    'data-local-note': site.t('programs.localNote', {
      zone: '{zone}',
      station: zoneName(timeZone, site.edition.locale, site.now),
    }),
  };
}

/** One airing in a list: times (station zone), program, and what makes it special. */
export function AiringItem(props: {
  site: Site;
  airing: ListedAiring;
  timeZone: string;
  program: { slug: string; title: string } | undefined;
  /** Show the date before the times (the program page's list runs over several days). */
  showDate?: boolean;
  /** Leave the program's name out (the program page lists its own airings). */
  hideTitle?: boolean;
}): JSX.Element {
  const { site, airing, timeZone, program } = props;
  const locale = site.edition.locale;
  const classes = ['slot', `slot--${airing.kind}`];
  if (airing.isOnAir) classes.push('slot--on-air');
  const start = airing.start.toISOString();
  const end = airing.end.toISOString();
  return (
    <li class={classes.join(' ')} data-start={start} data-end={end}>
      <span class="slot__time">
        <span class="slot__station">
          {props.showDate && (
            <>
              <span safe>{shortDate(airing.start, locale, timeZone)}</span>{' '}
            </>
          )}
          <time datetime={start} safe>
            {clockTime(airing.start, locale, timeZone)}
          </time>
          {'–'}
          <time datetime={end} safe>
            {endClockTime(airing.end, locale, timeZone)}
          </time>
        </span>
      </span>
      <span class="slot__what">
        {props.hideTitle ? (
          ''
        ) : program ? (
          <a class="slot__title" href={programPath(site.edition.code, program.slug)} safe>
            {program.title}
          </a>
        ) : airing.title ? (
          // A special without a program: its title, with no page to link to.
          <span class="slot__title" safe>
            {airing.title}
          </span>
        ) : (
          <span class="slot__title" safe>
            {site.t('programs.unknownProgram')}
          </span>
        )}
        {airing.isOnAir && (
          <strong class="slot__badge slot__badge--on-air" safe>
            {site.t('programs.onAir')}
          </strong>
        )}
        {airing.kind === 'special' && (
          <strong class="slot__badge slot__badge--special" safe>
            {site.t('programs.special')}
          </strong>
        )}
        {airing.kind === 'cancelled' && (
          <strong class="slot__badge slot__badge--cancelled" safe>
            {site.t('programs.cancelled')}
          </strong>
        )}
        {!!airing.note && (
          <span class="slot__note" safe>
            {airing.note}
          </span>
        )}
      </span>
    </li>
  );
}
