// The live radio's mini player, loaded on the first press of a play button
// (client/player/play-buttons.ts). It plays a channel's streams in order of preference, tells what
// is on air (the button's data, then the edition's status.json), says "off air" and tries again with
// growing waits when the streams fail, never leaving a silent spinner, and keeps playing from page
// to page (./drive.ts). Play/pause, volume, channel and close are ordinary labelled controls.
import { retryDelaySeconds } from './backoff.ts';
import { channelFromButton, fill, type Channel } from './channel.ts';
import { startDrive, stopDrive } from './drive.ts';
import { clearMediaSession, setMediaSession, setPlaybackState } from './media-session.ts';
import { fetchChannelStatus, STATUS_EVERY_MS } from './status.ts';
import { routesFor, StreamSession } from './stream.ts';
import { createView, showChannel, showChoice, type PlayerView } from './view.ts';

type State = 'connecting' | 'playing' | 'paused' | 'off-air' | 'closed';

/** A stream whose time stands still this long while it should play has stalled. */
const STALL_MS = 12_000;

class LivePlayer {
  private state: State = 'closed';
  private session: StreamSession | undefined;
  /** Bumped by every new start, so an older attempt that finishes late changes nothing. */
  private attempt = 0;
  private failures = 0;
  private retryAt = 0;
  private program: string | undefined;
  private readonly timers = new Set<number>();
  private statusTimer: number | undefined;
  private readonly known = new Map<string, Channel>();

  constructor(
    private readonly view: PlayerView,
    private channel: Channel,
  ) {
    const { audio, toggle, retry, close, select, volume } = view;
    toggle.addEventListener('click', () => (this.isActive() ? this.pause() : this.play(this.channel)));
    retry.addEventListener('click', () => void this.connect());
    close.addEventListener('click', () => this.close());
    select.addEventListener('change', () => {
      const chosen = this.known.get(select.value);
      if (chosen) this.play(chosen);
    });
    volume.addEventListener('input', () => (audio.volume = Number(volume.value) / 100));
    // Paused from outside (headphones unplugged, the system's controls): the player says so.
    audio.addEventListener('pause', () => {
      if (this.state === 'playing' && audio.paused) this.pause();
    });
    document.addEventListener('turbo:load', () => this.pageShown());
  }

  /** A play button was pressed: plays its channel, or pauses it when it is the one playing. */
  press(channel: Channel): void {
    this.known.set(channel.id, channel);
    if (this.isActive() && channel.id === this.channel.id) this.pause();
    else this.play(channel);
  }

  play(channel: Channel): void {
    if (channel.id !== this.channel.id) {
      this.failures = 0;
      this.program = undefined;
    }
    this.channel = channel;
    this.known.set(channel.id, channel);
    this.view.root.hidden = false;
    showChannel(this.view, channel);
    this.collectChannels();
    this.showProgram(this.program ?? channel.program);
    startDrive((text) => announce(this.view.pageStatus, text));
    void this.connect();
    this.refreshStatus();
  }

  pause(): void {
    this.stopStream();
    this.setState('paused');
    announce(this.view.status, this.channel.labels.paused);
  }

  close(): void {
    this.stopStream();
    this.setState('closed');
    window.clearTimeout(this.statusTimer);
    this.view.root.hidden = true;
    clearMediaSession();
    stopDrive();
    // The focus was on the close button, which is gone: back to the page's content.
    document.getElementById('main')?.focus({ preventScroll: true });
  }

  private isActive(): boolean {
    return this.state === 'connecting' || this.state === 'playing' || this.state === 'off-air';
  }

  /** Tries the channel's streams in order; plays the first that sounds, else goes off air. */
  private async connect(): Promise<void> {
    this.stopStream();
    const token = this.attempt;
    this.setState('connecting');
    const { audio } = this.view;
    for (const stream of this.channel.streams) {
      for (const route of routesFor(stream, audio)) {
        if (token !== this.attempt) return;
        const session: StreamSession = new StreamSession(audio, stream, route, () => this.lost(session));
        this.session = session;
        try {
          await session.start();
        } catch {
          session.stop();
          continue;
        }
        if (token !== this.attempt) return session.stop();
        this.failures = 0;
        this.setState('playing');
        announce(this.view.status, fill(this.channel.labels.playing, { channel: this.channel.name }));
        this.watch(session);
        return;
      }
    }
    if (token !== this.attempt) return;
    this.session = undefined;
    this.offAir();
  }

  /** The playing stream failed or stalled: the others are tried at once, then the wait begins. */
  private lost(session: StreamSession): void {
    if (session === this.session && this.state === 'playing') void this.connect();
  }

