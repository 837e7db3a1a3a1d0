// One stream on the player's audio element: an Icecast/Shoutcast stream (MP3, AAC) straight into
// the element, an HLS stream either the browser's own way or through hls.js (loaded only then).
// `start` resolves once sound flows (the element's time advances), and rejects when the stream
// fails or stays silent: the player then tries the next stream, or says it is off air.
import type Hls from 'hls.js';
import type { Stream } from './channel.ts';

/** How long a stream may take to start sounding. */
export const CONNECT_TIMEOUT_MS = 15_000;

/**
 * Set by tests (and by anyone curious) in the browser's local storage: `hls.js` makes HLS go
 * through hls.js even where the browser plays HLS itself, as Chromium partly does. Only this
 * browser is affected; no address or request can switch it.
 */
export const HLS_PREFERENCE_KEY = 'warta:hls';

/** A way to play a stream: the element's own, or hls.js. */
export type Route = 'element' | 'hls.js';

/** The ways to try for a stream, best first. */
export function routesFor(stream: Stream, audio: HTMLAudioElement): Route[] {
  if (stream.format !== 'hls') return ['element'];
  const hasMse = typeof MediaSource !== 'undefined' || 'ManagedMediaSource' in window;
  if (forcedHlsJs()) return hasMse ? ['hls.js'] : [];
  const native = audio.canPlayType('application/vnd.apple.mpegurl') !== '';
  return [...(native ? (['element'] as const) : []), ...(hasMse ? (['hls.js'] as const) : [])];
}

function forcedHlsJs(): boolean {
  try {
    return localStorage.getItem(HLS_PREFERENCE_KEY) === 'hls.js';
  } catch {
    return false;
  }
}

let hlsLibrary: Promise<typeof Hls> | undefined;

function loadHls(): Promise<typeof Hls> {
  hlsLibrary ??= import('./hls-library.ts').then((module) => module.default);
  hlsLibrary.catch(() => (hlsLibrary = undefined));
  return hlsLibrary;
}

export class StreamFailed extends Error {}

/** A stream playing (or starting) on the audio element. */
export class StreamSession {
  private hls: Hls | undefined;
  private stopped = false;
  private readonly failures = new Set<(error: Error) => void>();
  private readonly onError = () => this.fail(new StreamFailed(`media error ${this.audio.error?.code ?? ''}`));

  constructor(
    private readonly audio: HTMLAudioElement,
    readonly stream: Stream,
    private readonly route: Route,
    /** Called when the stream fails after it started. */
    private readonly onLost: (error: Error) => void,
  ) {}

  async start(): Promise<void> {
    const { audio, stream } = this;
    audio.addEventListener('error', this.onError);
    const failed = new Promise<never>((_resolve, reject) => this.failures.add(reject));
    failed.catch(() => undefined);
    if (this.route === 'hls.js') {
      const HlsJs = await Promise.race([loadHls(), failed]);
      if (!HlsJs.isSupported()) throw new StreamFailed('hls.js is not supported here');
      this.throwIfStopped();
      // No worker: the page's CSP allows none, and one audio stream does not need one.
      const hls = new HlsJs({ enableWorker: false, liveDurationInfinity: true });
      this.hls = hls;
      hls.on(HlsJs.Events.ERROR, (_event, data) => {
        if (data.fatal) this.fail(new StreamFailed(`hls.js: ${data.details}`));
      });
      hls.loadSource(stream.url);
      hls.attachMedia(audio);
    } else {
      audio.src = stream.url;
    }
    const startedAt = audio.currentTime;
    const sounding = new Promise<void>((resolve) => {
      const check = () => {
        if (audio.currentTime > startedAt) {
          audio.removeEventListener('timeupdate', check);
          resolve();
        }
      };
      audio.addEventListener('timeupdate', check);
    });
    let timer: number | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = window.setTimeout(() => reject(new StreamFailed('no sound in time')), CONNECT_TIMEOUT_MS);
    });
    try {
      await Promise.race([audio.play(), failed, timeout]);
      await Promise.race([sounding, failed, timeout]);
      this.throwIfStopped();
    } finally {
      window.clearTimeout(timer);
    }
    // From now on a failure is news for the player, not the end of an attempt.
    this.failures.clear();
    this.failures.add((error) => this.onLost(error));
  }

  /** Stops the stream and leaves the element empty (no connection stays open). */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.failures.clear();
    this.audio.removeEventListener('error', this.onError);
    this.hls?.destroy();
    this.hls = undefined;
    this.audio.pause();
    if (this.audio.hasAttribute('src')) {
      this.audio.removeAttribute('src');
      this.audio.load();
    }
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    for (const handler of [...this.failures]) handler(error);
  }

  private throwIfStopped(): void {
    if (this.stopped) throw new StreamFailed('stopped');
  }
}
