// The mini player's markup, made in the browser the first time a reader presses play (pages carry
// none of it: a reader who never plays pays nothing). One element, kept across page swaps
// (data-turbo-permanent); the page's language and direction are the ones of the channel's page.
import type { Channel, Labels } from './channel.ts';
import { PLAYER_ID } from './drive.ts';

export interface PlayerView {
  readonly root: HTMLElement;
  readonly audio: HTMLAudioElement;
  readonly toggle: HTMLButtonElement;
  readonly art: HTMLImageElement;
  readonly channelName: HTMLElement;
  readonly program: HTMLElement;
  readonly state: HTMLElement;
  readonly retry: HTMLButtonElement;
  readonly choice: HTMLElement;
  readonly select: HTMLSelectElement;
  readonly volume: HTMLInputElement;
  readonly close: HTMLButtonElement;
  /** Announces changes of state, politely. */
  readonly status: HTMLElement;
  /** Announces the title of a page swapped in. */
  readonly pageStatus: HTMLElement;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

/** Makes the player (hidden), with `audio` as its audio element, at the end of <body>. */
export function createView(channel: Channel, audio: HTMLAudioElement): PlayerView {
  const labels = channel.labels;
  const root = element('section', 'mini-player');
  root.id = PLAYER_ID;
  root.dataset.turboPermanent = '';
  root.hidden = true;
  const inner = element('div', 'mini-player__inner');

  const toggle = element('button', 'mini-player__button mini-player__toggle');
  toggle.type = 'button';
  toggle.append(element('span', 'mini-player__icon'));
  toggle.firstElementChild!.setAttribute('aria-hidden', 'true');

  // The channel's artwork, when it has one (an <img> without an address is not valid HTML).
  const art = element('img', 'mini-player__art');
  art.alt = '';
  art.width = 48;
  art.height = 48;

  const info = element('div', 'mini-player__info');
  const title = element('p', 'mini-player__title');
  const live = element('span', 'mini-player__live');
  const channelName = element('span', 'mini-player__channel');
  title.append(live, channelName);
  const program = element('p', 'mini-player__program');
  const state = element('p', 'mini-player__state');
  info.append(title, program, state);

  const retry = element('button', 'mini-player__retry');
  retry.type = 'button';
  retry.hidden = true;

  const controls = element('div', 'mini-player__controls');
  const choice = element('label', 'mini-player__choice');
  const choiceText = element('span', 'mini-player__choice-label');
  const select = element('select', 'mini-player__select');
  choice.append(choiceText, select);
  choice.hidden = true;

  const volumeLabel = element('label', 'mini-player__volume');
  const volumeText = element('span', 'visually-hidden');
  const volume = element('input', 'mini-player__range');
  volume.type = 'range';
  volume.min = '0';
  volume.max = '100';
  volume.step = '5';
  volume.value = String(Math.round(audio.volume * 100));
  volumeLabel.append(volumeText, volume);
  controls.append(choice, volumeLabel);

  const close = element('button', 'mini-player__button mini-player__close');
  close.type = 'button';
  close.append(element('span', 'mini-player__close-icon'));
  close.firstElementChild!.setAttribute('aria-hidden', 'true');

  const status = element('p', 'visually-hidden');
  status.setAttribute('role', 'status');
  const pageStatus = element('p', 'visually-hidden');
  pageStatus.setAttribute('role', 'status');

  inner.append(toggle, info, retry, controls, close);
  audio.classList.add('mini-player__audio');
  root.append(inner, status, pageStatus, audio);
  const view: PlayerView = {
    root,
    audio,
    toggle,
    art,
    channelName,
    program,
    state,
    retry,
    choice,
    select,
    volume,
    close,
    status,
    pageStatus,
  };
  applyLabels(view, channel, labels, live, choiceText, volumeText);
  document.body.append(root);
  return view;
}

function applyLabels(
  view: PlayerView,
  channel: Channel,
  labels: Labels,
  live: HTMLElement,
  choiceText: HTMLElement,
  volumeText: HTMLElement,
): void {
  view.root.lang = channel.lang;
  view.root.dir = channel.dir;
  view.root.setAttribute('aria-label', labels.region);
  live.textContent = labels.live;
  choiceText.textContent = labels.channel;
  volumeText.textContent = labels.volume;
  view.retry.textContent = labels.retryNow;
  view.close.setAttribute('aria-label', labels.close);
}

/** Puts a channel's words and name in (a channel of another edition brings its own language). */
export function showChannel(view: PlayerView, channel: Channel): void {
  const root = view.root;
  applyLabels(
    view,
    channel,
    channel.labels,
    root.querySelector('.mini-player__live')!,
    root.querySelector('.mini-player__choice-label')!,
    root.querySelector('.mini-player__volume .visually-hidden')!,
  );
  view.channelName.textContent = channel.name;
  if (channel.artwork) {
    view.art.src = channel.artwork;
    if (!view.art.isConnected) view.toggle.after(view.art);
  } else {
    view.art.remove();
  }
}

/** The channel choice: shown when the edition has more than one channel the player knows of. */
export function showChoice(view: PlayerView, channels: readonly Channel[], current: Channel): void {
  const same = channels.filter((c) => c.edition === current.edition);
  view.choice.hidden = same.length < 2;
  const options = same.map((c) => {
    const option = document.createElement('option');
    option.value = c.id;
    option.textContent = c.name;
    option.selected = c.id === current.id;
    return option;
  });
  view.select.replaceChildren(...options);
}
