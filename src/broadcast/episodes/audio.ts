// An episode's audio file: what it really is (MP3 or M4A with AAC), read from its bytes and never
// from its name, how long it plays (music-metadata) and its exact length in bytes (the podcast
// enclosure's `length`). An upload is streamed to a hidden file beside the media store's files,
// checked there, then renamed into the store: a 300 MB file is never held in memory.
import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../core/http/errors.ts';
import type { MediaStorage } from '../../media/index.ts';

/** The largest audio upload: about five hours of speech at 128 kbit/s. */
export const MAX_AUDIO_BYTES = 300 * 1024 * 1024;

/** The two audio types an episode may have: MP3, and AAC in an MPEG-4 container (M4A). */
export const AUDIO_TYPES = ['audio/mpeg', 'audio/mp4'] as const;
export type AudioType = (typeof AUDIO_TYPES)[number];

/** What the bytes say about an accepted audio file. */
export interface AudioProbe {
  readonly type: AudioType;
  /** The file's exact length in bytes. */
  readonly bytes: number;
  /** Whole seconds, rounded. */
  readonly durationSeconds: number;
}

/** A stored audio file's name: `audio-<random>.mp3` or `.m4a`. */
export const AUDIO_FILE_NAME = /^audio-[0-9a-f]{16,32}\.(mp3|m4a)$/;

const EXTENSION: Readonly<Record<AudioType, string>> = { 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a' };

/** Bytes read to recognise a file: an ID3 tag with cover art can push the first frame further. */
const HEAD_BYTES = 64 * 1024;

/**
 * The audio type the first bytes show, or undefined: MP3 is an ID3v2 tag or an MPEG audio frame
 * header of Layer III; M4A is an ISO base media file (`ftyp` box). The decoder confirms either.
 */
export function sniffAudioType(head: Buffer): AudioType | undefined {
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp') return 'audio/mp4';
  let offset = 0;
  if (head.length >= 10 && head.toString('latin1', 0, 3) === 'ID3') {
    // The tag's size is four 7-bit bytes; a footer flag adds ten more.
    const size = ((head[6]! & 0x7f) << 21) | ((head[7]! & 0x7f) << 14) | ((head[8]! & 0x7f) << 7) | (head[9]! & 0x7f);
    offset = 10 + size + (head[5]! & 0x10 ? 10 : 0);
    // A tag longer than what was read: the decoder decides.
    if (offset + 4 > head.length) return size > 0 ? 'audio/mpeg' : undefined;
  }
  return isLayer3Frame(head, offset) ? 'audio/mpeg' : undefined;
}

function isLayer3Frame(head: Buffer, at: number): boolean {
  if (at + 4 > head.length) return false;
  const [a, b, c] = [head[at]!, head[at + 1]!, head[at + 2]!];
  const isSync = a === 0xff && (b & 0xe0) === 0xe0;
  const layer = (b >> 1) & 0x03; // 01 = Layer III
  const bitrate = c >> 4; // 1111 is not a bitrate
  const sampleRate = (c >> 2) & 0x03; // 11 is reserved
  return isSync && layer === 0x01 && bitrate !== 0x0f && sampleRate !== 0x03;
}

/** A file's name in the words of a refusal. */
function describeOther(head: Buffer): string {
  const text = head.subarray(0, 512).toString('latin1');
  if (/^\s*</.test(text)) return 'It looks like an HTML or XML document.';
  if (text.startsWith('%PDF')) return 'It is a PDF document.';
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WAVE')
    return 'It is a WAV file: export it as MP3 or M4A (AAC).';
  if (text.startsWith('OggS')) return 'It is an Ogg file: export it as MP3 or M4A (AAC).';
  if (text.startsWith('fLaC')) return 'It is a FLAC file: export it as MP3 or M4A (AAC).';
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u0008\u000e-\u001f]/.test(text)) return 'It looks like a text file.';
  return 'Its first bytes are not those of an MP3 or M4A file, whatever its name says.';
}

