// All the radio player code a reading page carries until a reader presses play: one click
// listener. The player (with Turbo, which keeps it playing across pages) is a file of its own,
// fetched on the first press; hls.js follows only if the stream needs it.

interface PlayerModule {
  toggle(button: HTMLButtonElement, audio: HTMLAudioElement): void;
}

let player: Promise<PlayerModule> | undefined;
let audio: HTMLAudioElement | undefined;

export function listenForPlay(): void {
  document.addEventListener('click', (event) => {
    const target = event.target;
    const button = target instanceof Element ? target.closest<HTMLButtonElement>('button[data-play-channel]') : null;
    if (!button) return;
    // Made and loaded while the press is still going on: Safari lets an audio element play later
    // only if it was touched during a press, and the player arrives after the press is over.
    if (!audio) {
      audio = document.createElement('audio');
      audio.preload = 'none';
      audio.load();
    }
    const element = audio;
    player ??= import('./index.ts');
    player.then(
      (module) => module.toggle(button, element),
      () => (player = undefined),
    );
  });
}
