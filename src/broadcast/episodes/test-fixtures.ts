// For the episode tests: a channel and program to hang episodes on, and real audio files: made
// by ffmpeg at test time when it is installed (a tone of a known length), else the demo's files.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { WriteContext } from '../../core/events/index.ts';
import { saveChannel, saveProgram } from '../commands.ts';

const run = promisify(execFile);
const DEMO_AUDIO = fileURLToPath(new URL('../../../seed/demo/audio/', import.meta.url));

/** An audio file for a test, with the length it plays. */
export interface AudioFixture {
  readonly file: string;
  readonly seconds: number;
  readonly type: 'audio/mpeg' | 'audio/mp4';
}

/** A channel and program in `edition`; returns the program's id. */
export async function makeProgram(
  w: WriteContext,
  edition: string,
  slug: string,
  extra: { title?: string } = {},
): Promise<number> {
  const channelId = await saveChannel(w, {
    edition,
    name: `Channel ${slug}`,
    slug: `channel-${slug}`,
    streams: [{ url: 'https://radio.example/live.mp3' }],
  });
  return saveProgram(w, { channelId, title: extra.title ?? `Program ${slug}`, slug });
}

/** An MP3 and an M4A: a 5 s and a 7 s tone from ffmpeg, or the demo's files without it. */
export async function audioFixtures(): Promise<{ mp3: AudioFixture; m4a: AudioFixture; dir: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'warta-episode-audio-'));
  try {
    const tone = (seconds: number) => [
      '-nostdin',
      '-loglevel',
      'error',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=440:duration=${seconds}`,
    ];
    await run('ffmpeg', [...tone(5), '-c:a', 'libmp3lame', '-b:a', '64k', path.join(dir, 'tone.mp3')]);
    await run('ffmpeg', [...tone(7), '-c:a', 'aac', '-b:a', '64k', path.join(dir, 'tone.m4a')]);
    return {
      dir,
      mp3: { file: path.join(dir, 'tone.mp3'), seconds: 5, type: 'audio/mpeg' },
      m4a: { file: path.join(dir, 'tone.m4a'), seconds: 7, type: 'audio/mp4' },
    };
  } catch {
    return {
      dir,
      mp3: { file: path.join(DEMO_AUDIO, 'morning.mp3'), seconds: 14, type: 'audio/mpeg' },
      m4a: { file: path.join(DEMO_AUDIO, 'interview.m4a'), seconds: 13, type: 'audio/mp4' },
    };
  }
}

/** A multipart body for `fields` and one file, as a browser's form would send it. */
export function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; field?: string; data: Buffer; type?: string },
): { body: Buffer; contentType: string } {
  const boundary = `----warta${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'audio'}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
