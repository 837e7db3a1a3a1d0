// The vote endpoints, all under /{edition}/news/ratings/ (the voter cookie's path): the form
// POST (303 back to the story, or a 403 confirm page without a cookie), the same POST as JSON
// for the script, and the script's cookie request. Every answer is private: no-store.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { articlePath } from '../articles/index.ts';
import type { AppContext } from '../context.ts';
import { acceptsHtml } from '../core/http/error-handler.ts';
import { isSecureSite } from '../core/http/cookies.ts';
import { AppError } from '../core/http/errors.ts';
import { ensureCookieSecret } from '../core/secret.ts';
import { ShortLivedCache } from '../core/short-lived-cache.ts';
import { ARTICLE_EVENTS } from '../articles/index.ts';
import { requireEdition, siteFor } from '../editions/index.ts';
import { describeRating, parseArticleId, parseRating, ratingPath } from './model.ts';
import { findRateableArticle, type RateableArticle } from './queries.ts';
import { TooManyVotes } from './service.ts';
import { VoteQueue } from './vote-queue.ts';
import { createAddressHasher, issueVoterId, readVoterId } from './voter.ts';
import { ConfirmRatingPage } from './views/confirm-page.tsx';

type VoteRequest = FastifyRequest<{ Params: { edition: string; id: string } }>;

/**
 * How long the route trusts its lookup of an article of this edition (its status and time, so
 * a scheduled story takes votes from its second on). Only for the request's own checks: the
 * vote's transaction looks again, under the article's lock.
 */
const ARTICLE_CHECK_MS = 2000;
/** Articles whose answer is kept (a few MB at most). */
const ARTICLE_CHECKS_KEPT = 10_000;

/** The ratings plugin. */
export async function ratingRoutes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  // Same secret as the cookie signatures (app.ts made sure it exists), but a key of its own.
  const isSecure = isSecureSite(ctx.config.baseUrl);
  const hashAddress = createAddressHasher(ensureCookieSecret(ctx.config.cookieSecret, ctx.config.dataDir));
  const votes = new VoteQueue(ctx.db);
  const articles = new ShortLivedCache<string, RateableArticle>(
    (key) => {
      const [edition, id] = key.split(':') as [string, string];
      return findRateableArticle(ctx.db, Number(id), edition);
    },
    ARTICLE_CHECK_MS,
    ARTICLE_CHECKS_KEPT,
  );
  ctx.events.on(ARTICLE_EVENTS, (event) => articles.forget(`${event.payload.edition}:${event.payload.articleId}`));

  // Runs after the error handler too, which would let caches keep a 4xx for a while.
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store');
    return payload;
  });

  app.get<{ Params: { edition: string } }>('/:edition/news/ratings/session', async (request, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    if (!readVoterId(request)) issueVoterId(reply, edition.code, isSecure);
    return reply.code(204).send();
  });

  app.post('/:edition/news/ratings/:id', { bodyLimit: 1024 }, async (request: VoteRequest, reply) => {
    const edition = requireEdition(ctx, request.params.edition);
    const { t } = edition;
    const articleId = parseArticleId(request.params.id, t);
    const rating = parseRating(fieldOf(request.body, 'rating'), t);
    const now = ctx.now();
    const article = await articles.get(`${edition.code}:${articleId}`, now);
    if (!article?.isPublishedAt(now)) throw new AppError('article_not_found', t('rating.noArticle'));
    const isJson = !acceptsHtml(request); // the error handler's rule, so both agree

    const voterId = readVoterId(request);
    if (!voterId) {
      // Nothing is recorded; the answer carries a cookie, so confirming (or the script's retry) can vote.
      issueVoterId(reply, edition.code, isSecure);
      if (isJson) throw new AppError('voter_cookie_required', t('rating.cookieRequired'));
      const site = await siteFor(ctx, request, edition);
      reply.code(403).type('text/html; charset=utf-8');
      return (
        <ConfirmRatingPage
          site={site}
          action={ratingPath(edition.code, article.id)}
          rating={rating}
          article={{ title: article.title, path: articlePath(article) }}
        />
      );
    }

    // Answered once the vote's batch has committed (vote-queue.ts).
    const result = await votes
      .submit({
        articleId: article.id,
        edition: edition.code,
        voterId,
        ipHash: hashAddress(request.ip),
        rating,
        now,
        limitPerHour: ctx.config.votesPerHourPerAddress,
        t,
      })
      .catch((error: unknown) => {
        if (error instanceof TooManyVotes) reply.header('retry-after', String(error.retryAfter));
        throw error;
      });

    const text = describeRating(t, result.sum, result.count);
    if (isJson) {
      return reply.send({
        rating: { articleId: article.id, yours: rating, sum: result.sum, count: result.count },
        text: Object.assign(text, { message: `${t('rating.saved', { count: rating })} ${text.label} ${text.votes}` }),
      });
    }
    // The totals in the query make a URL no browser or CDN has cached yet, so the story shows
    // the new average at once; the page's canonical link still names the plain URL.
    return reply.redirect(`${articlePath(article)}?rated=${result.count}-${result.sum}#rating`, 303);
  });

  // The vote URL only takes POST.
  app.route({
    method: ['GET', 'PUT', 'PATCH', 'DELETE'],
    url: '/:edition/news/ratings/:id',
    handler: async (request: VoteRequest, reply: FastifyReply) => {
      const edition = requireEdition(ctx, request.params.edition);
      reply.header('allow', 'POST');
      throw new AppError('method_not_allowed', edition.t('rating.useForm'));
    },
  });
}

/** A field of a parsed form or JSON object body; undefined for any other body. */
function fieldOf(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  return Object.hasOwn(body, name) ? (body as Record<string, unknown>)[name] : undefined;
}
