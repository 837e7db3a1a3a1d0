import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { terminalProgress } from './progress.ts';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return {
    written,
    stream: { isTTY, columns: 80, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream,
  };
}

describe('terminalProgress', () => {
  it('draws a bar in place on a terminal, and ends its line', () => {
    const s = stream(true);
    const progress = terminalProgress(s.stream, 'k2 → en');
    progress.update(0, 4);
    progress.update(2, 4);
    progress.update(2, 4); // the same line is not written again
    progress.update(4, 4);
    progress.done();
    assert.equal(s.written.length, 4);
    assert.match(s.written[1]!, /^\rk2 → en \[#{20} {20}\] 2\/4$/);
    assert.match(s.written[2]!, /^\rk2 → en \[#{40}\] 4\/4$/);
    assert.equal(s.written[3], '\n');
  });

  it('says nothing when the output is not a terminal', () => {
    const s = stream(false);
    const progress = terminalProgress(s.stream, 'k2 → en');
    progress.update(1, 2);
    progress.done();
    assert.deepEqual(s.written, []);
  });
});
