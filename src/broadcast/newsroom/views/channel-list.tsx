// The channels of an edition: name, zone, streams' formats, programs, state, schedule link.
import { EditionPicker, newsroomText as t, type EditionChoice, type NewsroomPage } from '../../../newsroom/index.ts';
import type { NewsroomChannel } from '../queries.ts';
import { FORMAT_NAMES } from './fields.tsx';
import { RadioListPage } from './list-table.tsx';
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
  return (
    <RadioListPage<NewsroomChannel>
      page={props.page}
      title={t('radio.channelsOf', { edition: props.edition.name })}
      create={{
        href: `/newsroom/radio/channels/new?edition=${encodeURIComponent(props.edition.code)}`,
        label: t('radio.newChannel'),
      }}
      notice={props.notice}
      empty={t('radio.noChannels')}
      rows={props.channels}
      columns={[
        {
          label: t('radio.name'),
          html: (c) => (
            <a href={channelPath(c.id)} safe>
              {c.name}
            </a>
          ),
        },
        { label: t('radio.timeZone'), text: (c) => c.timeZone },
        { label: t('radio.streams'), text: (c) => c.streams.map((s) => FORMAT_NAMES[s.format]).join(', ') },
        { label: t('radio.programs'), text: (c) => String(props.programCounts.get(c.id) ?? 0) },
        { label: t('radio.state'), text: (c) => (c.isActive ? t('radio.active') : t('radio.inactive')) },
        {
          label: t('radio.schedule'),
          html: (c) => (
            <a href={schedulePath(c.id)}>
              {t('radio.scheduleChanges')}
              <span class="visually-hidden" safe>{`: ${c.name}`}</span>
            </a>
          ),
        },
      ]}
    >
      <EditionPicker action="/newsroom/radio/channels" editions={props.editions} current={props.edition.code} />
    </RadioListPage>
  );
}
