// A progress bar on a terminal (rewritten in place); nothing when the output is not a terminal.

/** Reports items done of a total; `done()` ends the line. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/** A bar on `stream` when it is a TTY, else a progress that says nothing. */
export function terminalProgress(stream: NodeJS.WriteStream, label: string): Progress {
  if (!stream.isTTY) return { update() {}, done() {} };
  let last = '';
  let shown = false;
  return {
    update(done, total) {
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 24));
      const share = total > 0 ? Math.min(1, done / total) : 1;
      const filled = Math.round(share * width);
      const line = `${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total}`;
      if (line === last) return;
      last = line;
      shown = true;
      stream.write(`\r${line}`);
    },
    done() {
      if (shown) stream.write('\n');
    },
  };
}
