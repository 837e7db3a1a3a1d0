// The newsroom's article pages: the list with its filters, and the article form.
import type { ArticleStatus } from '../../core/db/schema.ts';
import { MediaPickerField } from '../../media/index.ts';
import {
  can,
  CsrfField,
  NewsroomLayout,
  Notice,
  Problems,
  toLocalInput,
  newsroomText as t,
  type NewsroomKey,
  type NewsroomPage,
  type Staff,
} from '../../newsroom/index.ts';
import type { FormValues } from './form.ts';
import type { FormChoices, ListedArticle, ListFilters, Revision, StatusStep, TranslationEntry } from './queries.ts';
import { isShortQuery, SHORT_QUERY_WINDOW } from './title-search.ts';

const STATUSES = ['draft', 'review', 'scheduled', 'published', 'archived'] as const;

/** A status's name ('scheduled': published at a time still to come). */
function statusName(status: string): string {
  return (STATUSES as readonly string[]).includes(status) ? t(`articles.status.${status}` as NewsroomKey) : status;
}

function statusLabel(status: ArticleStatus, publishedAt: Date | null, now: Date): string {
  return statusName(status === 'published' && publishedAt && publishedAt > now ? 'scheduled' : status);
}

function dateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** A listed time in the site's zone; the newsroom's script titles it with the reader's own. */
function LocalTime(props: { date: Date; timeZone: string }): JSX.Element {
  return (
    <time
      datetime={props.date.toISOString()}
      data-site-zone={props.timeZone}
      data-local-title={t('localTime.title')}
      safe
    >
      {dateTime(props.date, props.timeZone)}
    </time>
  );
}

