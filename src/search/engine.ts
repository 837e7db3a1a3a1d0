// The one engine-specific step of search: finding one page of matches among the newest few
// hundred. SQLite walks a contentless FTS5 index whose rowid is the recency key (see 0009), so
// edition, section and dates are part of the index walk; PostgreSQL lets the planner choose
// between its newest-first btree and the GIN index, planning each search for its own words.
// Both rank the same way: every word in the title, then in the title or summary, then the rest;
// newest first within each. (bm25 and ts_rank_cd would score every match of a common word.)
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { engineOf, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';

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

/** The SQLite recency key's scale: article ids stay below 2³¹ (see 0009). */
const KEY_SCALE = 2147483648;

const findMatchesSqlite: FindMatches = async (db, q, w) => {
  // Each term is an FTS5 string (quotes doubled), so no reader text is ever FTS syntax; terms
  // side by side mean AND. The scope column holds the edition code and c<section id>.
  const terms = `(${q.terms.map((t, i) => `"${t.replaceAll('"', '""')}"${isPrefix(q, i) ? '*' : ''}`).join(' ')})`;
  const sections = q.categoryIds?.length ? q.categoryIds.map((id) => `"c${id}"`).join(' OR ') : '"c0"';
  const scope = `{scope} : "${q.edition.replaceAll('"', '""')}"${q.categoryIds ? ` AND {scope} : (${sections})` : ''}`;
  const everywhere = `{title summary body meta} : ${terms} AND ${scope}`;
  // A key's second is its publication second, so these bounds are whole seconds.
  const upper = sql`unixepoch(${toDbTime(q.now)}) * ${KEY_SCALE} + ${KEY_SCALE - 1}`;
  const { rows } = await sql<{ article_id: number | null; total: number }>`
    with candidates as (
      select rowid as k from article_search_fts
      where article_search_fts match ${everywhere} and rowid <= ${upper}
        ${q.before ? sql`and rowid < unixepoch(${toDbTime(q.before)}) * ${KEY_SCALE}` : sql``}
        ${q.from ? sql`and rowid >= unixepoch(${toDbTime(q.from)}) * ${KEY_SCALE}` : sql``}
      order by rowid desc limit ${w.cap + 1}
    ),
    ranked as (select k from candidates order by k desc limit ${w.cap}),
    ${tierSqlite('in_title', `{title} : ${terms}`, upper)},
    ${tierSqlite('in_lead', `{title summary} : ${terms}`, upper)},
    page as (
      select ranked.k & ${KEY_SCALE - 1} as article_id,
        row_number() over (order by in_title.k is not null desc, in_lead.k is not null desc, ranked.k desc) as position
      from ranked
        left join in_title on in_title.k = ranked.k
        left join in_lead on in_lead.k = ranked.k
      order by position limit ${w.limit} offset ${w.offset}
    )
    select page.article_id, counted.total
    from (select count(*) as total from candidates) as counted left join page on 1 = 1
    order by page.position`.execute(db);
  return toPage(rows);
};

/**
 * The keys in the ranked candidates' range whose fields hold every term (joined to the ranked
 * ones, which are in scope already: the scope's long doclist is not walked again). Materialized
 * once: as a subquery in the window's ORDER BY, SQLite ran each tier's walk four times.
 */
function tierSqlite(name: string, expression: string, upper: RawBuilder<unknown>) {
  return sql`${sql.id(name)} as materialized (
    select rowid as k from article_search_fts
    where article_search_fts match ${expression} and rowid between (select min(k) from ranked) and ${upper})`;
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
    .map((t, i) => `'${t.replaceAll('\\', '\\\\').replaceAll("'", "''")}'${isPrefix(q, i) ? ':*' : ''}`)
    .join(' & ');
}

function isPrefix(q: MatchQuery, index: number): boolean {
  return q.isPrefixLast && index === q.terms.length - 1;
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
