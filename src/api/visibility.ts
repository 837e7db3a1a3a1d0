// Who may see what through the read API. A request without a key is the public's: published
// content only, cacheable by anyone. A key with the "drafts:read" scope also sees what is not
// out yet (drafts, stories sent for review, scheduled ones) where its user could in the newsroom:
// stories where they review stories (editors of the edition, admins), pages where they keep
// pages, episodes where they make episodes. Those answers are private (never stored by the page
// cache, which skips any request with an Authorization header, nor by a CDN).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC_PAGE } from '../core/http/cache.ts';
import { AppError } from '../core/http/errors.ts';
import { can, type Action } from '../newsroom/index.ts';

/** What a request may see; the query functions take it as they are (`includeUnpublished`). */
export interface Visibility {
  readonly includeUnpublished: boolean;
}

const PUBLIC: Visibility = Object.freeze({ includeUnpublished: false });
const UNPUBLISHED: Visibility = Object.freeze({ includeUnpublished: true });

/** What unpublished content is: the newsroom action that opens it to a key's user. */
export type Unpublished = Extract<Action, 'article.review' | 'pages.manage' | 'episode.manage'>;

/**
 * The visibility of a request for content of `kind` in `edition` (default: the query's `edition`;
 * none: "in some edition", for a thing looked up by id, checked again with `requireVisible`).
 */
export function visibilityOf(
  request: FastifyRequest,
  kind: Unpublished = 'article.review',
  edition?: string,
): Visibility {
  const key = request.apiKey;
  if (!key?.scopes.has('drafts:read')) return PUBLIC;
  const queried = (request.query as { edition?: unknown } | undefined)?.edition;
  const where = edition ?? (typeof queried === 'string' ? queried : undefined);
  return can(key.staff, kind, where === undefined ? undefined : { edition: where }) ? UNPUBLISHED : PUBLIC;
}

/**
 * For a thing found by id with an edition-less visibility: a 404 (`code`) when it is not out and
 * the key's user may not see unpublished content of its edition.
 */
export function requireVisible(
  request: FastifyRequest,
  kind: Unpublished,
  thing: { readonly edition: string; readonly isOut: boolean },
  notFound: () => AppError,
): void {
  if (!thing.isOut && !visibilityOf(request, kind, thing.edition).includeUnpublished) throw notFound();
}

/**
 * Cache-Control of a read answer: published content as reader pages are (the page cache and a CDN
 * keep it briefly and are purged on every change, and never past a scheduled story's minute);
 * drafts never leave the asker's hands.
 */
export function setReadCaching(reply: FastifyReply, visibility: Visibility): void {
  reply.header('cache-control', visibility.includeUnpublished ? 'private, no-store' : PUBLIC_PAGE);
}
