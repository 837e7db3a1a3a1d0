// The programs of an edition, of one channel or all: title, channel, hosts, slots, state.
import {
  NewsroomLayout,
  Notice,
  newsroomText as t,
  type EditionChoice,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import type { NewsroomChannel, NewsroomProgram } from '../queries.ts';
import { programPath } from './overview.tsx';
import { slotText } from './text.ts';

/** An edition's programs, of one channel or all. */
export function ProgramsPage(props: {
  page: NewsroomPage;
  editions: readonly EditionChoice[];
  edition: EditionChoice;
  channels: readonly NewsroomChannel[];
  channelId?: number;
  programs: readonly NewsroomProgram[];
  notice?: string;
}): JSX.Element {
  const title = t('radio.programsOf', { edition: props.edition.name });
  const channelName = (id: number) => props.channels.find((c) => c.id === id)?.name ?? '';
  const code = encodeURIComponent(props.edition.code);
  return (
    <NewsroomLayout {...props.page} title={title}>
      <p>
        <a href="/newsroom/radio">{t('radio.back')}</a>
      </p>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        {props.channels.length > 0 && (
          <div class="nr-heading-actions">
            <a
              class="nr-button nr-button-primary"
              href={`/newsroom/radio/programs/new?edition=${code}${props.channelId ? `&channel=${props.channelId}` : ''}`}
            >
              {t('radio.newProgram')}
            </a>
          </div>
        )}
      </div>
      <form method="get" action="/newsroom/radio/programs" class="nr-filters">
        {props.editions.length > 1 ? (
          <div class="nr-field">
            <label for="filter-edition">{t('manage.edition')}</label>
            <select id="filter-edition" name="edition">
              {props.editions.map((e) => (
                <option value={e.code} selected={e.code === props.edition.code} safe>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="edition" value={props.edition.code} />
        )}
        <div class="nr-field">
          <label for="filter-channel">{t('radio.channel')}</label>
          <select id="filter-channel" name="channel">
            <option value="">{t('radio.allChannels')}</option>
            {props.channels.map((c) => (
              <option value={String(c.id)} selected={c.id === props.channelId} safe>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="nr-button">
          {t('manage.show')}
        </button>
      </form>
      <Notice text={props.notice} />
      {props.programs.length === 0 ? (
        <p>{props.channels.length === 0 ? t('radio.noChannelsForPrograms') : t('radio.noPrograms')}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden" safe>
            {title}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('radio.programTitle')}</th>
              <th scope="col">{t('radio.channel')}</th>
              <th scope="col">{t('radio.hosts')}</th>
              <th scope="col">{t('radio.slots')}</th>
              <th scope="col">{t('radio.state')}</th>
            </tr>
          </thead>
          <tbody>
            {props.programs.map((p) => (
              <tr>
                <td data-label={t('radio.programTitle')}>
                  <a href={programPath(p.id)} safe>
                    {p.title}
                  </a>
                </td>
                <td data-label={t('radio.channel')} safe>
                  {channelName(p.channelId)}
                </td>
                <td data-label={t('radio.hosts')} safe>
                  {p.hosts.map((h) => h.name).join(', ') || '—'}
                </td>
                <td data-label={t('radio.slots')} safe>
                  {p.slots.map(slotText).join('; ') || t('radio.noSlots')}
                </td>
                <td data-label={t('radio.state')}>{p.isActive ? t('radio.active') : t('radio.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </NewsroomLayout>
  );
}
