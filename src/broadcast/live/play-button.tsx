// The play button of a channel (live page, on-air box): a real button the player script brings to
// life; its data attributes carry what the player needs to start the stream without a request.
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

/** A button that plays the channel in the page's persistent player. */
export function PlayButton(props: { site: Site; channel: PlayableChannel }): JSX.Element {
  const { site, channel } = props;
  return (
    <button
      type="button"
      class="play-button"
      data-play-channel={String(channel.id)}
      data-channel-name={channel.name}
      data-streams={JSON.stringify(channel.streams)}
      data-artwork={channel.artworkUrl}
      data-program={channel.programTitle}
    >
      <span class="play-button__icon" aria-hidden="true"></span>
      <span safe>{site.t('nav.listenLive')}</span>
    </button>
  );
}
