// GET /api/v1/oembed: oEmbed 1.0 for this site's story URLs, so partner sites and chat apps can show
// a story card. JSON only (XML answers 501, as the spec asks of a format a provider does not make);
// a URL that is not a published story of this site is a 404.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { articlePath, findArticleForApi } from '../articles/index.ts';
import { AppError } from '../core/http/errors.ts';
import { imageUrl } from '../media/index.ts';
import { authorPath } from '../users/index.ts';
import { StoryCard } from './oembed-card.tsx';
import { absolute, presenterOf, timeText } from './present.ts';
import { readRoute } from './read-route.ts';
import { setReadCaching } from './visibility.ts';

/** A story's path: /{edition}/news/{id} with or without its slug. */
const STORY_PATH = /^\/([a-z]{2,3}(?:-[a-z0-9]+)?)\/news\/([1-9]\d{0,9})(?:\/[^/]*)?\/?$/;
/** The card's natural width, and the narrowest worth drawing (below it: a link). */
const CARD_WIDTH = 480;
const MIN_CARD_WIDTH = 200;
/** The card's height without and with its picture (text lines are estimated; consumers may resize). */
const TEXT_HEIGHT = 160;
/** How long a consumer may keep an answer (seconds). */
const CACHE_AGE = 300;

interface OembedQuery {
  url: string;
  format: 'json' | 'xml';
  maxwidth?: number;
  maxheight?: number;
}

/** The oEmbed endpoint. */
export async function oembedRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const size = { type: 'integer', minimum: 1, maximum: 10_000 };
  readRoute(
    app,
    {
      url: '/v1/oembed',
      operationId: 'oembed',
      tag: 'Embedding',
      summary: 'oEmbed for a story URL of this site',
      description:
        'A story card (type `rich`: a quotation with a link, no script) for a published story; type `link` when ' +
        '`maxwidth`/`maxheight` leave no room for a card. Story pages name this endpoint in a ' +
        '`<link rel="alternate" type="application/json+oembed">`.',
      query: {
        url: { type: 'string', minLength: 1, maxLength: 2048, description: 'The story’s URL on this site.' },
        format: {
          type: 'string',
          enum: ['json', 'xml'],
          default: 'json',
          description: 'Only json is made (xml: 501).',
        },
        maxwidth: { ...size, description: 'The widest the consumer can show, in CSS pixels.' },
        maxheight: { ...size, description: 'The tallest the consumer can show, in CSS pixels.' },
      },
      required: ['url'],
      response: { description: 'The oEmbed answer.', $ref: 'Oembed#' },
    },
    async (request, reply) => {
      const q = request.query as OembedQuery;
      if (q.format === 'xml') {
        return reply
          .code(501)
          .header('cache-control', 'no-store')
          .type('application/json; charset=utf-8')
          .send(JSON.stringify({ error: { code: 'not_implemented', message: 'Only format=json is available.' } }));
      }
      const found = storyOf(ctx, q.url);
      // Embeds are public by nature: never a draft, whoever asks.
      const article = found && (await findArticleForApi(ctx.db, found.id, ctx.now(), { includeUnpublished: false }));
      const edition = article && ctx.editions.get(article.edition);
      if (!article || !edition || article.edition !== found.edition) {
        throw new AppError('article_not_found', 'The URL is not a published story of this site.');
      }
      const p = presenterOf(ctx);
      const url = absolute(p, articlePath(article));
      const siteName = edition.t('site.name');
      const byline = article.byline ?? article.author?.name ?? '';
      const common = {
        version: '1.0',
        title: article.title,
        ...(byline ? { author_name: byline } : {}),
        ...(article.author && !article.byline
          ? { author_url: absolute(p, authorPath(article.edition, article.author.slug)) }
          : {}),
        provider_name: siteName,
        provider_url: absolute(p, `/${edition.code}`),
        cache_age: CACHE_AGE,
      };
      setReadCaching(reply, { includeUnpublished: false });
      const width = Math.min(CARD_WIDTH, q.maxwidth ?? CARD_WIDTH);
      const stored = article.image;
      const thumbWidth = stored ? pickWidth(stored.widths, width) : undefined;
      const thumb =
        stored && thumbWidth
          ? {
              url: absolute(p, imageUrl(stored, thumbWidth)),
              width: thumbWidth,
              height: Math.round((stored.height * thumbWidth) / Math.max(1, stored.width)),
              alt: stored.alt,
            }
          : undefined;
      const thumbnailFields = thumb
        ? { thumbnail_url: thumb.url, thumbnail_width: thumb.width, thumbnail_height: thumb.height }
        : {};
      // The picture goes first when height is short; the card itself needs its text lines.
      const cardThumb = thumb && (q.maxheight ?? Infinity) >= TEXT_HEIGHT + scaled(thumb, width) ? thumb : undefined;
      const height = TEXT_HEIGHT + (cardThumb ? scaled(cardThumb, width) : 0);
      if (width < MIN_CARD_WIDTH || (q.maxheight ?? Infinity) < TEXT_HEIGHT) {
        return { ...common, type: 'link', ...thumbnailFields };
      }
      const html = StoryCard({
        url,
        title: article.title,
        summary: article.summary,
        byline,
        siteName,
        siteUrl: common.provider_url,
        dateText: edition.f.date(article.publishedAt!),
        dateTime: timeText(p, article.publishedAt!),
        lang: edition.locale,
        dir: edition.direction,
        thumbnail: cardThumb,
      }) as string;
      return { ...common, type: 'rich', ...thumbnailFields, html, width, height };
    },
  );
}

/** The edition and id of a story URL of this site (the configured origin only), if it is one. */
function storyOf(ctx: AppContext, text: string): { edition: string; id: number } | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.origin !== new URL(ctx.config.baseUrl).origin) return undefined;
  const match = STORY_PATH.exec(url.pathname);
  return match ? { edition: match[1]!, id: Number(match[2]) } : undefined;
}

/** The widest stored size that fits, else the narrowest there is. */
function pickWidth(widths: readonly number[], max: number): number | undefined {
  const fitting = widths.filter((w) => w <= max);
  return fitting.length > 0 ? Math.max(...fitting) : widths.length > 0 ? Math.min(...widths) : undefined;
}

/** A picture's height when drawn `width` wide. */
function scaled(image: { width: number; height: number }, width: number): number {
  return Math.round((image.height * width) / Math.max(1, image.width));
}