function unsupported(reason: string): AppError {
  return new AppError('unsupported_media_type', `This file is not MP3 or M4A audio. ${reason}`);
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** An error for a file over the limit, in the newsroom's words. */
export function audioTooLarge(bytes?: number): AppError {
  const size = bytes === undefined ? `larger than ${megabytes(MAX_AUDIO_BYTES)} MB` : `${megabytes(bytes)} MB`;
  return new AppError(
    'payload_too_large',
    `The audio file is ${size}; the largest upload is ${megabytes(MAX_AUDIO_BYTES)} MB.`,
  );
}

/**
 * Reads an audio file on disk, or throws: 413 (too large), 415 (not MP3 or M4A, judged by its
 * bytes) or 422 (it starts like audio but cannot be read to a duration).
 */
export async function probeAudioFile(file: string): Promise<AudioProbe> {
  const { size } = await fs.stat(file);
  if (size > MAX_AUDIO_BYTES) throw audioTooLarge(size);
  if (size === 0) throw unsupported('The file is empty.');
  const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
  const handle = await fs.open(file, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const type = sniffAudioType(head);
  if (!type) throw unsupported(describeOther(head));
  const { parseFile } = await import('music-metadata');
  let format: Awaited<ReturnType<typeof parseFile>>['format'];
  try {
    // duration: true reads an MP3 without a Xing/VBRI header to its end (a VBR file's length is
    // otherwise guessed from its first frames).
    format = (await parseFile(file, { duration: true, skipCovers: true })).format;
  } catch {
    throw unreadable(type);
  }
  const codec = format.codec ?? '';
  const isRightCodec = type === 'audio/mpeg' ? /layer 3/i.test(codec) : /aac/i.test(codec);
  if (format.hasVideo) throw unsupported('It is a video; upload the sound alone as M4A (AAC) or MP3.');
  if (!isRightCodec) {
    throw unsupported(
      type === 'audio/mp4'
        ? `It is an MPEG-4 file with ${codec || 'an unknown codec'}; browsers and podcast apps need AAC.`
        : 'Its frames are not MP3.',
    );
  }
  const duration = format.duration;
  if (!duration || !Number.isFinite(duration) || duration <= 0) throw unreadable(type);
  return { type, bytes: size, durationSeconds: Math.max(1, Math.round(duration)) };
}

function unreadable(type: AudioType): AppError {
  return new AppError(
    'unprocessable_content',
    `The ${EXTENSION[type].toUpperCase()} file cannot be read to its end: it may be damaged or cut short. Export it again and upload it.`,
  );
}

/** Where uploads wait while they are checked: beside the store's files, so keeping one is a rename. */
function stagingDir(storage: MediaStorage): string {
  return storage.localDir ?? os.tmpdir();
}

/**
 * Writes a stream to a hidden staging file (a leading dot: never a media file name, so never
 * served, listed or backed up); returns its path. The caller removes it or keeps it.
 */
export async function stageUpload(storage: MediaStorage, source: Readable): Promise<string> {
  const dir = stagingDir(storage);
  await fs.mkdir(dir, { recursive: true });
  const staged = path.join(dir, `.audio-upload-${randomBytes(8).toString('hex')}.partial`);
  try {
    await pipeline(source, createWriteStream(staged, { flags: 'wx' }));
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
  return staged;
}

/** Removes a staging file (no such file is no error). */
export async function discardStaged(staged: string): Promise<void> {
  await fs.rm(staged, { force: true });
}

/** Moves a checked staging file into the media store under a new name; returns the name. */
export async function keepStaged(storage: MediaStorage, staged: string, type: AudioType): Promise<string> {
  const name = `audio-${randomBytes(8).toString('hex')}.${EXTENSION[type]}`;
  if (storage.localDir) {
    // The same directory: an atomic rename, as the store's own writes are.
    await fs.rename(staged, path.join(storage.localDir, name));
  } else {
    await storage.put(name, await fs.readFile(staged));
    await discardStaged(staged);
  }
  return name;
}

/** Copies an audio file (the demo's) into the store under a new name, with what its bytes say. */
export async function storeAudioFile(
  storage: MediaStorage,
  source: string,
): Promise<{ file: string; probe: AudioProbe }> {
  const probe = await probeAudioFile(source);
  const name = `audio-${randomBytes(8).toString('hex')}.${EXTENSION[probe.type]}`;
  await storage.put(name, await fs.readFile(source));
  return { file: name, probe };
}

/** The audio type an external address names by its extension, if it does. */
export function audioTypeOfUrl(url: string): AudioType | undefined {
  const pathname = URL.canParse(url) ? new URL(url).pathname.toLowerCase() : url.toLowerCase();
  if (pathname.endsWith('.mp3')) return 'audio/mpeg';
  if (/\.(m4a|mp4|aac)$/.test(pathname)) return 'audio/mp4';
  return undefined;
}
