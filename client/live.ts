// The live page's updater: polls our own small status answer (never a stream server) while the tab
// is visible, and rewrites each channel's state, track title, program on air and next ones in
// place; a change of program is announced politely. Nothing happens on other pages. Pages swapped
// by Turbo (once a reader has pressed play) start it again, and the page left stops it.

import { formatEnd } from '../src/broadcast/end-time.ts';

interface Airing {
  programTitle: string;
  /** Null for a special without a program: a title, no page. */
  programUrl: string | null;
  startsAt: string;
  endsAt: string;
}
interface ChannelStatus {
  id: number;
  name: string;
  state: string;
  title: string | null;
  now: Airing | null;
  next: Airing[];
}

/** The page's words (in its language) and the server's clock options, from data-live-texts. */
interface Texts {
  /** The words of each stream state but "unknown" (which shows nothing). */
  states: Record<string, string | undefined>;
  nothingNow: string;
  nothingNext: string;
  announce: string;
  options: Intl.DateTimeFormatOptions;
}

const EVERY_MS = 20_000;
/** After failures the wait doubles, up to this. */
const MAX_WAIT_MS = 300_000;

let stopWatching: (() => void) | undefined;

function start(): void {
  stopWatching?.();
  const root = document.querySelector<HTMLElement>('[data-live-status]');
  stopWatching = root ? watch(root) : undefined;
}

function watch(root: HTMLElement): () => void {
  const { liveStatus: url = '', liveTexts = '{}', liveLocale, liveZone } = root.dataset;
  const texts = JSON.parse(liveTexts) as Texts;
  const format = (weekday?: 'short') =>
    new Intl.DateTimeFormat(liveLocale, { timeZone: liveZone, weekday, ...texts.options });
  const time = format();
  const dayTime = format('short');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let isStopped = false;

  const later = (ms: number) => {
    clearTimeout(timer);
    if (!isStopped && document.visibilityState === 'visible') timer = setTimeout(poll, ms);
  };
  const waitNow = () => Math.min(EVERY_MS * 2 ** failures, MAX_WAIT_MS);

  async function poll(): Promise<void> {
    try {
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      const body = (await res.json()) as { channels: ChannelStatus[] };
      if (!isStopped) body.channels.forEach(update);
      failures = 0;
    } catch {
      failures++;
    }
    later(waitNow());
  }

  function update(channel: ChannelStatus): void {
    const panel = root.querySelector(`[data-live-channel="${channel.id}"]`);
    if (!panel) return;
    const state = panel.querySelector<HTMLElement>('[data-live-state]');
    if (state) {
      const text = texts.states[channel.state] ?? '';
      state.dataset.state = channel.state;
      state.hidden = !text;
      setText(state, '[data-live-state-text]', text);
    }
    const title = panel.querySelector<HTMLElement>('[data-live-title]');
    if (title) {
      title.hidden = !channel.title;
      setText(title, '[data-live-title-text]', channel.title ?? '');
    }
    const now = panel.querySelector<HTMLElement>('[data-live-now]');
    const nowKey = keyOf(channel.now);
    if (now && now.dataset.liveNow !== nowKey) {
      now.dataset.liveNow = nowKey;
      const on = channel.now;
      now.replaceChildren(
        ...(on
          ? [
              link(on),
              ' ',
              element(
                'span',
                'live-times',
                timeOf(on.startsAt, (d) => time.format(d)),
                '–',
                timeOf(on.endsAt, (d) => formatEnd(d, time)),
              ),
            ]
          : [element('span', 'live-none', texts.nothingNow)]),
      );
      const announcer = root.querySelector('[data-live-announce]');
      if (on && announcer)
        announcer.textContent = texts.announce
          .replace('{channel}', () => channel.name)
          .replace('{program}', () => on.programTitle);
    }
    const next = panel.querySelector<HTMLElement>('[data-live-next]');
    const nextKey = channel.next.map(keyOf).join(',');
    if (next && next.dataset.liveNext !== nextKey) {
      next.dataset.liveNext = nextKey;
      next.replaceChildren(
        ...(channel.next.length
          ? channel.next.map((a) =>
              element(
                'li',
                '',
                timeOf(a.startsAt, (d) => dayTime.format(d)),
                ' ',
                link(a),
              ),
            )
          : [element('li', 'live-none', texts.nothingNext)]),
      );
    }
  }

  const onVisibility = () =>
    document.visibilityState === 'visible' ? later(failures ? waitNow() : 0) : clearTimeout(timer);
  document.addEventListener('visibilitychange', onVisibility);
  // The page may have waited in a cache: ask at once, then every EVERY_MS.
  later(0);
  return () => {
    isStopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}

function keyOf(airing: Airing | null): string {
  return airing ? `${airing.programUrl ?? airing.programTitle} ${airing.startsAt}` : '';
}

function setText(parent: Element, selector: string, text: string): void {
  const target = parent.querySelector(selector);
  if (target) target.textContent = text;
}

function element(tag: string, className: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  node.append(...children);
  return node;
}

function link(airing: Airing): HTMLElement {
  if (airing.programUrl === null) return element('span', '', airing.programTitle);
  const a = element('a', '', airing.programTitle) as HTMLAnchorElement;
  a.href = airing.programUrl;
  return a;
}

function timeOf(iso: string, write: (date: Date) => string): HTMLElement {
  const node = element('time', '', write(new Date(iso)));
  node.setAttribute('datetime', iso);
  return node;
}

start();
document.addEventListener('turbo:load', start);
document.addEventListener('turbo:before-render', () => {
  stopWatching?.();
  stopWatching = undefined;
});
