// The inbox's list: filters (type, status, whose), one table of reports newest first with what is
// stored in the clear (opaque id, type, status, edition, dates, assignee), and the pages. Nothing
// a reporter wrote is shown here; each report's content opens on its own page.
import {
  NewsroomLayout,
  newsroomText as t,
  SiteTime,
  siteDateTime,
  type NewsroomPage,
} from '../../../newsroom/index.ts';
import { REPORT_KINDS, REPORT_STATUSES, type InboxItem } from '../../reports/index.ts';
import { INBOX_PATH, inboxPath, reportPath, type InboxParams } from '../paths.ts';
import { kindLabel, statusLabel } from './labels.ts';

/** A listed report with the names the page shows. */
export interface InboxRow {
  readonly item: InboxItem;
  readonly editionName: string;
  readonly assigneeName: string | null;
}

export interface InboxPageProps {
  readonly page: NewsroomPage;
  readonly params: InboxParams;
  readonly rows: readonly InboxRow[];
  readonly hasMore: boolean;
  readonly timeZone: string;
}

function Filters(props: { params: InboxParams }): JSX.Element {
  const { params } = props;
  return (
    <form method="get" action={INBOX_PATH} class="nr-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="visually-hidden">
        {t('inbox.filters')}
      </h2>
      <div class="nr-field">
        <label for="filter-kind">{t('inbox.kind')}</label>
        <select id="filter-kind" name="kind">
          <option value="">{t('inbox.allKinds')}</option>
          {REPORT_KINDS.map((kind) => (
            <option value={kind} selected={kind === params.kind} safe>
              {kindLabel(kind)}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="filter-status">{t('inbox.status')}</label>
        <select id="filter-status" name="status">
          <option value="">{t('inbox.allStatuses')}</option>
          {REPORT_STATUSES.map((status) => (
            <option value={status} selected={status === params.status} safe>
              {statusLabel(status)}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="filter-assigned">{t('inbox.assigned')}</label>
        <select id="filter-assigned" name="assigned">
          <option value="">{t('inbox.assigned.anyone')}</option>
          <option value="me" selected={params.assigned === 'me'}>
            {t('inbox.assigned.me')}
          </option>
          <option value="none" selected={params.assigned === 'none'}>
            {t('inbox.assigned.none')}
          </option>
        </select>
      </div>
      <button type="submit" class="nr-button nr-button-primary">
        {t('inbox.show')}
      </button>
      <a class="nr-solo-link" href={INBOX_PATH}>
        {t('inbox.clear')}
      </a>
    </form>
  );
}

function Row(props: { row: InboxRow; timeZone: string }): JSX.Element {
  const { item } = props.row;
  return (
    <tr>
      <th scope="row" data-label={t('inbox.col.report')}>
        <a class="nr-inbox-id" href={reportPath(item.publicId)} safe>
          {item.publicId}
        </a>
      </th>
      <td data-label={t('inbox.col.kind')} safe>
        {kindLabel(item.kind)}
      </td>
      <td data-label={t('inbox.col.status')}>
        <span class={`nr-inbox-status nr-inbox-status-${item.status}`} safe>
          {statusLabel(item.status)}
        </span>
      </td>
      <td data-label={t('inbox.col.edition')} safe>
        {props.row.editionName}
      </td>
      <td data-label={t('inbox.col.received')}>
        <SiteTime
          date={item.receivedAt}
          timeZone={props.timeZone}
          text={siteDateTime(item.receivedAt, props.timeZone)}
        />
      </td>
      <td data-label={t('inbox.col.updated')}>
        <SiteTime date={item.updatedAt} timeZone={props.timeZone} text={siteDateTime(item.updatedAt, props.timeZone)} />
      </td>
      <td data-label={t('inbox.col.assignee')} safe>
        {props.row.assigneeName ?? t('inbox.nobody')}
      </td>
    </tr>
  );
}

/** The officers' inbox. */
export function InboxPage(props: InboxPageProps): JSX.Element {
  const { params } = props;
  const isFiltered = params.kind !== undefined || params.status !== undefined || params.assigned !== undefined;
  const heads = [
    t('inbox.col.report'),
    t('inbox.col.kind'),
    t('inbox.col.status'),
    t('inbox.col.edition'),
    t('inbox.col.received'),
    t('inbox.col.updated'),
    t('inbox.col.assignee'),
  ];
  return (
    <NewsroomLayout {...props.page} title={t('inbox.title')}>
      <h1>{t('inbox.title')}</h1>
      <p>{t('inbox.intro')}</p>
      <Filters params={params} />
      {props.rows.length === 0 ? (
        <p role="status">{isFiltered || params.page > 1 ? t('inbox.none') : t('inbox.empty')}</p>
      ) : (
        <table class="nr-table nr-inbox-table">
          <caption class="visually-hidden">{t('inbox.caption')}</caption>
          <thead>
            <tr>
              {heads.map((h) => (
                <th scope="col">{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <Row row={row} timeZone={props.timeZone} />
            ))}
          </tbody>
        </table>
      )}
      {params.page > 1 || props.hasMore ? (
        <nav class="nr-actions nr-pager" aria-label={t('inbox.pages')}>
          {params.page > 1 ? (
            <a class="nr-button" href={inboxPath({ ...params, page: params.page - 1 })}>
              {t('inbox.newer')}
            </a>
          ) : (
            ''
          )}
          {props.hasMore ? (
            <a class="nr-button" href={inboxPath({ ...params, page: params.page + 1 })} rel="next">
              {t('inbox.older')}
            </a>
          ) : (
            ''
          )}
        </nav>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}
