// What is on air, from the edition's own small status endpoint (/{edition}/live/status.json,
// made by the live page's code from the schedule and the stream servers, cached briefly).
// The player asks it when it starts and every half minute while it plays; never the stream servers.

/** How often a playing player asks. */
export const STATUS_EVERY_MS = 30_000;

export interface ChannelStatus {
  readonly state: 'on_air' | 'off_air' | 'unreachable' | 'unknown';
  readonly program?: string;
}

/** The status of one channel, or undefined when the endpoint does not answer usefully. */
export async function fetchChannelStatus(edition: string, channelId: string): Promise<ChannelStatus | undefined> {
  try {
    const response = await fetch(`/${encodeURIComponent(edition)}/live/status.json`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
    });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { channels?: unknown };
    if (!Array.isArray(body.channels)) return undefined;
    const channel = body.channels.find(
      (c: unknown): c is Record<string, unknown> =>
        typeof c === 'object' && c !== null && String((c as { id?: unknown }).id) === channelId,
    );
    if (!channel) return undefined;
    const state = ['on_air', 'off_air', 'unreachable'].includes(String(channel.state))
      ? (channel.state as ChannelStatus['state'])
      : 'unknown';
    const now = channel.now as { programTitle?: unknown } | null | undefined;
    const program =
      typeof now?.programTitle === 'string'
        ? now.programTitle
        : typeof channel.title === 'string' && channel.title
          ? channel.title
          : undefined;
    return { state, program };
  } catch {
    return undefined;
  }
}
