// Node itself as the second yardstick: a bare `node:http` server on the server's CPU answering
// every request with the cached article's exact bytes and headers from memory. The cached article
// can be no faster than this; the gap between the two is what Warta's cache path costs, and
// this server's p99 is the tail the machine gives any Node process that run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, pinned, waitForAnswer } from './system.ts';

/** A running bare server answering every path. */
export interface RunningBareNode {
  baseUrl: string;
  path: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 10_000;

/** Headers Node sets itself, or that belong to one connection, not to the answer. */
const NOT_COPIED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

/**
 * The server's whole program. It keeps idle connections as long as Warta's server does (Fastify's
 * default of 72 s) and writes the stored header list, as the page cache's hits do.
 */
const PROGRAM = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.argv[1]);
const headers = [...JSON.parse(process.argv[2]), 'content-length', String(body.length)];
const server = http.createServer((req, res) => {
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
});
server.keepAliveTimeout = 72000;
server.listen(Number(process.argv[3]), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
`;

/** Starts the bare server with these bytes and the headers of the answer they came in. */
export async function startBareNode(body: Buffer, headers: Headers, cpu: number | undefined): Promise<RunningBareNode> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-bench-node-'));
  const file = path.join(dir, 'article.html');
  fs.writeFileSync(file, body);
  const list: string[] = [];
  for (const [name, value] of headers) if (!NOT_COPIED.has(name)) list.push(name, value);
  const port = await freePort();
  const [command, args] = pinned(cpu, process.execPath, ['-e', PROGRAM, file, JSON.stringify(list), String(port)]);
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForAnswer(`${baseUrl}/article.html`, () => child.exitCode !== null, START_TIMEOUT_MS);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the bare node:http server did not start: ${(error as Error).message}\n${stderr}`);
  }
  return {
    baseUrl,
    path: '/article.html',
    async stop() {
      child.kill('SIGTERM');
      await exit;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
