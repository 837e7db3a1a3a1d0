// The one engine-specific step of search: finding one page of matches among the newest few
// hundred. SQLite walks a contentless FTS5 index whose rowid is the recency key (see 0009) and
// whose words are each edition's own (see 0011), so edition, section and dates are part of the
// index walk, and ranks with a small one of the titles and summaries; PostgreSQL lets the
// planner choose between its newest-first btree and the GIN index, planning each search for its
// own words.
// Both rank the same way: every word in the title, then in the title or summary, then the rest;
// newest first within each. (bm25 and ts_rank_cd would score every match of a common word.)
import { sql, type Kysely } from 'kysely';
import { engineOf, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { isPrefixTerm } from './text.ts';

type Db = Kysely<Database>;

/** What to look for and where. */
export interface MatchQuery {
  readonly edition: string;
  /** Only stories published at or before this instant. */
  readonly now: Date;
  /** Index-form words; a match contains all of them (at least one). */
  readonly terms: readonly string[];
  /** Whether the last term also matches longer words. */
  readonly isPrefixLast: boolean;
  /** Whether every term of three letters or more also matches longer words (compounds). */
  readonly isPrefixEvery?: boolean;
  /** A section and its subsections. */
  readonly categoryIds?: readonly number[];
  /** Published at or after this instant (a whole second). */
  readonly from?: Date;
  /** Published before this instant (a whole second). */
  readonly before?: Date;
}

/** Which part of the ranked candidates to return. */
export interface MatchWindow {
  /** How many of the newest matches are ranked; one more is looked for, to know there are more. */
  readonly cap: number;
  readonly limit: number;
  readonly offset: number;
}

/** One page of matches, best first. */
export interface MatchPage {
  /** Matches found, up to cap + 1 (more than cap means "more than cap"). */
  readonly total: number;
  readonly articleIds: readonly number[];
}

/** Finds one page of matches; each engine in a fixed number of statements. */
export type FindMatches = (db: Db, query: MatchQuery, window: MatchWindow) => Promise<MatchPage>;

/**
 * The SQLite recency key's scale (article ids stay below 2³¹, see 0009) and its id part, written
 * into the SQL: a bound JavaScript number is a REAL, and a key past 2⁵³ computed with one is rounded.
 */
const SCALE = sql.lit(2147483648);
const ID_MASK = sql.lit(2147483647);

const findMatchesSqlite: FindMatches = async (db, q, w) => {
  const terms = ftsTerms(q);
  // One row, however many matches: a row per match cost as much as finding the matches. A key's
  // second is its publication second, so the date bounds are whole seconds.
  const { rows } = await sql<CandidateList>`
    select count(*) as total, group_concat(k & ${ID_MASK}, ',' order by k desc) as ids,
      min(k) >> 31 as oldest_second, min(k) & ${ID_MASK} as oldest_id,
      max(k) >> 31 as newest_second, max(k) & ${ID_MASK} as newest_id
    from (
      select rowid as k from article_search_fts
      where article_search_fts match ${q.categoryIds ? `${terms} AND ${ftsSections(q.categoryIds)}` : terms}
        and rowid <= unixepoch(${toDbTime(q.now)}) * ${SCALE} + ${ID_MASK}
        ${q.before ? sql`and rowid < unixepoch(${toDbTime(q.before)}) * ${SCALE}` : sql``}
        ${q.from ? sql`and rowid >= unixepoch(${toDbTime(q.from)}) * ${SCALE}` : sql``}
      order by rowid desc limit ${w.cap + 1}
    )`.execute(db);
  const found = rows[0]!;
  const total = Number(found.total);
  const ranked = total > 0 ? found.ids!.split(',', w.cap) : [];
  const end = w.offset + w.limit;
  if (w.limit === 0 || ranked.length <= w.offset) return { total, articleIds: [] };
  // The tiers in turn, each walked only when the page reaches it: a common word often fills a
  // page with title matches, and then the title-or-summary tier is never read.
  const order: string[] = [];
  const placed = new Set<string>();
  for (const fields of ['title', 'title summary']) {
    const inTier = await tierOf(db, `{${fields}} : ${terms}`, found);
    for (const id of ranked) {
      if (inTier.has(id) && !placed.has(id)) {
        order.push(id);
        placed.add(id);
      }
    }
    if (order.length >= end) break;
  }
  for (const id of ranked) if (!placed.has(id)) order.push(id);
  return { total, articleIds: order.slice(w.offset, end).map(Number) };
};

/**
 * The newest matches (up to the cap, and one more): how many, their article ids newest first,
 * and the oldest and newest recency key, each in two parts (its publication second and its
 * article id), as a key is past what a JavaScript number holds exactly.
 */
interface CandidateList {
  total: number;
  ids: string | null;
  oldest_second: number;
  oldest_id: number;
  newest_second: number;
  newest_id: number;
}

/** A recency key from its two parts, computed in integers. */
function keyOf(second: number, id: number) {
  return sql`cast(${second} as integer) * ${SCALE} + cast(${id} as integer)`;
}

/**
 * The terms as one FTS5 group of the edition's words (see 0011): each an FTS5 string (quotes
 * doubled), so no reader text is ever FTS syntax. Terms side by side mean AND.
 */
function ftsTerms(q: MatchQuery): string {
  const edition = `${q.edition.replaceAll('-', '\uE001')}\uE000`;
  return `(${q.terms.map((t, i) => `"${edition}${t.replaceAll('"', '""')}"${isPrefixTerm(q, i) ? '*' : ''}`).join(' ')})`;
}

/** Stories in one of these sections: the scope column holds c<section id> (none: no story). */
function ftsSections(categoryIds: readonly number[]): string {
  return `{scope} : (${categoryIds.length ? categoryIds.map((id) => `"c${id}"`).join(' OR ') : '"c0"'})`;
}

/**
 * The ids in the candidates' range whose given fields hold every term, from the index of titles
 * and summaries alone (see 0011). Not filtered by section: only ids among the ranked ones count,
 * and those are in scope already.
 */
async function tierOf(db: Db, expression: string, range: CandidateList): Promise<Set<string>> {
  const { rows } = await sql<{ ids: string | null }>`
    select group_concat(rowid & ${ID_MASK}) as ids from article_search_headline_fts
    where article_search_headline_fts match ${expression}
      and rowid between ${keyOf(range.oldest_second, range.oldest_id)}
        and ${keyOf(range.newest_second, range.newest_id)}`.execute(db);
  return new Set(rows[0]?.ids?.split(','));
}

const findMatchesPostgres: FindMatches = (db, q, w) => {
  const tsQuery = sql`to_tsquery('simple', ${tsQueryText(q)})`;
  const categoryIds = q.categoryIds?.length ? [...q.categoryIds] : [-1];
  // A prepared statement's generic plan cannot know whether a word is common or rare, and
  // picks a plan that reads every match of a common word; each search is planned for its words.
  return db.transaction().execute(async (trx) => {
    await sql`set local plan_cache_mode = force_custom_plan`.execute(trx);
    const { rows } = await sql<{ article_id: number | null; total: number }>`
      with candidates as (
        select article_id, published_at, headline from article_search
        where document @@ ${tsQuery} and edition = ${q.edition} and published_at <= ${toDbTime(q.now)}
          ${q.categoryIds ? sql`and category_id in (${sql.join(categoryIds)})` : sql``}
          ${q.from ? sql`and published_at >= ${toDbTime(q.from)}` : sql``}
          ${q.before ? sql`and published_at < ${toDbTime(q.before)}` : sql``}
        order by published_at desc, article_id desc limit ${w.cap + 1}
      ),
      ranked as (select * from candidates order by published_at desc, article_id desc limit ${w.cap}),
      page as (
        select article_id, row_number() over (order by ts_filter(headline, '{a}') @@ ${tsQuery} desc,
          headline @@ ${tsQuery} desc, published_at desc, article_id desc) as position
        from ranked order by position limit ${w.limit} offset ${w.offset}
      )
      select page.article_id, counted.total
      from (select count(*) as total from candidates) as counted left join page on true
      order by page.position`.execute(trx);
    return toPage(rows);
  });
};

/** Rows of (article, total): always at least one, with no article when the page is past the end. */
function toPage(rows: readonly { article_id: number | null; total: number }[]): MatchPage {
  const articleIds = rows.flatMap((r) => (r.article_id === null ? [] : [Number(r.article_id)]));
  return { total: Number(rows[0]?.total ?? 0), articleIds };
}

/** tsquery text: each term a quoted lexeme (quotes and backslashes escaped), joined by AND. */
function tsQueryText(q: MatchQuery): string {
  return q.terms
    .map((t, i) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${isPrefixTerm(q, i) ? ':*' : ''}`)
    .join(' & ');
}

/**
 * Compacts the index after a bulk write: SQLite's FTS5 leaves a rebuild in many segments, and a
 * search walks every segment. Writes one at a time are merged as they go (FTS5's automerge);
 * PostgreSQL's GIN needs nothing.
 */
export async function compactIndex(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'sqlite')
    await sql`insert into article_search_fts (article_search_fts) values ('optimize')`.execute(db);
}

/** The match finder for a database. */
export function findMatchesOf(db: Kysely<any>): FindMatches {
  return engineOf(db) === 'postgres' ? findMatchesPostgres : findMatchesSqlite;
}
