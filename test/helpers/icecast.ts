// A real Icecast server with a real source, for the broadcast tests: Debian's icecast2 started by
// the test with a config it writes (loopback only, a free port, its own log folder), and ffmpeg
// sending a generated tone to a mount. Without icecast2 or ffmpeg the tests skip, except under
// CI, where .ci/run installs both.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort } from './serve-process.ts';

/** Why the stream tests cannot run here, or undefined when they can. */
export function missingStreamTools(): string | undefined {
  const missing = ['icecast2', 'ffmpeg'].filter(
    (tool) => spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status !== 0,
  );
  return missing.length
    ? `${missing.join(' and ')} not installed (Debian: apt-get install icecast2 ffmpeg)`
    : undefined;
}

/** A running Icecast. */
export interface Icecast {
  readonly baseUrl: string;
  readonly port: number;
  readonly sourcePassword: string;
  readonly adminPassword: string;
  /** Sets a mount's "now playing" title, as a playout system does (the admin API). */
  setTitle(mount: string, title: string): Promise<void>;
  /** Whether the icecast2 process is still running. */
  isRunning(): boolean;
  /** Whether it runs and the end of its error log, for a failure's message. */
  state(): string;
  stop(): Promise<void>;
}

/** Starts icecast2 in the foreground on 127.0.0.1; resolves once its status page answers. */
export async function startIcecast(): Promise<Icecast> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warta-icecast-'));
  const logs = path.join(dir, 'log');
  fs.mkdirSync(logs);
  // Icecast will not run as root: it changes to nobody, who must be able to write its logs.
  fs.chmodSync(dir, 0o755);
  fs.chmodSync(logs, 0o777);
  const port = await freePort();
  const sourcePassword = `source-${process.pid}`;
  const adminPassword = `admin-${process.pid}`;
  const isRoot = process.getuid?.() === 0;
  const conf = path.join(dir, 'icecast.xml');
  fs.writeFileSync(
    conf,
    `<icecast>
  <location>Warta tests</location>
  <admin>tests@warta.test</admin>
  <limits><clients>20</clients><sources>4</sources><source-timeout>10</source-timeout></limits>
  <authentication>
    <source-password>${sourcePassword}</source-password>
    <admin-user>admin</admin-user>
    <admin-password>${adminPassword}</admin-password>
  </authentication>
  <hostname>127.0.0.1</hostname>
  <listen-socket><port>${port}</port><bind-address>127.0.0.1</bind-address></listen-socket>
  <paths>
    <basedir>/usr/share/icecast2</basedir>
    <logdir>${logs}</logdir>
    <webroot>/usr/share/icecast2/web</webroot>
    <adminroot>/usr/share/icecast2/admin</adminroot>
  </paths>
  <logging><accesslog>access.log</accesslog><errorlog>error.log</errorlog><loglevel>2</loglevel></logging>
  ${isRoot ? '<security><chroot>0</chroot><changeowner><user>nobody</user><group>nogroup</group></changeowner></security>' : ''}
</icecast>
`,
  );
  fs.chmodSync(conf, 0o644);
  const child: ChildProcess = spawn('icecast2', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const admin = `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}`;
  const icecast: Icecast = {
    baseUrl,
    port,
    sourcePassword,
    adminPassword,
    async setTitle(mount, title) {
      const url = `${baseUrl}/admin/metadata?mount=${encodeURIComponent(mount)}&mode=updinfo&song=${encodeURIComponent(title)}`;
      const res = await fetch(url, { headers: { authorization: admin } });
      if (!res.ok) throw new Error(`Icecast refused the title: ${res.status} ${await res.text()}`);
    },
    isRunning: () => child.exitCode === null && child.signalCode === null,
    state() {
      let log = '';
      try {
        log = fs.readFileSync(path.join(logs, 'error.log'), 'utf8');
      } catch {
        // Not written yet, or the folder is gone with a stopped server.
      }
      const status = icecast.isRunning() ? 'running' : `exited (${child.exitCode ?? child.signalCode})`;
      return `icecast2 ${status}; ${stderr}\nits error.log ends:\n${log.split('\n').slice(-15).join('\n')}`;
    },
    stop,
  };
  for (const end = Date.now() + 15_000; ; await delay(100)) {
    if (child.exitCode !== null) throw new Error(`icecast2 exited: ${stderr}`);
    const answered = await fetch(`${baseUrl}/status-json.xsl`).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return icecast;
    if (Date.now() > end) {
      await stop();
      throw new Error(`icecast2 did not answer: ${stderr}`);
    }
  }
}

/** A running source. */
export interface ToneSource {
  stop(): Promise<void>;
}

/**
 * ffmpeg sending a 440 Hz tone as MP3 to `mount`, in real time; resolves once Icecast lists the
 * mount in its status.
 */
export async function startTone(icecast: Icecast, mount: string): Promise<ToneSource> {
  // A refused connection while this Icecast runs (seen once, on a loaded machine) is tried again.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startToneOnce(icecast, mount);
    } catch (error) {
      const isRefused = /Connection refused/.test(String(error));
      if (!isRefused || !icecast.isRunning() || attempt === 3)
        throw new Error(`${(error as Error).message}\n${icecast.state()}`, { cause: error });
      await delay(500);
    }
  }
}

async function startToneOnce(icecast: Icecast, mount: string): Promise<ToneSource> {
  const target = `icecast://source:${icecast.sourcePassword}@127.0.0.1:${icecast.port}${mount}`;
  const child = spawn(
    'ffmpeg',
    [
      ...['-nostdin', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100'],
      ...['-c:a', 'libmp3lame', '-b:a', '64k', '-content_type', 'audio/mpeg', '-f', 'mp3', target],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  for (const end = Date.now() + 15_000; ; await delay(100)) {
    if (child.exitCode !== null) throw new Error(`ffmpeg exited: ${stderr}`);
    const status = await fetch(`${icecast.baseUrl}/status-json.xsl`).then(
      (r) => r.text(),
      () => '',
    );
    if (status.includes(`${mount}"`)) return { stop };
    if (Date.now() > end) {
      await stop();
      throw new Error(`the source did not reach ${mount}: ${stderr}`);
    }
  }
}