  private offAir(): void {
    this.failures++;
    if (this.failures === 1) announce(this.view.status, this.channel.labels.retrying);
    this.retryAt = Date.now() + retryDelaySeconds(this.failures) * 1000;
    this.setState('off-air');
    const tick = window.setInterval(() => {
      if (this.state !== 'off-air') return this.clearTimer(tick);
      if (Date.now() >= this.retryAt) {
        this.clearTimer(tick);
        void this.connect();
      } else this.showState();
    }, 1000);
    this.timers.add(tick);
  }

  /** Watches the time of the playing stream: time that stands still is a stall. */
  private watch(session: StreamSession): void {
    const { audio } = this.view;
    let last = audio.currentTime;
    let movedAt = Date.now();
    const tick = window.setInterval(() => {
      if (session !== this.session || this.state !== 'playing') return this.clearTimer(tick);
      if (audio.currentTime !== last) {
        last = audio.currentTime;
        movedAt = Date.now();
      } else if (Date.now() - movedAt > STALL_MS) {
        this.clearTimer(tick);
        this.lost(session);
      }
    }, 1000);
    this.timers.add(tick);
  }

  private stopStream(): void {
    this.attempt++;
    for (const timer of this.timers) window.clearInterval(timer);
    this.timers.clear();
    this.session?.stop();
    this.session = undefined;
  }

  private clearTimer(timer: number): void {
    window.clearInterval(timer);
    this.timers.delete(timer);
  }

  private setState(state: State): void {
    this.state = state;
    this.view.root.dataset.state = state;
    this.showState();
    this.syncButtons();
    setPlaybackState(state === 'playing' ? 'playing' : state === 'closed' ? 'none' : 'paused');
    if (state !== 'closed') this.updateSession();
  }

  private showState(): void {
    const { view, channel } = this;
    const labels = channel.labels;
    const active = this.isActive();
    view.toggle.setAttribute('aria-label', active ? labels.pause : labels.play);
    view.retry.hidden = this.state !== 'off-air';
    let text = '';
    if (this.state === 'connecting') text = labels.connecting;
    else if (this.state === 'paused') text = labels.paused;
    else if (this.state === 'off-air') {
      const seconds = Math.max(1, Math.ceil((this.retryAt - Date.now()) / 1000));
      const number = new Intl.NumberFormat(channel.lang).format(seconds);
      text = `${labels.offAir} · ${fill(labels.retryIn, { seconds: number })}`;
    }
    view.state.textContent = text;
    view.state.hidden = text === '';
  }

  private showProgram(program: string | undefined): void {
    this.program = program;
    this.view.program.textContent = program ?? '';
    this.view.program.hidden = !program;
    this.updateSession();
  }

  private updateSession(): void {
    if (this.state === 'closed') return;
    setMediaSession(
      { channel: this.channel.name, program: this.program, artwork: this.channel.artwork },
      { play: () => this.play(this.channel), pause: () => this.pause() },
    );
  }

  /** Asks what is on air now, and again every half minute while the player is open. */
  private refreshStatus(): void {
    window.clearTimeout(this.statusTimer);
    const channel = this.channel;
    void fetchChannelStatus(channel.edition, channel.id).then((status) => {
      if (status?.program && channel === this.channel) this.showProgram(status.program);
    });
    this.statusTimer = window.setTimeout(() => {
      if (this.state !== 'closed' && this.state !== 'paused') this.refreshStatus();
      else this.statusTimer = undefined;
    }, STATUS_EVERY_MS);
  }

  /** A new page: its play buttons show what plays, and its channels join the choice. */
  private pageShown(): void {
    this.collectChannels();
    this.syncButtons();
  }

  private collectChannels(): void {
    for (const button of document.querySelectorAll<HTMLElement>('button[data-play-channel]')) {
      const channel = channelFromButton(button);
      if (channel && !this.known.has(channel.id)) this.known.set(channel.id, channel);
    }
    showChoice(this.view, [...this.known.values()], this.channel);
  }

  private syncButtons(): void {
    const active = this.isActive();
    for (const button of document.querySelectorAll<HTMLElement>('button[data-play-channel]')) {
      button.setAttribute('aria-pressed', String(active && button.dataset.playChannel === this.channel.id));
    }
  }
}

/** Says a text in a polite live region: emptied first, so the same words are read out again. */
function announce(region: HTMLElement, text: string): void {
  region.textContent = '';
  window.setTimeout(() => (region.textContent = text), 100);
}

let player: LivePlayer | undefined;

/** What a play button does (the first press loaded this file). */
export function toggle(button: HTMLButtonElement, audio: HTMLAudioElement): void {
  const channel = channelFromButton(button);
  if (!channel) return;
  if (!player) {
    const view = createView(channel, audio);
    player = new LivePlayer(view, channel);
  }
  player.press(channel);
}
