// The channels of an edition: name, zone, streams' formats, programs, state, schedule link.
import {
  EditionPicker,
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import type { NewsroomChannel } from '../queries.ts';
import { FORMAT_NAMES } from './fields.tsx';
import { channelPath, schedulePath } from './overview.tsx';

/** An edition's channels. */
export function ChannelsPage(props: {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  edition: EditionChoice;
  channels: readonly NewsroomChannel[];
  programCounts: ReadonlyMap<number, number>;
  notice?: string;
}): JSX.Element {
  const title = t('radio.channelsOf', { edition: props.edition.name });
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href="/newsroom/radio">{t('radio.back')}</a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <div class="nr-heading-actions">
          <a
            class="nr-button nr-button-primary"
            href={`/newsroom/radio/channels/new?edition=${encodeURIComponent(props.edition.code)}`}
          >
            {t('radio.newChannel')}
          </a>
        </div>
      </div>
      <EditionPicker action="/newsroom/radio/channels" editions={props.editions} current={props.edition.code} />
      <Notice text={props.notice} />
      {props.channels.length === 0 ? (
        <p>{t('radio.noChannels')}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('radio.name')}</th>
              <th scope="col">{t('radio.timeZone')}</th>
              <th scope="col">{t('radio.streams')}</th>
              <th scope="col">{t('radio.programs')}</th>
              <th scope="col">{t('radio.state')}</th>
              <th scope="col">{t('radio.schedule')}</th>
            </tr>
          </thead>
          <tbody>
            {props.channels.map((c) => (
              <tr>
                <td data-label={t('radio.name')}>
                  <a href={channelPath(c.id)} safe>
                    {c.name}
                  </a>
                </td>
                <td data-label={t('radio.timeZone')} safe>
                  {c.timeZone}
                </td>
                <td data-label={t('radio.streams')} safe>
                  {c.streams.map((s) => FORMAT_NAMES[s.format]).join(', ')}
                </td>
                <td data-label={t('radio.programs')} safe>
                  {String(props.programCounts.get(c.id) ?? 0)}
                </td>
                <td data-label={t('radio.state')}>{c.isActive ? t('radio.active') : t('radio.inactive')}</td>
                <td data-label={t('radio.schedule')}>
                  <a href={schedulePath(c.id)}>
                    {t('radio.scheduleChanges')}
                    <span class="visually-hidden" safe>{`: ${c.name}`}</span>
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}
