// The lock screen and the system's media controls (Media Session API): the program on air as the
// title, the channel as the artist, the channel's artwork; play and pause act on the player.

export interface SessionInfo {
  readonly channel: string;
  readonly program?: string;
  readonly artwork?: string;
}

export function setMediaSession(info: SessionInfo, actions: { play(): void; pause(): void }): void {
  if (!('mediaSession' in navigator) || typeof MediaMetadata === 'undefined') return;
  navigator.mediaSession.metadata = new MediaMetadata({
    title: info.program || info.channel,
    artist: info.channel,
    artwork: info.artwork ? [{ src: new URL(info.artwork, location.href).href }] : [],
  });
  for (const [action, handler] of [
    ['play', actions.play],
    ['pause', actions.pause],
    ['stop', actions.pause],
  ] as const) {
    try {
      navigator.mediaSession.setActionHandler(action, () => handler());
    } catch {
      // An action this browser does not know.
    }
  }
}

export function setPlaybackState(state: 'playing' | 'paused' | 'none'): void {
  if ('mediaSession' in navigator) navigator.mediaSession.playbackState = state;
}

export function clearMediaSession(): void {
  if (!('mediaSession' in navigator)) return;
  navigator.mediaSession.metadata = null;
  navigator.mediaSession.playbackState = 'none';
}
