// What a stream server says about a stream: on air or not, and the title it is playing. Only the
// server polls (readers' browsers never reach a stream server's status page): one request per
// stream server at a time, with a timeout, a size limit and a short cache, so a page view costs
// no request and a dead server costs one timeout per period, not one per reader.
// Icecast's `/status-json.xsl` lists its mounts (`icestats.source`: one object, or an array);
// AzuraCast, which many stations run as their audio backend, answers `/api/nowplaying/{station}`.

/** A stream as its server last reported it. */
export interface StreamStatus {
  /** on_air: the mount has a source; off_air: the server answers without it; unreachable: no answer. */
  readonly state: 'on_air' | 'off_air' | 'unreachable';
  /** The current title (a show or a track), when the server has one. */
  readonly title?: string;
  readonly listeners?: number;
  readonly checkedAt: Date;
}

/** How a status request is made. */
export interface StatusOptions {
  readonly timeoutMs: number;
  readonly now: () => Date;
  /** Injected in tests; the global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

/** The most of a status page read: Icecast's lists every mount, a few KB each. */
const MAX_STATUS_BYTES = 512 * 1024;
/** The longest title kept (a playout system can send anything). */
const MAX_TITLE = 300;

/** An Icecast stream's status, from its server's status-json.xsl; never throws. */
export async function icecastStatus(streamUrl: string, options: StatusOptions): Promise<StreamStatus> {
  const checkedAt = options.now();
  let url: URL;
  try {
    url = new URL(streamUrl);
  } catch {
    return { state: 'unreachable', checkedAt };
  }
  try {
    const res = await (options.fetch ?? fetch)(new URL('/status-json.xsl', url.origin), {
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return { state: 'unreachable', checkedAt };
    const text = await readLimited(res, MAX_STATUS_BYTES);
    if (text === undefined) return { state: 'unreachable', checkedAt };
    const source = mountOf(JSON.parse(text) as unknown, url.pathname);
    if (!source) return { state: 'off_air', checkedAt };
    const title = titleOf(source);
    const listeners = typeof source.listeners === 'number' ? source.listeners : undefined;
    return {
      state: 'on_air',
      checkedAt,
      ...(title ? { title } : {}),
      ...(listeners === undefined ? {} : { listeners }),
    };
  } catch {
    // A timeout, a refused connection, a redirect, a page that is not JSON: all "no answer".
    return { state: 'unreachable', checkedAt };
  }
}

/**
 * A station's status from AzuraCast's now-playing API (`https://host/api/nowplaying/{station}`):
 * `is_online`, the live streamer's name or the song playing, the current listeners. Never throws.
 */
export async function azuracastStatus(apiUrl: string, options: StatusOptions): Promise<StreamStatus> {
  const checkedAt = options.now();
  try {
    const res = await (options.fetch ?? fetch)(new URL(apiUrl), {
      signal: AbortSignal.timeout(options.timeoutMs),
      redirect: 'error',
      headers: { accept: 'application/json' },
    });
    if (!res.ok) return { state: 'unreachable', checkedAt };
    const text = await readLimited(res, MAX_STATUS_BYTES);
    if (text === undefined) return { state: 'unreachable', checkedAt };
    const body = JSON.parse(text) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object' || typeof body.is_online !== 'boolean')
      return { state: 'unreachable', checkedAt };
    if (!body.is_online) return { state: 'off_air', checkedAt };
    const live = (body.live ?? {}) as Record<string, unknown>;
    const song = (((body.now_playing ?? {}) as Record<string, unknown>).song ?? {}) as Record<string, unknown>;
    const listeners = ((body.listeners ?? {}) as Record<string, unknown>).current;
    const title = cleanTitle(
      live.is_live === true && typeof live.streamer_name === 'string' && live.streamer_name
        ? live.streamer_name
        : typeof song.text === 'string'
          ? song.text
          : '',
    );
    return {
      state: 'on_air',
      checkedAt,
      ...(title ? { title } : {}),
      ...(typeof listeners === 'number' ? { listeners } : {}),
    };
  } catch {
    return { state: 'unreachable', checkedAt };
  }
}

type IcecastSource = Record<string, unknown>;

/** The status entry of the mount at `pathname`, if the server lists it. */
function mountOf(status: unknown, pathname: string): IcecastSource | undefined {
  const icestats = (status as { icestats?: { source?: unknown } } | null)?.icestats;
  const listed = icestats?.source;
  const sources = (Array.isArray(listed) ? listed : listed ? [listed] : []) as unknown[];
  return sources.find((s): s is IcecastSource => {
    if (!s || typeof s !== 'object') return false;
    const listenUrl = (s as IcecastSource).listenurl;
    if (typeof listenUrl !== 'string') return false;
    try {
      return new URL(listenUrl).pathname === pathname;
    } catch {
      return false;
    }
  });
}

/** "Artist - Title" when both are set, else the title; control characters out, length capped. */
function titleOf(source: IcecastSource): string | undefined {
  const text = (name: string) => (typeof source[name] === 'string' ? (source[name] as string) : '');
  const title = text('title') || text('yp_currently_playing');
  const artist = text('artist');
  return cleanTitle(artist && title && !title.startsWith(artist) ? `${artist} - ${title}` : title);
}

/** A title as shown: control characters out, spaces trimmed, length capped; undefined when empty. */
function cleanTitle(text: string): string | undefined {
  const clean = text.replace(/\p{Cc}/gu, ' ').trim();
  return clean ? clean.slice(0, MAX_TITLE) : undefined;
}

/** A response body as text, or undefined when it is larger than `limit` bytes. */
async function readLimited(res: Response, limit: number): Promise<string | undefined> {
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Statuses kept for `ttlMs` per stream URL; callers asking at once share one request. A page
 * asks as often as it likes: the stream server hears from us at most once per period.
 */
export class StreamStatusCache {
  private readonly kept = new Map<string, { status: StreamStatus; at: number }>();
  private readonly asking = new Map<string, Promise<StreamStatus>>();

  constructor(
    private readonly options: {
      ttlMs: number;
      now: () => Date;
      check: (streamUrl: string) => Promise<StreamStatus>;
    },
  ) {}

  /** The stream's status, at most `ttlMs` old. */
  async get(streamUrl: string): Promise<StreamStatus> {
    const kept = this.kept.get(streamUrl);
    if (kept && this.options.now().getTime() - kept.at < this.options.ttlMs) return kept.status;
    let asking = this.asking.get(streamUrl);
    if (!asking) {
      asking = this.options.check(streamUrl).then((status) => {
        this.kept.set(streamUrl, { status, at: this.options.now().getTime() });
        return status;
      });
      asking.finally(() => this.asking.delete(streamUrl)).catch(() => undefined);
      this.asking.set(streamUrl, asking);
    }
    return asking;
  }

  /** Forgets streams no channel names any more (a channel edited or deleted). */
  retain(streamUrls: readonly string[]): void {
    for (const url of [...this.kept.keys()]) if (!streamUrls.includes(url)) this.kept.delete(url);
  }
}
