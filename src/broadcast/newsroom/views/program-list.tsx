// The programs of an edition, of one channel or all: title, channel, hosts, slots, state.
import { newsroomText as t, type EditionChoice, type NewsroomPage } from '../../../newsroom/index.ts';
import type { NewsroomChannel, NewsroomProgram } from '../queries.ts';
import { RadioListPage } from './list-table.tsx';
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
    <RadioListPage<NewsroomProgram>
      page={props.page}
      title={title}
      create={
        props.channels.length > 0
          ? {
              href: `/newsroom/radio/programs/new?edition=${code}${props.channelId ? `&channel=${props.channelId}` : ''}`,
              label: t('radio.newProgram'),
            }
          : undefined
      }
      notice={props.notice}
      empty={props.channels.length === 0 ? t('radio.noChannelsForPrograms') : t('radio.noPrograms')}
      rows={props.programs}
      columns={[
        {
          label: t('radio.programTitle'),
          html: (p) => (
            <a href={programPath(p.id)} safe>
              {p.title}
            </a>
          ),
        },
        { label: t('radio.channel'), text: (p) => channelName(p.channelId) },
        { label: t('radio.hosts'), text: (p) => p.hosts.map((h) => h.name).join(', ') || '—' },
        { label: t('radio.slots'), text: (p) => p.slots.map(slotText).join('; ') || t('radio.noSlots') },
        { label: t('radio.state'), text: (p) => (p.isActive ? t('radio.active') : t('radio.inactive')) },
      ]}
    >
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
    </RadioListPage>
  );
}
