// The machine the benchmark runs on: which tools exist, free ports, CPU pinning, memory and
// file sizes. Linux-first (taskset, /proc); without them the benchmark runs unpinned.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const found = new Map<string, boolean>();

/** Whether a command is on the PATH. */
export function commandExists(name: string): boolean {
  let exists = found.get(name);
  if (exists === undefined) {
    exists = spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
    found.set(name, exists);
  }
  return exists;
}

/** The command line that runs `command` pinned to a CPU, when taskset exists and the CPU does. */
export function pinned(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  if (cpu === undefined || !commandExists('taskset')) return [command, [...args]];
  return ['taskset', ['-c', String(cpu), command, ...args]];
}

/** Moves every thread of this process to one CPU (autocannon then runs beside, not on, the server). */
export function pinThisProcess(cpu: number): void {
  if (commandExists('taskset'))
    execFileSync('taskset', ['-a', '-cp', String(cpu), String(process.pid)], { stdio: 'ignore' });
}

/** CPUs this process may use; the server gets the first and the load generator the second. */
export function cpuPlan(): { server: number | undefined; load: number | undefined } {
  const cpus = os.availableParallelism();
  return cpus >= 2 && commandExists('taskset') ? { server: 0, load: 1 } : { server: undefined, load: undefined };
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Asks for `url` until it answers 200; rejects when `hasExited()` says the process it waits for
 * has gone, or after `timeoutMs`.
 */
export async function waitForAnswer(url: string, hasExited: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (hasExited()) throw new Error('the process exited while starting');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000} s`);
}

/** Total size of the files under a directory, in bytes. */
export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : fs.statSync(full).size;
  }
  return total;
}

/** A process's resident memory now and at its peak (VmHWM), in MB; undefined once it is gone. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Waits (up to `maxMs`) until a process uses under a tenth of a core: a load generator that has
 * stopped can leave requests the server has read and still works through. Without /proc it
 * waits a fixed two seconds.
 */
export async function waitUntilIdle(pid: number, maxMs = 30_000): Promise<void> {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const ticks = () => {
    try {
      // Fields 14 and 15 (user and system time, in clock ticks of 10 ms) after the command name.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    } catch {
      return undefined;
    }
  };
  const deadline = performance.now() + maxMs;
  let last = ticks();
  if (last === undefined) return sleep(2_000).then(() => undefined);
  while (performance.now() < deadline) {
    await sleep(250);
    const now = ticks();
    if (now === undefined || now - last <= 2) return;
    last = now;
  }
}

/**
 * Reads a file through once, so its pages are in the OS page cache when a run starts. Some
 * virtual machines take unused memory back: this one's kernel (DAMON, action pageout) drops file
 * pages nobody touched for a minute, and a run that starts after that reads the database from
 * disk for its first seconds (28 MB/s of reads, p99 near a second), which measures the disk, not
 * Warta. A dedicated server keeps a 2 GB database in its page cache.
 */
export function readThrough(file: string): void {
  const chunk = Buffer.allocUnsafe(8 << 20);
  const fd = fs.openSync(file, 'r');
  try {
    while (fs.readSync(fd, chunk, 0, chunk.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}
