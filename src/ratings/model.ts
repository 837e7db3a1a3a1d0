// Ratings as readers see them: the vote URLs, the accepted values and the average as text.
import { AppError } from '../core/http/errors.ts';
import type { Translate } from '../i18n/index.ts';

/** The stars a reader can give. */
export const RATING_VALUES = [1, 2, 3, 4, 5] as const;

/**
 * Where an article's vote is posted. Every vote endpoint lives under /{edition}/news/ratings/,
 * the voter cookie's path, so the cookie never travels with page requests ("ratings" is never
 * an article id, so these URLs cannot collide with /{edition}/news/{id}/{slug}).
 */
export function ratingPath(edition: string, articleId: number): string {
  return `${ratingScope(edition)}/${articleId}`;
}

/** Where the script asks for a voter cookie before its first vote. */
export function ratingSessionPath(edition: string): string {
  return `${ratingScope(edition)}/session`;
}

/** The path the voter cookie is scoped to. */
export function ratingScope(edition: string): string {
  return `/${edition}/news/ratings`;
}

/** A rating from a form field ("4") or JSON (4 or "4"); anything else is a 400 in the reader's language. */
export function parseRating(value: unknown, t: Translate): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) return value;
  if (typeof value === 'string' && /^[1-5]$/.test(value)) return Number(value);
  throw new AppError('invalid_rating', t('rating.invalid'));
}

/** An article id from the URL: a positive 32-bit integer, else the article is simply not there. */
export function parseArticleId(value: string, t: Translate): number {
  if (/^[1-9][0-9]{0,9}$/.test(value) && Number(value) <= 2 ** 31 - 1) return Number(value);
  throw new AppError('article_not_found', t('rating.noArticle'));
}

/** The average and count as the widget shows them (and the script updates them). */
export interface RatingText {
  /** Average rounded to half stars ("3.5"), which the stylesheet draws without inline styles (CSP). */
  readonly stars: string;
  /** "Rated 3.7 out of 5" or "Not rated yet": the stars' accessible name. */
  readonly label: string;
  /** "(12 votes)". */
  readonly votes: string;
}

/** Texts for a sum and count of votes, in the edition's language. */
export function describeRating(t: Translate, sum: number, count: number): RatingText {
  const average = count > 0 ? sum / count : 0;
  return {
    stars: (Math.round(average * 2) / 2).toFixed(1),
    label: count > 0 ? t('article.rating', { average: Math.round(average * 10) / 10 }) : t('article.notRated'),
    votes: t('article.votes', { count }),
  };
}
