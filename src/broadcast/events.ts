// The facts the broadcast domain records: ids and editions only.
declare module '../core/events/types.ts' {
  interface DomainEvents {
    /** A channel was added or changed (name, zone, streams, status source). */
    'channel.changed': { readonly channelId: number; readonly edition: string };
    /** A program was added or changed (text, hosts, weekly slots). */
    'program.changed': { readonly programId: number; readonly channelId: number; readonly edition: string };
    /** A one-off change was added to or taken from a channel's schedule. */
    'schedule.changed': { readonly channelId: number; readonly edition: string };
    /** An episode was added, changed, published, unpublished or deleted. */
    'episode.changed': { readonly episodeId: number; readonly programId: number; readonly edition: string };
    /** An episode was published, now or at `publishedAt` (recorded with its episode.changed; webhooks tell of it). */
    'episode.published': {
      readonly episodeId: number;
      readonly programId: number;
      readonly edition: string;
      readonly publishedAt: string;
    };
    /** An edition's picks of highlighted programs and episodes changed. */
    'pick.changed': { readonly edition: string };
  }
}

/** Every broadcast event: each changes what the live, programs and schedule pages show. */
export const BROADCAST_EVENTS = [
  'channel.changed',
  'program.changed',
  'schedule.changed',
  'episode.changed',
  'pick.changed',
] as const;
