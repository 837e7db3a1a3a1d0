// A channel as the player knows it, read from a play button's data attributes
// (src/broadcast/live/play-button.tsx), and the player's words in the channel's language.

export interface Stream {
  readonly url: string;
  readonly format: 'mp3' | 'aac' | 'hls';
}

/** The player's words (the keys are those of PLAYER_LABELS in play-button.tsx). */
export interface Labels {
  readonly region: string;
  readonly play: string;
  readonly pause: string;
  readonly volume: string;
  readonly channel: string;
  readonly close: string;
  readonly live: string;
  readonly connecting: string;
  readonly playing: string;
  readonly paused: string;
  readonly offAir: string;
  readonly retryIn: string;
  readonly retrying: string;
  readonly retryNow: string;
}

export interface Channel {
  readonly id: string;
  readonly edition: string;
  readonly name: string;
  readonly streams: readonly Stream[];
  readonly artwork?: string;
  /** The program on air when the page was made; status.json brings fresher news. */
  readonly program?: string;
  readonly labels: Labels;
  /** The language and direction of the page the button was on, which the player keeps. */
  readonly lang: string;
  readonly dir: 'ltr' | 'rtl';
}

const FORMATS = new Set(['mp3', 'aac', 'hls']);

/** The channel a play button plays, or undefined when its data is broken. */
export function channelFromButton(button: HTMLElement): Channel | undefined {
  const { playChannel, edition, channelName, streams, artwork, program, labels } = button.dataset;
  if (!playChannel || !edition || !channelName || !streams || !labels) return undefined;
  const parsedStreams = parseJson(streams);
  const parsedLabels = parseJson(labels);
  if (!Array.isArray(parsedStreams) || typeof parsedLabels !== 'object' || parsedLabels === null) return undefined;
  const playable = parsedStreams.filter(
    (s): s is Stream =>
      typeof s === 'object' && s !== null && typeof s.url === 'string' && FORMATS.has(String(s.format)),
  );
  if (playable.length === 0) return undefined;
  const page = button.closest<HTMLElement>('[lang]') ?? document.documentElement;
  const dir = button.closest<HTMLElement>('[dir]')?.dir === 'rtl' ? 'rtl' : 'ltr';
  return {
    id: playChannel,
    edition,
    name: channelName,
    streams: playable,
    artwork: artwork || undefined,
    program: program || undefined,
    labels: parsedLabels as Labels,
    lang: page.lang || document.documentElement.lang,
    dir,
  };
}

/** Fills a label's {placeholders}. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
