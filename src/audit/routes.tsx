// /newsroom/audit: the audit log for administrators, filtered and paged by keyset.
import type { DomainRoutes } from '../context.ts';
import { isoInZone } from '../i18n/index.ts';
import { newsroomPage, newsroomText as t, requirePermission, sendHtml, type NewsroomKey } from '../newsroom/index.ts';
import { actionKey, AUDITED_EVENTS, integritySubjectOf, isAuditedEvent } from './actions.ts';
import { auditPath, readAuditParams, toFilter } from './params.ts';
import { articleTitles, listAuditEntries, listPeople, userNames, type AuditEntry } from './queries.ts';
import { AuditPage, type AuditRow } from './views/audit-page.tsx';

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(timeZone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone });
    timeFormats.set(timeZone, format);
  }
  return format;
}

const SUBJECT_LABELS: Readonly<Record<string, NewsroomKey>> = {
  article: 'audit.subject.article',
  category: 'audit.subject.category',
  page: 'audit.subject.page',
  user: 'audit.subject.user',
  media: 'audit.subject.media',
  tag: 'audit.subject.tag',
};

const ROLE_LABELS: Readonly<Record<string, NewsroomKey>> = {
  admin: 'people.role.admin',
  editor: 'people.role.editor',
  author: 'people.role.author',
  contributor: 'people.role.contributor',
  integrity_officer: 'people.role.integrity_officer',
};

/** What the page needs besides the entries: names of people and titles of articles still there. */
interface Lookups {
  readonly names: ReadonlyMap<number, string>;
  readonly titles: ReadonlyMap<number, string>;
  readonly format: Intl.DateTimeFormat;
}

/** The sentence of an entry (its type when the log no longer knows the action). */
function describe(entry: AuditEntry, lookups: Lookups): string {
  const { action, detail } = entry;
  if (!isAuditedEvent(action)) return action;
  if (action === 'article.published' && typeof detail.publishedAt === 'string') {
    const at = new Date(detail.publishedAt);
    // Published for a later minute: a scheduled story.
    if (at.getTime() > entry.at.getTime() + 60_000) return t('audit.scheduled', { time: lookups.format.format(at) });
  }
  if (action === 'user.role_changed' && typeof detail.role === 'string') {
    const role = ROLE_LABELS[detail.role];
    return t('audit.roleChanged', { role: role ? t(role) : detail.role });
  }
  return t(actionKey(action));
}

/** Who acted: a name; "system" for no one; for a failed sign-in, the account tried (if any). */
function whoOf(entry: AuditEntry, names: ReadonlyMap<number, string>): string {
  if (entry.actorId !== null) return names.get(entry.actorId) ?? t('audit.subject.user', { id: entry.actorId });
  if (entry.action === 'staff.sign_in_failed') {
    return entry.subjectId === null
      ? t('audit.unknownAccount')
      : (names.get(entry.subjectId) ?? t('audit.subject.user', { id: entry.subjectId }));
  }
  return t('audit.system');
}

function subjectOf(entry: AuditEntry, lookups: Lookups): AuditRow['subject'] {
  const integrity = integritySubjectOf(entry);
  if (integrity) return integrity;
  const { subjectType: type, subjectId: id } = entry;
  const edition = entry.edition ?? undefined;
  if (type === 'setting') {
    const key = typeof entry.detail.key === 'string' ? entry.detail.key : '';
    return { label: t('audit.subject.setting', { key }) };
  }
  if (type === 'edition' && entry.edition !== null) {
    const code = entry.edition;
    return { label: t('audit.subject.edition', { code }), href: `/newsroom/editions/${encodeURIComponent(code)}` };
  }
  if (type === null || id === null) return null;
  if (type === 'article' && lookups.titles.has(id)) {
    return { label: lookups.titles.get(id)!, href: `/newsroom/articles/${id}`, edition };
  }
  if (type === 'user' && lookups.names.has(id)) {
    return { label: lookups.names.get(id)!, href: `/newsroom/users/${id}` };
  }
  const label = SUBJECT_LABELS[type];
  return { label: label ? t(label, { id }) : `${type} ${id}`, edition };
}

export const auditRoutes: DomainRoutes = async (app, { ctx }) => {
  const actions = AUDITED_EVENTS.map((value) => ({ value, label: t(actionKey(value)) }));
  const knownActions = actions.map((a) => a.value);

  app.get<{ Querystring: Record<string, unknown> }>('/audit', async (request, reply) => {
    requirePermission(request, 'audit.view');
    const timeZone = ctx.settings.timezone;
    const params = readAuditParams(request.query, knownActions);
    const [{ entries, next }, people] = await Promise.all([
      listAuditEntries(ctx.db, toFilter(params, timeZone)),
      listPeople(ctx.db),
    ]);
    const userIds: number[] = [];
    const articleIds: number[] = [];
    for (const e of entries) {
      if (e.actorId !== null) userIds.push(e.actorId);
      if (e.subjectId !== null && e.subjectType === 'user') userIds.push(e.subjectId);
      if (e.subjectId !== null && e.subjectType === 'article') articleIds.push(e.subjectId);
    }
    const [names, titles] = await Promise.all([userNames(ctx.db, userIds), articleTitles(ctx.db, articleIds)]);
    const lookups: Lookups = { names, titles, format: timeFormat(timeZone) };
    const rows: AuditRow[] = entries.map((entry) => ({
      entry,
      time: lookups.format.format(entry.at),
      isoTime: isoInZone(entry.at, timeZone),
      who: whoOf(entry, names),
      what: describe(entry, lookups),
      subject: subjectOf(entry, lookups),
    }));
    return sendHtml(
      reply,
      <AuditPage
        page={await newsroomPage(ctx, request)}
        params={params}
        actions={actions}
        people={people}
        rows={rows}
        olderHref={next ? auditPath(params, next) : null}
        timeZone={timeZone}
      />,
    );
  });
};
