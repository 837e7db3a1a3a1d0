// The audit log page: the filter form, one table of entries (time, who, what, about what), and a
// link to the older entries. Pure: every name, title and sentence comes in through its props.
import { NewsroomLayout, newsroomText as t, type NewsroomPage } from '../../newsroom/index.ts';
import type { AuditEntry } from '../queries.ts';
import { auditPath, type AuditParams } from '../params.ts';

/** One entry, ready to show. */
export interface AuditRow {
  readonly entry: AuditEntry;
  /** The local time, and the same instant with its offset for <time datetime>. */
  readonly time: string;
  readonly isoTime: string;
  readonly who: string;
  readonly what: string;
  /** The subject's label, with a link while it still exists. */
  readonly subject: { readonly label: string; readonly href?: string; readonly edition?: string } | null;
}

export interface AuditPageProps {
  readonly page: NewsroomPage;
  readonly params: AuditParams;
  readonly actions: readonly { readonly value: string; readonly label: string }[];
  readonly people: readonly { readonly id: number; readonly name: string }[];
  readonly rows: readonly AuditRow[];
  /** The "Older entries" link, when there are older entries. */
  readonly olderHref: string | null;
  readonly timeZone: string;
}

function Filters(props: AuditPageProps): JSX.Element {
  const { params } = props;
  return (
    <form method="get" action="/newsroom/audit" class="nr-filters" aria-labelledby="filters-heading">
      <h2 id="filters-heading" class="visually-hidden">
        {t('audit.filters')}
      </h2>
      <div class="nr-field">
        <label for="filter-action">{t('audit.action')}</label>
        <select id="filter-action" name="action">
          <option value="">{t('audit.allActions')}</option>
          {props.actions.map((a) => (
            <option value={a.value} selected={a.value === params.action} safe>
              {a.label}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="filter-person">{t('audit.person')}</label>
        <select id="filter-person" name="person">
          <option value="">{t('audit.everyone')}</option>
          {props.people.map((p) => (
            <option value={String(p.id)} selected={p.id === params.actorId} safe>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div class="nr-field">
        <label for="filter-from">{t('audit.from')}</label>
        <input id="filter-from" name="from" type="date" value={params.from ?? ''} />
      </div>
      <div class="nr-field">
        <label for="filter-to">{t('audit.to')}</label>
        <input id="filter-to" name="to" type="date" value={params.to ?? ''} />
      </div>
      <button type="submit" class="nr-button nr-button-primary">
        {t('audit.show')}
      </button>
      <a href="/newsroom/audit">{t('audit.clear')}</a>
    </form>
  );
}

function SubjectCell(props: { subject: AuditRow['subject'] }): JSX.Element {
  const { subject } = props;
  if (!subject) return <td></td>;
  return (
    <td>
      {subject.href ? (
        <a href={subject.href} safe>
          {subject.label}
        </a>
      ) : (
        <span safe>{subject.label}</span>
      )}
      {subject.edition ? (
        <>
          {' '}
          <span class="nr-meta" safe>
            {subject.edition.toUpperCase()}
          </span>
        </>
      ) : (
        ''
      )}
    </td>
  );
}

/** The audit log page. */
export function AuditPage(props: AuditPageProps): JSX.Element {
  const isFirstPage = props.params.before === undefined;
  return (
    <NewsroomLayout {...props.page} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <Filters {...props} />
      {props.rows.length === 0 ? (
        <p role="status">{t('audit.none')}</p>
      ) : (
        <table class="nr-table">
          <caption>
            {t('audit.caption')}{' '}
            <span class="nr-meta" safe>
              {t('audit.captionTimeZone', { zone: props.timeZone })}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.time')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.subject')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <time datetime={row.isoTime} safe>
                    {row.time}
                  </time>
                </td>
                <td safe>{row.who}</td>
                <td safe>{row.what}</td>
                <SubjectCell subject={row.subject} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.olderHref !== null || !isFirstPage ? (
        <nav class="nr-pager" aria-label={t('audit.pages')}>
          <ul class="nr-list">
            {!isFirstPage && (
              <li>
                <a href={auditPath(props.params)}>{t('audit.newest')}</a>
              </li>
            )}
            {props.olderHref !== null ? (
              <li>
                <a href={props.olderHref} rel="next">
                  {t('audit.older')}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </NewsroomLayout>
  );
}
