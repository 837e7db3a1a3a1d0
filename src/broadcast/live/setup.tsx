// The live radio's part of each process: the live board (channels, schedules and stream states in
// memory), the "On air now" box beside reader pages, and what keeps cached pages truthful: a purge
// when the radio changes or a stream goes on or off air, and no cached page past a slot boundary.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { EventBus } from '../../core/events/index.ts';
import { ASIDE_SLOT, TOPBAR_SLOT } from '../../core/views/slots.ts';
import { azuracastStatus, icecastStatus } from '../stream-status.ts';
import { LiveBoard } from './board.ts';
import { OnAirBox } from './on-air-box.tsx';
import { loadLiveChannels } from './queries.ts';
import { channelsNow } from './snapshot.ts';
import { TopbarLink } from './topbar-link.tsx';

/** A stream server that has not answered within this is "unreachable" until the next try. */
const STATUS_TIMEOUT_MS = 3_000;
/** A stream server hears from each process at most once per this... */
const STATUS_TTL_MS = 15_000;
/** ...and at least every TTL + tick while the process runs. */
const STATUS_TICK_MS = 5_000;

/** The events after which the board loads the radio again. */
const RADIO_EVENTS = ['channel.changed', 'program.changed', 'schedule.changed'] as const;

/** Each app's board, by its event bus (one per app, shared by every copy of its context). */
const boards = new WeakMap<EventBus, LiveBoard>();

/** The app's live board (set up by `setupLive`). */
export function liveBoardOf(ctx: AppContext): LiveBoard {
  const board = boards.get(ctx.events);
  if (!board) throw new Error('the live board is made by setupLive, which has not run for this app');
  return board;
}

/**
 * Sets up the live radio. Stream states come from a light timer rather than from page requests:
 * the page cache answers most readers before any code of ours runs, so a request-driven check
 * would leave cached pages saying "on air" long after a stream dropped. The timer costs each
 * process one small request per stream server per TTL, and lets a change of state purge at once.
 */
export async function setupLive(ctx: AppContext, app: FastifyInstance): Promise<void> {
  const statusOptions = { timeoutMs: STATUS_TIMEOUT_MS, now: () => new Date() };
  const board = new LiveBoard({
    load: (from, to) => loadLiveChannels(ctx.db, from, to),
    now: () => ctx.now(),
    check: (source) =>
      source.kind === 'icecast' ? icecastStatus(source.url, statusOptions) : azuracastStatus(source.url, statusOptions),
    statusTtlMs: STATUS_TTL_MS,
    tickMs: STATUS_TICK_MS,
    // Not on a new song title (pages do not print it in the box; the live page's script shows it).
    onStateChanged: (editions) => ctx.pageCache.purge({ editions }),
    onError: (err) => app.log.error({ err }, 'the live radio could not be loaded; the last one known is shown'),
  });
  boards.set(ctx.events, board);
  await board.reload();
  board.start();
  app.addHook('onClose', async () => board.close());

  // The broadcast domain purges on these too, but before this reload: purge again after it, so no
  // page rendered after the purge shows the old radio.
  ctx.events.on(RADIO_EVENTS, async (event) => {
    await board.reload();
    ctx.pageCache.purge({ editions: [event.payload.edition] });
  });
  // Every purge reloads these (from memory): no cached page, max-age or s-maxage reaches past the
  // next slot boundary, when "on air now" changes with no command run.
  ctx.pageCache.trackScheduledChanges(async (now) => {
    await board.settled();
    return board.changesAfter(now);
  });

  ctx.slots.add(ASIDE_SLOT, {
    id: 'broadcast.on-air',
    // First on the front page, under the most-read box elsewhere.
    order: ({ page }) => (page === 'home' ? 0 : 20),
    render: ({ site }) => <OnAirBox site={site} items={channelsNow(board, site.edition.code, site.now)} />,
  });
  ctx.slots.add(TOPBAR_SLOT, {
    id: 'broadcast.listen-live',
    order: 0,
    render: ({ site }) => (
      <TopbarLink site={site} states={board.channelsOf(site.edition.code).map((c) => board.statusOf(c).state)} />
    ),
  });
}
