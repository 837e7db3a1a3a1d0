// A channel at a moment, as the on-air box, the live page and the status answer show it: its
// stream's last reported state, the program on air and the next ones. All from memory.
import { imageUrl } from '../../media/index.ts';
import type { ChannelStatus, LiveBoard, Lineup, LiveState, ProgramAiring } from './board.ts';
import type { PlayableChannel } from './play-button.tsx';
import type { LiveChannel } from './queries.ts';

/** One channel at one moment. */
export interface ChannelNow {
  readonly channel: LiveChannel;
  readonly status: ChannelStatus;
  readonly lineup: Lineup;
}

/** The edition's channels at `at`. */
export function channelsNow(board: LiveBoard, edition: string, at: Date): ChannelNow[] {
  return board.channelsOf(edition).map((channel) => ({
    channel,
    status: board.statusOf(channel),
    lineup: board.lineupOf(channel, at),
  }));
}

/** Whether the stream is known to be down: pages say "off air" and offer no red dot. */
export function isDown(state: LiveState): boolean {
  return state === 'off_air' || state === 'unreachable';
}

/** A program's page. */
export function programPath(edition: string, slug: string): string {
  return `/${edition}/programs/${slug}`;
}

/** The live page of an edition. */
export function livePath(edition: string): string {
  return `/${edition}/live`;
}

/** The width of the artwork a lock screen shows (Media Session), or the nearest stored one. */
const ARTWORK_WIDTH = 480;

/** The channel as the player needs it. */
export function playableOf(item: ChannelNow): PlayableChannel {
  const { channel, lineup } = item;
  const art = channel.artwork;
  const width = art ? (art.widths.find((w) => w >= ARTWORK_WIDTH) ?? art.widths[art.widths.length - 1]) : undefined;
  return {
    id: channel.id,
    edition: channel.edition,
    slug: channel.slug,
    name: channel.name,
    ...(art && width ? { artworkUrl: imageUrl(art, width) } : {}),
    streams: channel.streams,
    ...(lineup.now ? { programTitle: lineup.now.title } : {}),
  };
}

/** An airing in the status answer. */
export interface AiringJson {
  readonly programTitle: string;
  /** Null for a special without a program (no page). */
  readonly programUrl: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
}

/** The status answer (`/{edition}/live/status.json`): the player and the live page read it. */
export interface StatusJson {
  readonly checkedAt: string;
  readonly channels: readonly {
    readonly id: number;
    readonly slug: string;
    readonly name: string;
    readonly state: LiveState;
    readonly title: string | null;
    readonly listeners: number | null;
    readonly now: AiringJson | null;
    readonly next: readonly AiringJson[];
  }[];
}

/** The status answer for these channels at `at`. */
export function statusJson(items: readonly ChannelNow[], at: Date): StatusJson {
  const airing = (edition: string, a: ProgramAiring): AiringJson => ({
    programTitle: a.title,
    programUrl: a.program ? programPath(edition, a.program.slug) : null,
    startsAt: a.start.toISOString(),
    endsAt: a.end.toISOString(),
  });
  return {
    checkedAt: at.toISOString(),
    channels: items.map(({ channel, status, lineup }) => ({
      id: channel.id,
      slug: channel.slug,
      name: channel.name,
      state: status.state,
      // A title from a server that says the stream is down would describe the past.
      title: status.state === 'on_air' ? (status.title ?? null) : null,
      listeners: status.state === 'on_air' ? (status.listeners ?? null) : null,
      now: lineup.now ? airing(channel.edition, lineup.now) : null,
      next: lineup.next.map((a) => airing(channel.edition, a)),
    })),
  };
}
