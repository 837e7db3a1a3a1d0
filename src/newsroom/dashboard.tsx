// The newsroom's front page: reads today and over 7 days, what waits for review, what is
// scheduled. Each list is one bounded query on an index.
import type { Kysely } from 'kysely';
import type { DomainRoutes } from '../context.ts';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import { firstSectionFor, NewsroomLayout } from './layout.tsx';
import { newsroomText as t } from './messages.ts';
import { newsroomPage, requirePermission, sendHtml, staffOf } from './page.ts';
import { can, type Staff } from './permissions.ts';
import { ReadsChart, type DayReads } from './reads-chart.tsx';

type Db = Kysely<Database>;

interface QueueItem {
  id: number;
  title: string;
  edition: string;
  at: Date | null;
}

/** YYYY-MM-DD of `date` in `timeZone`, `daysBack` days earlier. */
export function dayIn(timeZone: string, date: Date, daysBack = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(date.getTime() - daysBack * 86_400_000),
  );
}

async function readsSince(db: Db, fromDay: string): Promise<number> {
  const row = await db
    .selectFrom('article_reads_daily')
    .select((eb) => eb.fn.sum<number | string | null>('reads').as('reads'))
    .where('day', '>=', fromDay)
    .executeTakeFirst();
  return Number(row?.reads ?? 0);
}

/** Reads per day for the last `days` days (every day listed, 0 when none), oldest first. */
async function readsPerDay(db: Db, timeZone: string, now: Date, days: number): Promise<DayReads[]> {
  const from = dayIn(timeZone, now, days - 1);
  const rows = await db
    .selectFrom('article_reads_daily')
    .select(['day', (eb) => eb.fn.sum<number | string>('reads').as('reads')])
    .where('day', '>=', from)
    .groupBy('day')
    .execute();
  const byDay = new Map(rows.map((r) => [r.day, Number(r.reads)]));
  const out: DayReads[] = [];
  for (let back = days - 1; back >= 0; back--) {
    const day = dayIn(timeZone, now, back);
    out.push({ day, reads: byDay.get(day) ?? 0 });
  }
  return out;
}

interface Ranked {
  id: number;
  title: string;
  edition: string;
  value: number;
  extra?: string;
}

/** The most-read stories of the last 7 days in the user's editions. */
async function mostRead(db: Db, staff: Staff, timeZone: string, now: Date): Promise<Ranked[]> {
  if (staff.editions.length === 0) return [];
  const rows = await db
    .selectFrom('article_reads_daily as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select(['a.id', 'a.title', 'a.edition', (eb) => eb.fn.sum<number | string>('r.reads').as('reads')])
    .where('r.day', '>=', dayIn(timeZone, now, 6))
    .where('a.edition', 'in', staff.editions)
    .groupBy(['a.id', 'a.title', 'a.edition'])
    .orderBy('reads', 'desc')
    .limit(10)
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, edition: r.edition, value: Number(r.reads) }));
}

/** Stories of the last 30 days with the most votes, and the votes and average over them all. */
async function ratings(
  db: Db,
  staff: Staff,
  now: Date,
): Promise<{ top: Ranked[]; votes: number; average: number | null }> {
  if (staff.editions.length === 0) return { top: [], votes: 0, average: null };
  const since = toDbTime(new Date(now.getTime() - 30 * 86_400_000));
  const recent = db
    .selectFrom('articles')
    .where('edition', 'in', staff.editions)
    .where('status', '=', 'published')
    .where('published_at', '>=', since)
    .where('published_at', '<=', toDbTime(now));
  const [top, totals] = await Promise.all([
    recent
      .select(['id', 'title', 'edition', 'rating_sum', 'rating_count'])
      .where('rating_count', '>', 0)
      .orderBy('rating_count', 'desc')
      .limit(5)
      .execute(),
    recent
      .select([
        (eb) => eb.fn.sum<number | string | null>('rating_sum').as('sum'),
        (eb) => eb.fn.sum<number | string | null>('rating_count').as('count'),
      ])
      .executeTakeFirst(),
  ]);
  const votes = Number(totals?.count ?? 0);
  return {
    top: top.map((r) => ({
      id: r.id,
      title: r.title,
      edition: r.edition,
      value: r.rating_count,
      extra: (r.rating_sum / r.rating_count).toFixed(1),
    })),
    votes,
    average: votes > 0 ? Number(totals?.sum ?? 0) / votes : null,
  };
}

