// Reading a secret from the terminal without echo, or from piped standard input.
import readline from 'node:readline';

/** Reads one line; when stdin is a terminal the typed characters are not shown. */
export function readSecret(question: string): Promise<string> {
  return new Promise((resolve) => {
    const isTty = Boolean(process.stdin.isTTY);
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: isTty });
    if (isTty) {
      process.stderr.write(question);
      // Swallow the echo of typed characters.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
    }
    rl.once('line', (line) => {
      if (isTty) process.stderr.write('\n');
      resolve(line); // before close(), whose handler would resolve with ''
      rl.close();
    });
    rl.once('close', () => resolve(''));
  });
}
