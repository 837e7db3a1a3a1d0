// hls.js, a file of its own: the player imports it only for an HLS stream in a browser without HLS
// of its own (client/player/stream.ts). The light build: live audio needs no subtitles or DRM.
export { default } from 'hls.js/light';
