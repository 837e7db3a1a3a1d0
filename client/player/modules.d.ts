// Types for the two libraries the player loads, as far as it uses them.

declare module 'hls.js/light' {
  // The light build has the full build's interface, without subtitles, alternate audio and DRM.
  import Hls from 'hls.js';
  export default Hls;
}

declare module '@hotwired/turbo' {
  // Turbo 8 ships no types: the few parts of its API the player touches.
  export const session: { drive: boolean };
  export const config: { drive: { unvisitableExtensions: Set<string>; progressBarDelay: number } };
}