function RankedList(props: {
  id: string;
  title: string;
  items: readonly Ranked[];
  unit: (r: Ranked) => string;
}): JSX.Element {
  return (
    <section class="nr-panel" aria-labelledby={props.id}>
      <h2 id={props.id} safe>
        {props.title}
      </h2>
      {props.items.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <ol class="nr-list">
          {props.items.map((item) => (
            <li>
              <a href={`/newsroom/articles/${item.id}`} safe>
                {item.title}
              </a>{' '}
              <span class="nr-meta" safe>
                {`${item.edition.toUpperCase()} · ${props.unit(item)}`}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

async function queue(db: Db, staff: Staff, kind: 'review' | 'scheduled', now: Date): Promise<QueueItem[]> {
  if (staff.editions.length === 0) return [];
  let query = db
    .selectFrom('articles')
    .select(['id', 'title', 'edition', 'published_at', 'updated_at'])
    .where('edition', 'in', staff.editions);
  query =
    kind === 'review'
      ? query.where('status', '=', 'review').orderBy('updated_at', 'desc')
      : query
          .where('status', '=', 'published')
          .where('published_at', '>', toDbTime(now))
          .orderBy('published_at', 'asc');
  const rows = await query.limit(20).execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    edition: r.edition,
    at: kind === 'review' ? toDate(r.updated_at) : r.published_at === null ? null : toDate(r.published_at),
  }));
}

function Queue(props: { id: string; title: string; items: readonly QueueItem[]; timeZone: string }): JSX.Element {
  const format = new Intl.DateTimeFormat('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: props.timeZone,
  });
  return (
    <section class="nr-panel" aria-labelledby={props.id}>
      <h2 id={props.id} safe>
        {props.title}
      </h2>
      {props.items.length === 0 ? (
        <p>{t('dashboard.none')}</p>
      ) : (
        <ul class="nr-list">
          {props.items.map((item) => (
            <li>
              <a href={`/newsroom/articles/${item.id}`} safe>
                {item.title}
              </a>{' '}
              <span class="nr-meta">
                <span safe>{item.edition.toUpperCase()}</span>
                {item.at !== null && (
                  <>
                    {' · '}
                    {/* Titled with the reader's own zone by the newsroom's script (local-time.ts). */}
                    <time
                      datetime={item.at.toISOString()}
                      data-site-zone={props.timeZone}
                      data-local-title={t('localTime.title')}
                      safe
                    >
                      {format.format(item.at)}
                    </time>
                  </>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.items.length > 0 && (
        <p class="nr-meta" safe>
          {t('localTime.siteZone', { zone: props.timeZone })}
        </p>
      )}
    </section>
  );
}

export const dashboardRoutes: DomainRoutes = async (app, { ctx }) => {
  app.get('/', async (request, reply) => {
    // Sign-in lands here: a role without the dashboard (an integrity officer) goes on to its work.
    const start = can(staffOf(request), 'dashboard.view') ? undefined : firstSectionFor(staffOf(request));
    if (start) return reply.redirect(start, 303);
    const staff = requirePermission(request, 'dashboard.view');
    const now = ctx.now();
    const tz = ctx.settings.timezone;
    const [today, week, review, scheduled, days, top, rated] = await Promise.all([
      readsSince(ctx.db, dayIn(tz, now)),
      readsSince(ctx.db, dayIn(tz, now, 6)),
      queue(ctx.db, staff, 'review', now),
      queue(ctx.db, staff, 'scheduled', now),
      readsPerDay(ctx.db, tz, now, 30),
      mostRead(ctx.db, staff, tz, now),
      ratings(ctx.db, staff, now),
    ]);
    const number = new Intl.NumberFormat('en');
    return sendHtml(
      reply,
      <NewsroomLayout {...await newsroomPage(ctx, request)} title={t('dashboard.title')}>
        <h1>{t('dashboard.title')}</h1>
        <p safe>{t('dashboard.welcome', { name: staff.displayName })}</p>
        <dl class="nr-stats">
          <div>
            <dt>{t('dashboard.readsToday')}</dt>
            <dd safe>{number.format(today)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.reads7')}</dt>
            <dd safe>{number.format(week)}</dd>
          </div>
          <div>
            <dt>{t('dashboard.votes30')}</dt>
            <dd>
              <span safe>{number.format(rated.votes)}</span>
              {rated.average !== null && (
                <span class="nr-meta" safe>{` · ${t('dashboard.average', { value: rated.average.toFixed(2) })}`}</span>
              )}
            </dd>
          </div>
        </dl>
        <section class="nr-panel" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{t('dashboard.chart')}</h2>
          <ReadsChart days={days} title={t('dashboard.chartTitle', { from: days[0]!.day, to: days.at(-1)!.day })} />
        </section>
        <div class="nr-columns">
          <Queue id="review-heading" title={t('dashboard.review')} items={review} timeZone={tz} />
          <Queue id="scheduled-heading" title={t('dashboard.scheduled')} items={scheduled} timeZone={tz} />
          <RankedList
            id="most-read-heading"
            title={t('dashboard.mostRead')}
            items={top}
            unit={(r) => t('dashboard.readsCount', { count: number.format(r.value) })}
          />
          <RankedList
            id="rated-heading"
            title={t('dashboard.topRated')}
            items={rated.top}
            unit={(r) => t('dashboard.ratingLine', { votes: number.format(r.value), average: r.extra ?? '' })}
          />
        </div>
      </NewsroomLayout>,
    );
  });
};
