// The play button of a channel (live page, on-air box): a real button the player script brings to
// life; its data attributes carry what the player needs to start the stream without a request
// (the streams, the program on air, and the player's words in the edition's language). The page's
// small script loads the player only when the button is pressed (client/player/play-buttons.ts).
// Without JavaScript the button is hidden by CSS and the live page's plain audio links stand in.
import type { MessageKey } from '../../i18n/index.ts';
import type { Site } from '../../core/views/site.ts';

/** A channel as a player needs it: its streams in order of preference. */
export interface PlayableChannel {
  readonly id: number;
  readonly edition: string;
  readonly slug: string;
  readonly name: string;
  readonly artworkUrl?: string;
  readonly streams: readonly { readonly url: string; readonly format: 'mp3' | 'aac' | 'hls' }[];
  /** The program on air when the page was rendered. */
  readonly programTitle?: string;
}

/** The player's words, by the names client/player/labels.ts reads them under. */
const PLAYER_LABELS = {
  region: 'live.player.region',
  play: 'live.player.play',
  pause: 'live.player.pause',
  volume: 'live.player.volume',
  channel: 'live.player.channel',
  close: 'live.player.close',
  live: 'live.player.live',
  connecting: 'live.player.connecting',
  playing: 'live.player.playing',
  paused: 'live.player.paused',
  offAir: 'live.player.offAir',
  retryIn: 'live.player.retryIn',
  retrying: 'live.player.retrying',
  retryNow: 'live.player.retryNow',
} as const satisfies Record<string, MessageKey>;

/** The labels as one JSON attribute; the same for every button of an edition, so made once per translator. */
const labelsByTranslator = new WeakMap<Site['t'], string>();

function playerLabels(t: Site['t']): string {
  let json = labelsByTranslator.get(t);
  if (json === undefined) {
    json = JSON.stringify(Object.fromEntries(Object.entries(PLAYER_LABELS).map(([name, key]) => [name, t(key)])));
    labelsByTranslator.set(t, json);
  }
  return json;
}

/** A button that plays the channel in the page's persistent player (pressed while it plays). */
export function PlayButton(props: { site: Site; channel: PlayableChannel }): JSX.Element {
  const { site, channel } = props;
  return (
    <button
      type="button"
      class="play-button"
      aria-pressed="false"
      data-play-channel={String(channel.id)}
      data-edition={channel.edition}
      data-channel-name={channel.name}
      data-streams={JSON.stringify(channel.streams)}
      data-artwork={channel.artworkUrl}
      data-program={channel.programTitle}
      data-labels={playerLabels(site.t)}
    >
      <span class="play-button__icon" aria-hidden="true"></span>
      <span class="play-button__text">
        <span safe>{site.t('live.player.listen')}</span>
        {/* The channel's name completes the label (several channels on one page), out of sight. */}
        <span class="visually-hidden" safe>
          {` · ${channel.name}`}
        </span>
      </span>
    </button>
  );
}
