// The programs' parts of other pages: the editors' picks running now beside the edition home's
// stories (ASIDE_SLOT), and the times picks start and end, so cached pages that show them (the
// home page, Program Highlight) expire at that minute without any command running then.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { DerivedCache } from '../../core/db/derived-cache.ts';
import { ASIDE_SLOT } from '../../core/views/slots.ts';
import { BROADCAST_EVENTS } from '../events.ts';
import { listRunningPicks, nextPickChange, nextPickChanges } from './queries.ts';
import { PickList, programsPath } from './views/parts.tsx';

/** Picks in the home page's side column. */
const ASIDE_PICKS = 3;

export async function setupPrograms(ctx: AppContext, _app: FastifyInstance): Promise<void> {
  // The home page runs no query of its own between changes: the picks are kept per edition until
  // a radio event of the edition, or the minute a pick starts or ends.
  const kept = new DerivedCache({ now: ctx.now, ttlMs: 60_000, maxEntries: 100 });
  ctx.events.on(BROADCAST_EVENTS, (event) => kept.invalidate(event.payload.edition));
  const runningPicks = (code: string, now: Date) =>
    kept.get(
      code,
      'aside-picks',
      async () => {
        const [picks, until] = await Promise.all([
          listRunningPicks(ctx.db, code, now, ASIDE_PICKS),
          nextPickChange(ctx.db, code, now),
        ]);
        return { picks, until };
      },
      (v) => v.until,
    );
  ctx.slots.add(ASIDE_SLOT, {
    id: 'programs.picks',
    // Below the live card, above most read.
    order: 5,
    render: async ({ site, page }) => {
      if (page !== 'home') return '';
      const { picks } = await runningPicks(site.edition.code, site.now);
      if (picks.length === 0) return '';
      const { t } = site;
      return (
        <section class="box picks-box" aria-labelledby="aside-picks-title">
          <h2 id="aside-picks-title" class="box__title" safe>
            {t('programs.picksTitle')}
          </h2>
          <PickList site={site} picks={picks} />
          <p class="picks-box__more">
            <a href={programsPath(site.edition.code)} safe>
              {t('programs.asideMore')}
            </a>
          </p>
        </section>
      );
    },
  });
  // Picks begin and end on their minute: the page cache, CDNs and browsers keep no page showing
  // them past it (a few changes a week, so pages of the edition are rarely cut short).
  ctx.pageCache.trackScheduledChanges(async (now) => nextPickChanges(ctx.db, now));
}