export function ArticleListPage(props: {
  page: NewsroomPage;
  staff: Staff;
  filters: ListFilters & { edition?: string };
  categories: readonly { id: number; name: string; edition: string }[];
  rows: readonly ListedArticle[];
  nextUrl: string | undefined;
  timeZone: string;
  now: Date;
}): JSX.Element {
  const { filters, staff } = props;
  const shortQuery = filters.q !== undefined && isShortQuery(filters.q);
  return (
    <NewsroomLayout {...props.page} title={t('articles.title')}>
      <div class="nr-heading-row">
        <h1>{t('articles.title')}</h1>
        <div class="nr-heading-actions">
          {staff.editions.map((edition) =>
            can(staff, 'article.create', { edition }) ? (
              <a class="nr-button nr-button-primary" href={`/newsroom/articles/new?edition=${edition}`} safe>
                {t('articles.new', { edition: edition.toUpperCase() })}
              </a>
            ) : (
              ''
            ),
          )}
        </div>
      </div>
      <form method="get" action="/newsroom/articles" class="nr-filters" role="search" aria-label={t('articles.filter')}>
        <div class="nr-field">
          <label for="q">{t('articles.titleContains')}</label>
          <input
            id="q"
            name="q"
            type="search"
            value={filters.q ?? ''}
            maxlength="200"
            aria-describedby={shortQuery ? 'q-hint' : undefined}
          />
        </div>
        <div class="nr-field">
          <label for="status">{t('articles.status')}</label>
          <select id="status" name="status">
            <option value="">{t('articles.any')}</option>
            {STATUSES.map((s) => (
              <option value={s} selected={filters.status === s} safe>
                {statusName(s)}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="edition">{t('articles.edition')}</label>
          <select id="edition" name="edition">
            <option value="">{t('articles.allMine')}</option>
            {staff.editions.map((e) => (
              <option value={e} selected={filters.edition === e} safe>
                {e.toUpperCase()}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field">
          <label for="category">{t('articles.section')}</label>
          <select id="category" name="category">
            <option value="">{t('articles.any')}</option>
            {props.categories.map((c) => (
              <option value={String(c.id)} selected={filters.categoryId === c.id} safe>
                {`${c.name} (${c.edition.toUpperCase()})`}
              </option>
            ))}
          </select>
        </div>
        <div class="nr-field nr-field-check">
          <input id="mine" name="mine" type="checkbox" checked={filters.ownerId === staff.id} />
          <label for="mine">{t('articles.onlyMine')}</label>
        </div>
        <button type="submit" class="nr-button">
          {t('articles.filterButton')}
        </button>
      </form>
      {shortQuery ? (
        <p class="nr-hint" id="q-hint" safe>
          {t('articles.shortSearch', { count: SHORT_QUERY_WINDOW.toLocaleString('en') })}
        </p>
      ) : (
        ''
      )}
      {props.rows.length === 0 ? (
        <p>{t('articles.none')}</p>
      ) : (
        <table class="nr-table">
          <caption class="visually-hidden">{t('articles.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('articles.colTitle')}</th>
              <th scope="col">{t('articles.status')}</th>
              <th scope="col">{t('articles.section')}</th>
              <th scope="col">{t('articles.colCreatedBy')}</th>
              <th scope="col">{t('articles.colChanged')}</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <td>
                  <a href={`/newsroom/articles/${row.id}`} safe>
                    {row.title}
                  </a>{' '}
                  <span class="nr-meta" safe>
                    {row.edition.toUpperCase()}
                  </span>
                </td>
                {/* data-label: the column's name, shown before the value where a row is a card (phone). */}
                <td data-label={t('articles.status')}>
                  <span safe>{statusLabel(row.status, row.publishedAt, props.now)}</span>
                  {row.status === 'published' && row.publishedAt !== null && row.publishedAt > props.now && (
                    <>
                      {' '}
                      <LocalTime date={row.publishedAt} timeZone={props.timeZone} />
                    </>
                  )}
                </td>
                <td data-label={t('articles.section')} safe>
                  {row.categoryName}
                </td>
                <td data-label={t('articles.colCreatedBy')} safe>
                  {row.ownerName ?? '—'}
                </td>
                <td data-label={t('articles.colChanged')}>
                  <LocalTime date={row.updatedAt} timeZone={props.timeZone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {props.rows.length > 0 && (
        <p class="nr-meta" safe>
          {t('localTime.siteZone', { zone: props.timeZone })}
        </p>
      )}
      {!!props.nextUrl && (
        <p>
          <a class="nr-button" href={props.nextUrl}>
            {t('articles.older')}
          </a>
        </p>
      )}
    </NewsroomLayout>
  );
}

export interface EditorProps {
  page: NewsroomPage;
  staff: Staff;
  edition: string;
  /** The stored article (undefined for a new one). */
  article?: {
    id: number;
    status: ArticleStatus;
    publishedAt: Date | null;
    createdBy: number | null;
    version: number;
    publicPath: string | null;
  };
  values: FormValues;
  choices: FormChoices;
  problems?: readonly string[];
  notice?: string;
  /** Set when the save was refused: someone saved a newer version. */
  conflict?: { version: number; by: string | null; at: Date };
  history?: readonly StatusStep[];
  /** The other editions' versions, and the editions it may still be translated into. */
  translations?: readonly TranslationEntry[];
  translateTo?: readonly { code: string; name: string }[];
  /** The article this one translates, shown beside the form (its stored, sanitised body). */
  source?: { id: number; edition: string; title: string; summary: string; safeBody: string; version: number };
  /** A signed link a colleague without an account can open. */
  shareUrl?: string;
  /** Colleagues who have this article open now. */
  others?: readonly string[];
  /** This person's unsaved changes from an earlier visit. */
  autosave?: { savedAt: Date; restored: boolean };
  timeZone: string;
  now: Date;
}

function TranslationsPanel(props: EditorProps): JSX.Element {
  const { article, staff } = props;
  if (!article) return <></>;
  const entries = props.translations ?? [];
  const targets = props.translateTo ?? [];
  return (
    <section aria-labelledby="translations-heading" class="nr-history">
      <h2 id="translations-heading">{t('articles.translations')}</h2>
      {entries.length === 0 ? (
        <p>{t('articles.noTranslations')}</p>
      ) : (
        <ul class="nr-list">
          {entries.map((e) => (
            <li>
              <a href={`/newsroom/articles/${e.id}`} lang={e.edition} safe>
                {e.title}
              </a>{' '}
              <span class="nr-meta" safe>
                {`${e.edition.toUpperCase()} · ${statusName(e.status)}${e.outOfDate ? ` · ${t('articles.outOfDate')}` : ''}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      {targets.length > 0 && (
        <form method="post" action={`/newsroom/articles/${article.id}/translate`} class="nr-inline-form">
          <CsrfField token={staff.csrfToken} />
          <label for="translate-to">{t('articles.translateTo')}</label>
          <select id="translate-to" name="to">
            {targets.map((e) => (
              <option value={e.code} safe>
                {e.name}
              </option>
            ))}
          </select>
          <button type="submit" class="nr-button">
            {t('articles.startTranslation')}
          </button>
        </form>
      )}
    </section>
  );
}

function Field(props: {
  name: string;
  label: string;
  values: FormValues;
  hint?: string;
  required?: boolean;
  maxlength?: number;
  type?: string;
}): JSX.Element {
  const hintId = props.hint ? `${props.name}-hint` : undefined;
  return (
    <div class="nr-field">
      <label for={props.name} safe>
        {props.label}
      </label>
      <input
        id={props.name}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        required={props.required}
        maxlength={props.maxlength === undefined ? undefined : String(props.maxlength)}
        aria-describedby={hintId}
      />
      {!!props.hint && (
        <p class="nr-hint" id={hintId} safe>
          {props.hint}
        </p>
      )}
    </div>
  );
}

export function ArticleEditorPage(props: EditorProps): JSX.Element {
  const { values, article, staff, choices } = props;
  const resource = { edition: props.edition, ownerId: article?.createdBy ?? staff.id, status: article?.status };
  const mayPublish = can(staff, 'article.publish', resource);
  const status = article ? statusLabel(article.status, article.publishedAt, props.now) : t('articles.status.new');
  const action = article ? `/newsroom/articles/${article.id}` : `/newsroom/articles?edition=${props.edition}`;
  const title = article
    ? t('articles.edit', { title: values.title || t('articles.untitled') })
    : t('articles.new', { edition: props.edition.toUpperCase() });
  const safeSourceBody = props.source?.safeBody ?? '';
  return (
    <NewsroomLayout {...props.page} title={title}>
      <div class="nr-heading-row">
        <h1 safe>{title}</h1>
        <p class="nr-meta">
          <span class="nr-status" safe>{`${status} · ${props.edition.toUpperCase()}`}</span>
          {!!article?.publicPath && (
            <>
              {' · '}
              <a href={article.publicPath}>{t('articles.viewOnSite')}</a>
            </>
          )}
          {!!article && (
            <>
              {' · '}
              <a href={`/newsroom/articles/${article.id}/revisions`}>{t('articles.revisions')}</a>
            </>
          )}
        </p>
      </div>
      <Notice text={props.notice} />
      {!!article && (
        <p id="presence" class="nr-presence" role="status">
          {props.others && props.others.length > 0 ? t('articles.othersOpen', { names: props.others.join(', ') }) : ''}
        </p>
      )}
      {!!props.autosave && !props.autosave.restored && !!article && (
        <p class="nr-notice">
          <span safe>{t('articles.autosaved', { at: dateTime(props.autosave.savedAt, props.timeZone) })}</span>{' '}
          <a href={`/newsroom/articles/${article.id}?restore=autosave`}>{t('articles.restoreAutosave')}</a>
        </p>
      )}
      {!!props.autosave?.restored && <p class="nr-notice">{t('articles.autosaveRestored')}</p>}
      {!!props.conflict && (
        <div class="nr-problems" role="alert">
          <p safe>
            {t('articles.conflict', {
              who: props.conflict.by ?? t('articles.someoneElse'),
              at: dateTime(props.conflict.at, props.timeZone),
              version: props.conflict.version,
            })}
          </p>
          {!!article && (
            <p>
              <a class="nr-solo-link" href={`/newsroom/articles/${article.id}/revisions`}>
                {t('articles.compare')}
              </a>
            </p>
          )}
        </div>
      )}
      <Problems problems={props.problems ?? []} />
      {!!props.source && (
        <details class="nr-source" open>
          <summary safe>
            {t('articles.source', {
              edition: props.source.edition.toUpperCase(),
              version: props.source.version,
              title: props.source.title,
            })}
          </summary>
          <div class="nr-source-body" lang={props.source.edition}>
            <p class="nr-source-summary" safe>
              {props.source.summary}
            </p>
            {safeSourceBody}
          </div>
        </details>
      )}
      <form
        method="post"
        action={action}
        class="nr-form nr-editor-form"
        data-heartbeat-url={article ? `/newsroom/articles/${article.id}/heartbeat` : undefined}
        data-csrf-token={staff.csrfToken}
        data-saved-label={t('articles.autosaveDone')}
        data-others-label={t('articles.othersOpen')}
      >
        <CsrfField token={staff.csrfToken} />
        <input type="hidden" name="version" value={values.version ?? ''} />
        <div class="nr-editor-main">
          <Field name="title" label={t('articles.headline')} values={values} required maxlength={300} />
          <Field name="slug" label={t('articles.slug')} values={values} maxlength={200} hint={t('articles.slugHint')} />
          <div class="nr-field">
            <label for="summary">{t('articles.summary')}</label>
            <textarea id="summary" name="summary" rows="3" maxlength="2000" safe>
              {values.summary ?? ''}
            </textarea>
          </div>
          <div class="nr-field">
            <label for="bodyHtml">{t('articles.story')}</label>
            <textarea
              id="bodyHtml"
              name="bodyHtml"
              rows="18"
              data-rich-editor
              data-upload-url={article ? `/newsroom/media/upload?article=${article.id}` : undefined}
              data-csrf-token={staff.csrfToken}
              aria-describedby={article ? undefined : 'body-hint'}
              safe
            >
              {values.bodyHtml ?? ''}
            </textarea>
            {!article && (
              <p class="nr-hint" id="body-hint">
                {t('articles.imagesAfterSave')}
              </p>
            )}
          </div>
          <Field name="dateline" label={t('articles.dateline')} values={values} maxlength={100} />
          <Field
            name="source"
            label={t('articles.sourceField')}
            values={values}
            maxlength={200}
            hint={t('articles.sourceHint')}
          />
          <div class="nr-field">
            <label for="correctionNote">{t('articles.correction')}</label>
            <textarea
              id="correctionNote"
              name="correctionNote"
              rows="2"
              maxlength="2000"
              aria-describedby="correction-hint"
              safe
            >
              {values.correctionNote ?? ''}
            </textarea>
            <p class="nr-hint" id="correction-hint">
              {t('articles.correctionHint')}
            </p>
          </div>
        </div>
        <div class="nr-editor-side">
          <div class="nr-field">
            <label for="categoryId">{t('articles.section')}</label>
            <select id="categoryId" name="categoryId" required>
              {/* A required list starts with an empty choice: no section is picked by accident. */}
              <option value="">{t('articles.chooseSection')}</option>
              {choices.categories.map((c) => (
                <option value={String(c.id)} selected={values.categoryId === String(c.id)} safe>
                  {`${'– '.repeat(c.depth)}${c.name}`}
                </option>
              ))}
            </select>
          </div>
          <div class="nr-field">
            <label for="tags">{t('articles.tags')}</label>
            <input
              id="tags"
              name="tags"
              type="text"
              list="tag-list"
              value={values.tags ?? ''}
              aria-describedby="tags-hint"
            />
            <datalist id="tag-list">
              {choices.tags.map((t) => (
                <option value={t} />
              ))}
            </datalist>
            <p class="nr-hint" id="tags-hint">
              {t('articles.tagsHint')}
            </p>
          </div>
          <div class="nr-field">
            <label for="authorId">{t('articles.author')}</label>
            <select id="authorId" name="authorId">
              <option value="">{t('articles.noAuthor')}</option>
              {choices.authors.map((a) => (
                <option value={String(a.id)} selected={values.authorId === String(a.id)} safe>
                  {a.name}
                </option>
              ))}
            </select>
          </div>
          <Field
            name="byline"
            label={t('articles.byline')}
            values={values}
            maxlength={200}
            hint={t('articles.bylineHint')}
          />
          {/* The photo: its number, its text, and the library picker. */}
          <MediaPickerField
            name="featuredMediaId"
            legend={t('articles.photo')}
            value={values.featuredMediaId ?? ''}
            alt={values.imageAlt}
            edition={props.edition}
            isAllImages={can(staff, 'media.manage')}
            safeNumberField={
              <Field
                name="featuredMediaId"
                label={t('articles.imageNumber')}
                values={values}
                hint={t('articles.imageNumberHint')}
              />
            }
          >
            <Field name="imageAlt" label={t('articles.alt')} values={values} maxlength={500} />
            <Field name="imageCaption" label={t('articles.caption.field')} values={values} maxlength={1000} />
            <Field name="imageCredit" label={t('articles.credit')} values={values} maxlength={300} />
          </MediaPickerField>
          <div class="nr-field nr-field-check">
            <input id="isFeatured" name="isFeatured" type="checkbox" checked={values.isFeatured === 'on'} />
            <label for="isFeatured">{t('articles.featured')}</label>
          </div>
          <div class="nr-field">
            <label for="publishAt">{t('articles.publishAt')}</label>
            <input
              id="publishAt"
              name="publishAt"
              type="datetime-local"
              value={values.publishAt ?? ''}
              aria-describedby="publish-hint"
              data-site-zone={props.timeZone}
              data-local-label={t('localTime.line')}
            />
            <p class="nr-hint" id="publish-hint" safe>
              {t('articles.publishHint', { zone: props.timeZone })}
            </p>
          </div>
          <div class="nr-field">
            <label for="unpublishAt">{t('articles.unpublishAt')}</label>
            <input
              id="unpublishAt"
              name="unpublishAt"
              type="datetime-local"
              value={values.unpublishAt ?? ''}
              aria-describedby="unpublish-hint"
              data-site-zone={props.timeZone}
              data-local-label={t('localTime.line')}
            />
            <p class="nr-hint" id="unpublish-hint" safe>
              {t('articles.unpublishHint', { zone: props.timeZone })}
            </p>
          </div>
          <div class="nr-field">
            <label for="comment">{t('articles.comment')}</label>
            <textarea id="comment" name="comment" rows="2" maxlength="2000" aria-describedby="comment-hint"></textarea>
            <p class="nr-hint" id="comment-hint">
              {t('articles.commentHint')}
            </p>
          </div>
          <p id="autosave-status" class="nr-hint" role="status"></p>
          <div class="nr-actions">
            <button type="submit" name="step" value="save" class="nr-button">
              {article ? t('articles.save') : t('articles.saveDraft')}
            </button>
            {(!article || article.status === 'draft') && (
              <button type="submit" name="step" value="submit" class="nr-button">
                {t('articles.submit')}
              </button>
            )}
            {mayPublish && (
              <button type="submit" name="step" value="publish" class="nr-button nr-button-primary">
                {article?.status === 'published' ? t('articles.publishChanges') : t('articles.publish')}
              </button>
            )}
            {mayPublish && article?.status === 'review' && (
              <button type="submit" name="step" value="return" class="nr-button">
                {t('articles.return')}
              </button>
            )}
            {mayPublish && article?.status === 'published' && (
              <button type="submit" name="step" value="unpublish" class="nr-button nr-button-danger">
                {t('articles.unpublish')}
              </button>
            )}
          </div>
        </div>
      </form>
      <div class="nr-editor-after">
        {!!article && (
          <section aria-labelledby="preview-heading" class="nr-history">
            <h2 id="preview-heading">{t('articles.preview')}</h2>
            <p>
              <a class="nr-solo-link" href={`/newsroom/articles/${article.id}/preview`}>
                {t('articles.previewLink')}
              </a>
            </p>
            {!!props.shareUrl && (
              <div class="nr-field">
                <label for="share-url">{t('articles.shareLink')}</label>
                <input id="share-url" type="text" readonly value={props.shareUrl} />
              </div>
            )}
          </section>
        )}
        <TranslationsPanel {...props} />
        {!!props.history && props.history.length > 0 && (
          <section aria-labelledby="history-heading" class="nr-history">
            <h2 id="history-heading">{t('articles.history')}</h2>
            <ol class="nr-list">
              {props.history.map((h) => (
                <li>
                  <span safe>{`${statusName(h.to)} · ${h.actorName ?? t('articles.system')} · `}</span>
                  <time datetime={h.at.toISOString()} safe>
                    {dateTime(h.at, props.timeZone)}
                  </time>
                  {!!h.comment && (
                    <p class="nr-comment" safe>
                      {h.comment}
                    </p>
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
      </div>
    </NewsroomLayout>
  );
}

/** Lines of a text that differ between two versions: removed (-) and added (+), in order. */
export function lineDiff(before: string, after: string): { kind: ' ' | '-' | '+'; text: string }[] {
  // An empty text has no lines (not one empty line: the first version would show a removal).
  const a = before === '' ? [] : before.split('\n');
  const b = after === '' ? [] : after.split('\n');
  // Longest common subsequence over lines; stories are at most a few hundred lines.
  const n = a.length;
  const m = b.length;
  if (n * m > 4_000_000)
    return [...a.map((text) => ({ kind: '-' as const, text })), ...b.map((text) => ({ kind: '+' as const, text }))];
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: { kind: ' ' | '-' | '+'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      out.push({ kind: ' ', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) out.push({ kind: '-', text: a[i++]! });
    else out.push({ kind: '+', text: b[j++]! });
  }
  while (i < n) out.push({ kind: '-', text: a[i++]! });
  while (j < m) out.push({ kind: '+', text: b[j++]! });
  return out;
}

/** A revision's fields as lines (one field per block, the story one paragraph per line). */
function revisionText(snapshot: Record<string, unknown>): string {
  const body = String(snapshot.bodyHtml ?? '').replace(/(<\/(?:p|h2|h3|h4|li|figure|blockquote)>)/g, '$1\n');
  return [
    `Headline: ${String(snapshot.title ?? '')}`,
    `Summary: ${String(snapshot.summary ?? '')}`,
    `Status: ${String(snapshot.status ?? '')}`,
    `Tags: ${Array.isArray(snapshot.tags) ? snapshot.tags.join(', ') : ''}`,
    ...body.split('\n').filter((l) => l.trim() !== ''),
  ].join('\n');
}

export function RevisionsPage(props: {
  page: NewsroomPage;
  staff: Staff;
  articleId: number;
  title: string;
  revisions: readonly Revision[];
  /** The revision shown against the one before it. */
  selected: Revision | undefined;
  previous: Revision | undefined;
  mayRestore: boolean;
  timeZone: string;
}): JSX.Element {
  const { selected, previous } = props;
  const diff = selected
    ? lineDiff(previous ? revisionText(previous.snapshot) : '', revisionText(selected.snapshot))
    : [];
  return (
    <NewsroomLayout {...props.page} title={t('articles.revisionsOf', { title: props.title })}>
      <h1 safe>{t('articles.revisionsOf', { title: props.title })}</h1>
      <p>
        <a class="nr-solo-link" href={`/newsroom/articles/${props.articleId}`}>
          {t('articles.back')}
        </a>
      </p>
      <div class="nr-columns">
        <section class="nr-panel" aria-labelledby="revisions-heading">
          <h2 id="revisions-heading">{t('articles.savedVersions')}</h2>
          {props.revisions.length === 0 && <p>{t('articles.noRevisions')}</p>}
          <ol class="nr-list">
            {props.revisions.map((r) => (
              <li>
                <a
                  href={`/newsroom/articles/${props.articleId}/revisions?show=${r.id}`}
                  aria-current={selected?.id === r.id ? 'true' : undefined}
                  safe
                >
                  {r.snapshot.conflictOf
                    ? t('articles.versionConflict', { version: r.version })
                    : t('articles.version', { version: r.version })}
                </a>{' '}
                <span
                  class="nr-meta"
                  safe
                >{`${r.actorName ?? t('articles.system')} · ${dateTime(r.at, props.timeZone)}`}</span>
              </li>
            ))}
          </ol>
        </section>
        {!!selected && (
          <section class="nr-panel" aria-labelledby="diff-heading">
            <h2 id="diff-heading" safe>
              {previous
                ? t('articles.versionAgainst', { version: selected.version, previous: previous.version })
                : t('articles.versionFirst', { version: selected.version })}
            </h2>
            <p class="nr-hint">{t('articles.diffHint')}</p>
            <div class="nr-diff">
              {diff.map((line) =>
                line.kind === '-' ? (
                  <del>
                    <span aria-hidden="true">− </span>
                    <span safe>{line.text}</span>
                  </del>
                ) : line.kind === '+' ? (
                  <ins>
                    <span aria-hidden="true">+ </span>
                    <span safe>{line.text}</span>
                  </ins>
                ) : (
                  <span class="nr-diff-same" safe>
                    {line.text}
                  </span>
                ),
              )}
            </div>
            {props.mayRestore && (
              <form method="post" action={`/newsroom/articles/${props.articleId}/revisions/${selected.id}/restore`}>
                <CsrfField token={props.staff.csrfToken} />
                <button type="submit" class="nr-button" safe>
                  {t('articles.restore', { version: selected.version })}
                </button>
              </form>
            )}
          </section>
        )}
      </div>
    </NewsroomLayout>
  );
}

/** The form's values for a stored article. */
export function valuesOf(
  a: {
    title: string;
    slug: string;
    summary: string;
    body_html: string;
    dateline: string;
    source: string;
    byline: string | null;
    author_id: number | null;
    category_id: number;
    tags: readonly string[];
    is_featured: number | boolean;
    featured_media_id: number | null;
    image_alt: string;
    image_caption: string;
    image_credit: string;
    correction_note: string;
    published_at: Date | string | null;
    unpublish_at?: Date | string | null;
    version: number;
  },
  timeZone: string,
): FormValues {
  return {
    title: a.title,
    slug: a.slug,
    summary: a.summary,
    bodyHtml: a.body_html,
    dateline: a.dateline,
    source: a.source,
    byline: a.byline ?? '',
    authorId: a.author_id === null ? '' : String(a.author_id),
    categoryId: String(a.category_id),
    tags: a.tags.join(', '),
    isFeatured: a.is_featured === true || a.is_featured === 1 ? 'on' : '',
    featuredMediaId: a.featured_media_id === null ? '' : String(a.featured_media_id),
    imageAlt: a.image_alt,
    imageCaption: a.image_caption,
    imageCredit: a.image_credit,
    correctionNote: a.correction_note,
    publishAt: a.published_at === null ? '' : toLocalInput(new Date(a.published_at), timeZone),
    unpublishAt: a.unpublish_at ? toLocalInput(new Date(a.unpublish_at), timeZone) : '',
    version: String(a.version),
  };
}
