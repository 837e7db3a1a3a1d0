// /newsroom/radio: for each edition the user manages, its channels, its programs and the week
// ahead of each channel (a short list per day), with the ways to the forms and to the picks.
import {
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import type { NewsroomChannel, NewsroomProgram } from '../queries.ts';
import { clockIn, dayLabel, type ScheduleDay } from '../week.ts';
import { slotText } from './text.ts';

/** One edition's part of the overview. */
export interface EditionRadio {
  readonly edition: EditionChoice;
  readonly channels: readonly { readonly channel: NewsroomChannel; readonly week: readonly ScheduleDay[] }[];
  readonly programs: readonly NewsroomProgram[];
}

export function channelPath(id: number): string {
  return `/newsroom/radio/channels/${id}`;
}

export function programPath(id: number): string {
  return `/newsroom/radio/programs/${id}`;
}

export function schedulePath(channelId: number): string {
  return `/newsroom/radio/channels/${channelId}/schedule`;
}

/** A channel's week: each day with what is on, in the channel's zone. */
export function WeekList(props: { week: readonly ScheduleDay[]; timeZone: string; label: string }): JSX.Element {
  return (
    <ol class="nr-radio-week" aria-label={props.label}>
      {props.week.map((day) => (
        <li class="nr-radio-day">
          <p class="nr-radio-day-name">
            <time datetime={day.date} safe>
              {dayLabel(day.date)}
            </time>
          </p>
          {day.items.length === 0 ? (
            <p class="nr-meta">{t('radio.nothingOn')}</p>
          ) : (
            <ul class="nr-radio-airings">
              {day.items.map((item) => (
                <li class={item.isSpecial ? 'nr-radio-special' : undefined}>
                  <span class="nr-radio-time">
                    <time datetime={item.start.toISOString()} safe>
                      {clockIn(item.start, props.timeZone)}
                    </time>
                    –
                    <time datetime={item.end.toISOString()} safe>
                      {clockIn(item.end, props.timeZone)}
                    </time>
                  </span>{' '}
                  <span safe>{item.title}</span>
                  {item.isSpecial ? <span class="nr-meta"> ({t('radio.special')})</span> : ''}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

function EditionSection(props: { radio: EditionRadio }): JSX.Element {
  const { edition, channels, programs } = props.radio;
  const code = encodeURIComponent(edition.code);
  const headingId = `edition-${edition.code}`;
  const channelName = (id: number) => channels.find((c) => c.channel.id === id)?.channel.name ?? '';
  return (
    <section class="nr-panel" aria-labelledby={headingId}>
      <h2 id={headingId} dir="auto" safe>
        {edition.name}
      </h2>
      <div class="nr-heading-actions">
        <a class="nr-button" href={`/newsroom/radio/channels/new?edition=${code}`}>
          {t('radio.newChannel')}
        </a>
        {channels.length > 0 && (
          <a class="nr-button" href={`/newsroom/radio/programs/new?edition=${code}`}>
            {t('radio.newProgram')}
          </a>
        )}
        <a class="nr-button" href={`/newsroom/radio/picks?edition=${code}`}>
          {t('radio.picks')}
        </a>
      </div>
      <h3>{t('radio.channels')}</h3>
      {channels.length === 0 ? (
        <p>{t('radio.noChannels')}</p>
      ) : (
        <ul class="nr-list">
          {channels.map(({ channel }) => (
            <li>
              <a href={channelPath(channel.id)} safe>
                {channel.name}
              </a>{' '}
              <span class="nr-meta" safe>
                {[
                  channel.timeZone,
                  t(channel.streams.length === 1 ? 'radio.streamCount.one' : 'radio.streamCount.other', {
                    count: channel.streams.length,
                  }),
                  channel.isActive ? '' : t('radio.inactive'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>{' '}
              <a href={schedulePath(channel.id)} class="nr-radio-aside-link">
                {t('radio.scheduleChanges')}
                <span class="visually-hidden" safe>{`: ${channel.name}`}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('radio.programs')}</h3>
      {programs.length === 0 ? (
        <p>{t('radio.noPrograms')}</p>
      ) : (
        <ul class="nr-list">
          {programs.map((p) => (
            <li>
              <a href={programPath(p.id)} safe>
                {p.title}
              </a>{' '}
              <span class="nr-meta" safe>
                {[
                  channelName(p.channelId),
                  p.slots.length ? p.slots.map(slotText).join('; ') : t('radio.noSlots'),
                  p.isActive ? '' : t('radio.inactive'),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/newsroom/radio/programs?edition=${code}`} safe>
          {t('radio.allPrograms', { edition: edition.name })}
        </a>
      </p>
      {channels
        .filter((c) => c.channel.isActive)
        .map(({ channel, week }) => {
          const id = `week-${channel.id}`;
          return (
            <section class="nr-radio-week-section" aria-labelledby={id}>
              <h3 id={id} safe>
                {t('radio.weekOf', { channel: channel.name })}
              </h3>
              <p class="nr-hint" safe>
                {t('radio.weekZone', { zone: channel.timeZone })}
              </p>
              <WeekList week={week} timeZone={channel.timeZone} label={t('radio.weekOf', { channel: channel.name })} />
            </section>
          );
        })}
    </section>
  );
}

/** The radio's overview. */
export function RadioOverviewPage(props: {
  page: NewsroomPage;
  editions: readonly EditionRadio[];
  notice?: string;
}): JSX.Element {
  const title = t('radio.title');
  return (
    <NewsroomLayout {...props.page} title={title}>
      <h1>{title}</h1>
      <p>{t('radio.intro')}</p>
      <Notice text={props.notice} />
      {props.editions.map((radio) => (
        <EditionSection radio={radio} />
      ))}
    </NewsroomLayout>
  );
}
