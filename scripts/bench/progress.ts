// A progress line on stderr: redrawn in place on a terminal, a line every tenth otherwise (CI
// logs), with the rate and the time left, so a long build never looks like a hang.

/** Reports `done` of `total` under a label; `finish` ends the line. */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const WIDTH = 30;

/** A progress bar for `total` steps of `label`. */
export function createProgress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastTenth = -1;
  let lastLine = '';
  const line = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? Math.round((total - done) / rate) : 0;
    const filled = Math.round(share * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    return `${label} ${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate)}/s, ${Math.round(seconds)} s, ~${left} s left`;
  };
  return {
    update(done) {
      if (stream.isTTY) {
        lastLine = line(done);
        stream.write(`\r${lastLine}\x1b[K`);
        return;
      }
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done)}\n`);
      }
    },
    finish() {
      if (stream.isTTY && lastLine) stream.write('\n');
    },
  };
}
