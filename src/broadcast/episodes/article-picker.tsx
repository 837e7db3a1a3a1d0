// The episode form's "Find an article": GET /newsroom/episodes/article-picker?q=…&edition=… answers
// the edition's articles whose title or slug contains q (the article list's own title search, its
// first page, newest change first) as an HTML fragment, each with an "Add" button, which
// client/newsroom/article-picker.ts puts under the search box. Without q: the newest articles.
import type { FastifyReply } from 'fastify';
import type { DomainRoutes } from '../../context.ts';
// The article list's own query, title search included: one search in the newsroom, not two. Until
// src/articles/index.ts exports it, this deep import is the one the domain-through-index rule flags.
import { listArticles, type ListedArticle } from '../../articles/index.ts';
import { can, sendHtml, staffOf, newsroomText as t, type NewsroomKey } from '../../newsroom/index.ts';

/** The longest search taken (as the article list's search box). */
const MAX_QUERY = 200;
/** The parameters the picker reads; any other is a mistake worth saying so. */
const PARAMS = ['q', 'edition'] as const;

/** What the picker was asked for. */
export interface ArticlePickerRequest {
  readonly q?: string;
  readonly edition: string;
}

/** The picker's parameters, or every problem with them (one line each, naming the parameter). */
export function readArticlePickerQuery(
  query: Readonly<Record<string, unknown>>,
  isEdition: (code: string) => boolean,
): { request?: ArticlePickerRequest; problems: string[] } {
  const problems: string[] = [];
  const text: Partial<Record<(typeof PARAMS)[number], string>> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!(PARAMS as readonly string[]).includes(name)) problems.push(t('episodes.pickerProblemUnknown', { name }));
    else if (typeof value !== 'string') problems.push(t('picker.problemTwice', { name }));
    else text[name as (typeof PARAMS)[number]] = value;
  }
  const q = text.q?.trim() ?? '';
  if ([...q].length > MAX_QUERY) problems.push(t('picker.problemLong', { max: MAX_QUERY }));
  const edition = text.edition ?? '';
  if (edition === '') problems.push(t('episodes.pickerProblemEdition'));
  else if (!isEdition(edition)) problems.push(t('picker.problemEdition', { edition }));
  return problems.length ? { problems } : { request: { q: q || undefined, edition }, problems };
}

const STATUS_LABEL: Readonly<Record<string, NewsroomKey>> = {
  draft: 'articles.status.draft',
  review: 'articles.status.review',
  published: 'articles.status.published',
  scheduled: 'articles.status.scheduled',
  archived: 'articles.status.archived',
};

/** One article to add: its title, what tells it apart from a namesake, and the button. */
function ArticleChoice(props: { article: ListedArticle; now: Date; format: (date: Date) => string }): JSX.Element {
  const { article } = props;
  const status =
    article.status === 'published' && article.publishedAt && article.publishedAt > props.now
      ? 'scheduled'
      : article.status;
  const metaId = `article-choice-${article.id}`;
  return (
    <li class="nr-article-choice">
      <span class="nr-article-choice-title" dir="auto" safe>
        {article.title}
      </span>
      <span class="nr-meta" id={metaId} safe>
        {t('episodes.articleMeta', {
          id: article.id,
          status: STATUS_LABEL[status] ? t(STATUS_LABEL[status]) : status,
          time: props.format(article.updatedAt),
        })}
      </span>
      <button
        type="button"
        class="nr-button"
        data-article-add
        data-article-id={String(article.id)}
        data-article-title={article.title}
        aria-describedby={metaId}
      >
        {t('episodes.articleAdd')}
        {/* The button's name says which article: many "Add" buttons are listed. */}
        <span class="visually-hidden" safe>{` “${article.title}”`}</span>
      </button>
    </li>
  );
}

/** The picker's answer: the articles found, or why there are none, and whether more match. */
export function ArticlePickerPage(props: {
  articles: readonly ListedArticle[];
  isSearch: boolean;
  isShort: boolean;
  hasMore: boolean;
  now: Date;
  format: (date: Date) => string;
}): JSX.Element {
  return (
    <div class="nr-article-page" data-article-page data-count={String(props.articles.length)}>
      {props.isSearch ? '' : <p class="nr-hint">{t('episodes.articleRecent')}</p>}
      {props.articles.length === 0 ? (
        <p class="nr-hint" data-article-empty>
          {t('episodes.articleNone')}
        </p>
      ) : (
        <ul class="nr-article-choices" aria-label={t('episodes.articleResults')}>
          {props.articles.map((article) => (
            <ArticleChoice article={article} now={props.now} format={props.format} />
          ))}
        </ul>
      )}
      {props.hasMore ? <p class="nr-hint">{t('episodes.articleMore')}</p> : ''}
      {props.isShort ? <p class="nr-hint">{t('episodes.articleShort')}</p> : ''}
    </div>
  );
}

/** A refusal as a fragment the form can show, with the status that says why. */
function sendProblem(reply: FastifyReply, status: number, problems: readonly string[]) {
  return sendHtml(
    reply,
    <div class="nr-problems" role="alert" data-article-page>
      {problems.map((problem) => (
        <p safe>{problem}</p>
      ))}
    </div>,
    status,
  );
}

/** The picker's route, inside the episodes' plugin (whose hook asks for 'episode.manage' first). */
export const articlePickerRoutes: DomainRoutes = async (app, { ctx }) => {
  const format = (date: Date) => ctx.editions.get(ctx.settings.defaultEdition)?.f.dateTime(date) ?? date.toISOString();

  app.get<{ Querystring: Record<string, unknown> }>('/episodes/article-picker', async (request, reply) => {
    const staff = staffOf(request);
    const { request: asked, problems } = readArticlePickerQuery(request.query, (code) => !!ctx.editions.get(code));
    if (!asked) return sendProblem(reply, 400, problems);
    // Only the edition the episode is in: an article of another edition could not be linked.
    if (!can(staff, 'episode.manage', { edition: asked.edition }))
      return sendProblem(reply, 403, [t('picker.problemNotYourEdition', { edition: asked.edition })]);
    const now = ctx.now();
    const { rows, more } = await listArticles(ctx.db, { editions: [asked.edition], q: asked.q }, now);
    return sendHtml(
      reply,
      <ArticlePickerPage
        articles={rows}
        isSearch={!!asked.q}
        isShort={!!asked.q && [...asked.q].length < 3}
        hasMore={more}
        now={now}
        format={format}
      />,
    );
  });
};
