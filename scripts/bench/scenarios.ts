// The benchmark's scenarios: what each sends, taken from the archive itself (article, section
// and search URLs) and shaped like a browser's requests (the rating widget's JSON vote with its
// voter cookie, the read beacon's POST with its reader cookie), each vote and read from a pool
// of client addresses through the trusted proxy header.
import { randomBytes } from 'node:crypto';
import { sign } from '@fastify/cookie';
import type { Kysely } from 'kysely';
import { articlePath, categoryPath } from '../../src/articles/index.ts';
import { READER_COOKIE, VOTER_COOKIE } from '../../src/core/http/cookies.ts';
import type { Database } from '../../src/core/db/schema.ts';
import { ratingPath } from '../../src/ratings/model.ts';
import type { RequestPlan } from './requests.ts';
import { Random } from './random.ts';
import { ARCHIVE_EDITIONS, searchQueriesFor } from './words.ts';

/** A browser's User-Agent: the beacon does not count requests without one, or from a bot. */
const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** Articles voted on and read during the timed runs, and others for the exact-count checks (a small archive's pages use what is left). */
const LOADED_ARTICLES = 2_000;
const CHECKED_ARTICLES = 100;
/** Distinct voters and readers (cookies); with LOADED_ARTICLES they make 4 million distinct pairs. */
const PEOPLE = 2_000;

/** Everything the scenarios need from the archive. */
export interface ScenarioData {
  /** Published articles in the archive. */
  articleCount: number;
  cachedArticle: string;
  articles: string[];
  homes: string[];
  sections: string[];
  searches: string[];
  /** Articles (id, edition) for the timed vote and read runs, and for the exact checks. */
  loaded: { id: number; edition: string }[];
  checked: { id: number; edition: string }[];
}

/** Reads URLs and ids from the archive, the same ones for the same archive. */
export async function loadScenarioData(db: Kysely<Database>): Promise<ScenarioData> {
  const newest = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug'])
    .where('status', '=', 'published')
    .where('edition', '=', 'en')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  const all = await db
    .selectFrom('articles')
    .select(['id', 'edition', 'slug'])
    .where('status', '=', 'published')
    .orderBy('id')
    .execute();
  const random = new Random(42);
  const shuffled = [...all];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const sections = await db.selectFrom('categories').select(['edition', 'slug']).orderBy('id').execute();
  // Separate sets, so the exact checks see only their own votes and reads.
  const checked = shuffled.slice(0, CHECKED_ARTICLES);
  const loaded = shuffled.slice(CHECKED_ARTICLES, CHECKED_ARTICLES + LOADED_ARTICLES);
  const rest = shuffled.slice(CHECKED_ARTICLES + LOADED_ARTICLES);
  const idOf = ({ id, edition }: { id: number; edition: string }) => ({ id, edition });
  return {
    articleCount: all.length,
    cachedArticle: articlePath(newest),
    articles: (rest.length > 0 ? rest : shuffled).slice(0, 5_000).map(articlePath),
    homes: ARCHIVE_EDITIONS.map((e) => `/${e}`),
    sections: sections.map((s) => categoryPath(s.edition, s.slug)),
    searches: ARCHIVE_EDITIONS.flatMap((e) =>
      searchQueriesFor(e, 60).map((q) => `/${e}/search?q=${encodeURIComponent(q)}`),
    ),
    loaded: loaded.map(idOf),
    checked: checked.map(idOf),
  };
}

/** A GET of each path in turn. */
export function pagePlan(paths: readonly string[]): RequestPlan {
  return { method: 'GET', paths, headers: { 'user-agent': BROWSER, accept: 'text/html' } };
}

/** The rating widget's vote: JSON, a signed voter cookie, our Origin; ratings 1–5 in turn. */
export function votePlan(articles: ScenarioData['loaded'], baseUrl: string, cookieSecret: string): RequestPlan {
  return {
    method: 'POST',
    paths: articles.map((a) => ratingPath(a.edition, a.id)),
    cookies: signedCookies(VOTER_COOKIE, cookieSecret, PEOPLE),
    bodies: ['1', '2', '3', '4', '5'].map((rating) => JSON.stringify({ rating })),
    headers: {
      'user-agent': BROWSER,
      accept: 'application/json',
      'content-type': 'application/json',
      origin: baseUrl,
    },
    isFromManyAddresses: true,
  };
}

/** The page script's read beacon: a POST with a signed reader cookie from our Origin. */
export function readPlan(articles: ScenarioData['loaded'], baseUrl: string, cookieSecret: string): RequestPlan {
  return {
    method: 'POST',
    paths: articles.map((a) => `/api/reads/${a.id}`),
    cookies: signedCookies(READER_COOKIE, cookieSecret, PEOPLE),
    headers: { 'user-agent': BROWSER, accept: 'application/json', origin: baseUrl },
    isFromManyAddresses: true,
  };
}

/** Cookie headers with distinct random ids, signed as the server signs them. */
function signedCookies(name: string, secret: string, count: number): string[] {
  return Array.from(
    { length: count },
    () => `${name}=${encodeURIComponent(sign(randomBytes(16).toString('base64url').slice(0, 22), secret))}`,
  );
}
