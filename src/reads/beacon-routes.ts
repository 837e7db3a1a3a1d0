// The read beacon: POST /api/reads/{id} from the page's script (answers with the fresh count)
// and GET /api/reads/{id}.gif from the no-script image. Nothing here writes to the database, and
// a request for a known article reads nothing from it either: counting is in memory (counter.ts).
// What counts: a reader's first open of an article in 30 minutes, up to a cap per address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { isSecureSite, READER_COOKIE } from '../core/http/cookies.ts';
import { AppError } from '../core/http/errors.ts';
import { ShortLivedCache } from '../core/short-lived-cache.ts';
import { ARTICLE_EVENTS } from '../articles/index.ts';
import { AddressCap } from './address-cap.ts';
import type { ReadCounter } from './counter.ts';
import { findCountableArticle, type CountableArticle } from './queries.ts';
import { createReaderHasher, newReaderId, whyNotCounted, type NotCountedReason } from './reader.ts';
import { RecentSet } from './recent-set.ts';

/** A reload by the same reader within this time counts once. */
export const READ_WINDOW_MS = 30 * 60_000;
/** At most this many (reader, article) pairs are remembered (tens of MB at most); oldest first out. */
const MAX_REMEMBERED = 200_000;
/**
 * How long an article's lookup (its status and time, its stored count) serves the beacon.
 * Article events and this process's own writes of counts drop it at once, and whether it is
 * published is decided per request from the time it holds; so this only bounds how late another
 * process's stored reads show in the count, which their flush interval (10 s) delays anyway.
 */
const ARTICLE_LOOKUP_MS = 5000;
/** Articles whose lookup is kept (a few MB at most). */
const ARTICLE_LOOKUPS_KEPT = 20_000;
/** The reader cookie lasts a day: enough to recognise reloads, too short to follow anyone. */
const READER_COOKIE_SECONDS = 24 * 3600;
// The smallest transparent GIF: 1×1 pixel, 43 bytes.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The beacon's answer to the page's script. */
export interface ReadResult {
  counted: boolean;
  reason?: NotCountedReason;
  /** Stored reads plus those counted here and not yet flushed. */
  count: number;
  /** "Read N times" in the article's edition, exactly as the page renders it. */
  text: string;
}

/** The beacon endpoints. */
export async function beaconRoutes(
  app: FastifyInstance,
  opts: { ctx: AppContext; counter: ReadCounter },
): Promise<void> {
  const { ctx, counter } = opts;
  // Keys "c:{reader id}:{article}" and, for requests without the cookie, "h:{hash}:{article}".
  const recentReads = new RecentSet(READ_WINDOW_MS, MAX_REMEMBERED);
  const hashReader = createReaderHasher();
  const addressCap = new AddressCap(ctx.config.readsPerAddress);
  const isSecure = isSecureSite(ctx.config.baseUrl);
  const siteOrigin = new URL(ctx.config.baseUrl).origin;
  const articles = new ShortLivedCache<number, CountableArticle>(
    (id) => findCountableArticle(ctx.db, id),
    ARTICLE_LOOKUP_MS,
    ARTICLE_LOOKUPS_KEPT,
  );
  ctx.events.on(ARTICLE_EVENTS, (event) => articles.forget(event.payload.articleId));
  // A stored batch moved reads from the counter's pending ones into hit_count: look again.
  counter.onWritten((batch) => {
    for (const id of batch.keys()) articles.forget(id);
  });

  // No request lines: thousands of beacons a second would drown the log (and cost a tenth of
  // the beacon's time); errors are still logged, and the metrics count the requests.
  const quiet = { logRequests: false };

  app.post<{ Params: { id: string } }>('/reads/:id', { bodyLimit: 1024, config: quiet }, async (request, reply) => {
    const result = await countRead(request, reply, parseId(request.params.id));
    if (!result) throw new AppError('article_not_found', 'There is no published article with this id.');
    return reply.header('cache-control', 'no-store').send(result);
  });

  app.get<{ Params: { file: string } }>('/reads/:file', { config: quiet }, async (request, reply) => {
    const match = /^(.+)\.gif$/.exec(request.params.file);
    if (!match) throw new AppError('not_found');
    const result = await countRead(request, reply, parseId(match[1]!));
    // The image always arrives (a broken image would show), but says 404 for no such article.
    return reply
      .code(result ? 200 : 404)
      .header('cache-control', 'no-store')
      .type('image/gif')
      .send(PIXEL);
  });

  /** Counts the read if it is one; undefined when there is no such published article. */
  async function countRead(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number | undefined,
  ): Promise<ReadResult | undefined> {
    if (articleId === undefined) return undefined;
    const now = ctx.now();
    const article = await articles.get(articleId, now);
    if (!article?.isPublishedAt(now)) return undefined;
    const reason = whyNotCounted(request, siteOrigin) ?? whyNotCountedNow(request, reply, articleId);
    if (reason === undefined) counter.record(articleId);
    const count = article.hitCount + counter.pendingFor(articleId);
    const edition = ctx.editions.get(article.edition);
    const text = edition ? edition.t('article.read', { count }) : String(count);
    return reason === undefined ? { counted: true, count, text } : { counted: false, reason, count, text };
  }

  /**
   * 'repeat' when this reader opened this article within the window, 'address_cap' when their
   * address has added all the reads it may to this article for now; else undefined, and the
   * read is remembered. The reader is the id in their cookie. A request without one (a first
   * visit, or cookies blocked) is known by a keyed hash of address and browser, and gets a new
   * random id: never one shared with another cookie-less reader (a mobile network puts thousands
   * of identical phones behind one address), so such a collision costs at most that one read.
   * A script that rotates its User-Agent looks new every time: the address cap bounds it.
   */
  function whyNotCountedNow(
    request: FastifyRequest,
    reply: FastifyReply,
    articleId: number,
  ): 'repeat' | 'address_cap' | undefined {
    const now = ctx.now().getTime();
    const cookieId = readerIdFromCookie(request);
    const key = cookieId
      ? `c:${cookieId}:${articleId}`
      : `h:${hashReader(request.ip, request.headers['user-agent'] ?? '')}:${articleId}`;
    const fresh = cookieId ? undefined : setReaderCookie(reply);
    const isRepeat = recentReads.has(key, now);
    // A capped read is not remembered either, so the reader counts once the address has room.
    if (!isRepeat && !addressCap.take(request.ip, articleId, now)) return 'address_cap';
    if (!isRepeat) recentReads.add(key, now);
    // Whichever of its answers' cookies the browser keeps, that id has read this article now.
    if (fresh) recentReads.add(`c:${fresh}:${articleId}`, now);
    return isRepeat ? 'repeat' : undefined;
  }

  /** Gives a cookie-less reader a new id, valid for the beacon only. */
  function setReaderCookie(reply: FastifyReply): string {
    const id = newReaderId();
    reply.setCookie(READER_COOKIE, id, {
      signed: true,
      httpOnly: true,
      secure: isSecure,
      sameSite: 'lax',
      path: '/api/reads',
      maxAge: READER_COOKIE_SECONDS,
    });
    return id;
  }
}

/** The reader id from a validly signed cookie, else undefined. */
function readerIdFromCookie(request: FastifyRequest): string | undefined {
  const raw = request.cookies[READER_COOKIE];
  if (!raw) return undefined;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && /^[\w-]{16,64}$/.test(unsigned.value) ? unsigned.value : undefined;
}

function parseId(raw: string): number | undefined {
  if (!/^[1-9][0-9]{0,9}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id <= 2 ** 31 - 1 ? id : undefined;
}
