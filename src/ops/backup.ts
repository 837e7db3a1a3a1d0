// `warta backup`: a consistent snapshot of a site on SQLite, taken while it serves: the database
// through SQLite's online backup API, then the media files and the key files of the data dir, and
// last a manifest with each file's size and SHA-256 (a snapshot without one is unfinished). On
// PostgreSQL the database is pg_dump's job: backupAdvice() says what to run and what to keep.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Config } from '../core/config.ts';
import { INTEGRITY_KEY_FILES, integrityFolders } from '../integrity/index.ts';
import { mediaStorage } from '../media/index.ts';

/** What a snapshot holds; written as manifest.json, last. */
export interface BackupManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly createdAt: string;
  readonly engine: 'sqlite';
  /** The newest migration the database had run. */
  readonly schemaVersion: string;
  readonly files: readonly ManifestFile[];
}

/** One file of a snapshot, by its path inside the snapshot directory. */
export interface ManifestFile {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
}

export const MANIFEST_FORMAT = 'warta-backup/1';
export const MANIFEST = 'manifest.json';
/** Where the parts live inside a snapshot directory. */
export const SNAPSHOT_DATABASE = 'database.sqlite';
export const SNAPSHOT_MEDIA = 'media';
export const SNAPSHOT_KEYS = 'keys';
/** Other folders of the data dir (the integrity zone's documents and sealed evidence), as files/<folder>/…. */
export const SNAPSHOT_FILES = 'files';

// A step larger than any database: after the first, the copy is made in one step, inside one
// read transaction, so writes meanwhile (WAL lets them go on) cannot restart it again and again.
const ALL_PAGES = 0x7fffffff;

/** The SQLite file of a database URL; throws for PostgreSQL and for a database in memory. */
export function sqliteFileOf(databaseUrl: string): string {
  const file = databaseUrl.startsWith('sqlite:') ? databaseUrl.slice('sqlite:'.length) : '';
  if (!file || file === ':memory:') throw new Error('this command needs an SQLite database file');
  return path.resolve(file);
}

/** The snapshot directory when --out is not given: <data dir>/backups/<UTC time>. */
export function defaultBackupDir(config: Pick<Config, 'dataDir'>, now: Date): string {
  return path.join(config.dataDir, 'backups', now.toISOString().replace(/[:.]/g, '-'));
}

/**
 * Takes a snapshot of the site into `outDir` (which must not exist, or be empty) and returns its
 * manifest. The database comes first and media after it: images are stored before the rows that
 * name them, so every image the snapshot's database names is in the snapshot.
 */
export async function backupSqlite(config: Config, outDir: string, now = new Date()): Promise<BackupManifest> {
  const databaseFile = sqliteFileOf(config.databaseUrl);
  if (!fs.existsSync(databaseFile)) throw new Error(`there is no database at ${databaseFile}`);
  fs.mkdirSync(outDir, { recursive: true });
  if (fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty`);

  const snapshot = path.join(outDir, SNAPSHOT_DATABASE);
  const source = new SQLite(databaseFile, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(snapshot, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
  const schemaVersion = checkSnapshot(snapshot);

  const media = mediaStorage(config.dataDir);
  fs.mkdirSync(path.join(outDir, SNAPSHOT_MEDIA));
  for (const name of await media.list()) {
    const data = await media.get(name);
    if (data) fs.writeFileSync(path.join(outDir, SNAPSHOT_MEDIA, name), data);
  }
  // Sealed evidence is copied as it is: useless without the integrity key, which stays out.
  fs.mkdirSync(path.join(outDir, SNAPSHOT_FILES));
  for (const folder of integrityFolders(config.dataDir)) {
    const from = path.join(config.dataDir, folder);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(outDir, SNAPSHOT_FILES, folder), { recursive: true });
  }
  fs.mkdirSync(path.join(outDir, SNAPSHOT_KEYS));
  for (const file of listKeyFiles(config)) {
    fs.copyFileSync(path.join(config.dataDir, file), path.join(outDir, SNAPSHOT_KEYS, file));
    fs.chmodSync(path.join(outDir, SNAPSHOT_KEYS, file), 0o600);
  }

  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    createdAt: now.toISOString(),
    engine: 'sqlite',
    schemaVersion,
    files: describeFiles(outDir, [
      SNAPSHOT_DATABASE,
      ...filesUnder(outDir, SNAPSHOT_MEDIA),
      ...filesUnder(outDir, SNAPSHOT_KEYS),
      ...filesUnder(outDir, SNAPSHOT_FILES),
    ]),
  };
  // Written last, and renamed into place: a snapshot with a manifest is a whole one.
  const partial = path.join(outDir, `${MANIFEST}.partial`);
  fs.writeFileSync(partial, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(partial, path.join(outDir, MANIFEST));
  return manifest;
}

/**
 * The key files of the data dir: every file at its top level except the database's own files,
 * lock files and the integrity key (today the cookie secret; whatever key a later feature keeps
 * there too). The integrity key is left out on purpose: a backup that holds both the sealed
 * reports and their key would let whoever holds the backup read them (see integrityKeyAdvice).
 */
export function listKeyFiles(config: Pick<Config, 'dataDir' | 'databaseUrl'>): string[] {
  if (!fs.existsSync(config.dataDir)) return [];
  const databaseName = config.databaseUrl.startsWith('sqlite:')
    ? path.basename(sqliteFileOf(config.databaseUrl))
    : undefined;
  return fs
    .readdirSync(config.dataDir, { withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .filter((name) => !(databaseName && name.startsWith(databaseName)) && !name.endsWith('.lock'))
    .filter((name) => !INTEGRITY_KEY_FILES.includes(name))
    .sort();
}

/** Checks a snapshot's database (integrity_check) and returns its newest migration; throws if it is damaged. */
export function checkSnapshot(file: string): string {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    const problems = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (problems.length !== 1 || problems[0]!.integrity_check !== 'ok')
      throw new Error(`the snapshot's database is damaged: ${problems.map((p) => p.integrity_check).join('; ')}`);
    const row = db.prepare('select max(name) as name from kysely_migration').get() as { name: string | null };
    return row.name ?? '';
  } finally {
    db.close();
  }
}

/** Size and SHA-256 of files inside a directory, by relative path. */
export function describeFiles(dir: string, relativePaths: readonly string[]): ManifestFile[] {
  return relativePaths.map((relative) => {
    const data = fs.readFileSync(path.join(dir, relative));
    return { path: relative, bytes: data.length, sha256: createHash('sha256').update(data).digest('hex') };
  });
}

/** Every file below dir/sub, as paths relative to dir with forward slashes, sorted. */
function filesUnder(dir: string, sub: string): string[] {
  return (fs.readdirSync(path.join(dir, sub), { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Where the integrity key is, for the operator: a backup never holds it, so it must be kept
 * somewhere else (without it the backup's reports cannot be read; with the backup, anyone could).
 */
export function integrityKeyAdvice(config: Pick<Config, 'dataDir' | 'integrityKey'>): string {
  const where = config.integrityKey
    ? 'in the WARTA_INTEGRITY_KEY setting'
    : `in ${path.join(config.dataDir, INTEGRITY_KEY_FILES[0]!)}`;
  return `The integrity key is not in this backup: it is ${where}. Keep a copy of it apart from the backups; without it the integrity reports cannot be read.`;
}

/** What to run and keep when the database is PostgreSQL, for `warta backup` to print. */
export function backupAdvice(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'integrityKey'>): string {
  const keys = listKeyFiles(config).map((f) => `    ${path.join(config.dataDir, f)}`);
  return [
    'The database is PostgreSQL: back it up with pg_dump, which takes a consistent snapshot while the site serves:',
    '',
    '  pg_dump --format=custom --file=warta.dump "$WARTA_DATABASE_URL"',
    '',
    'and restore it into an empty database (with the site stopped) with:',
    '',
    '  pg_restore --clean --if-exists --no-owner --dbname="$WARTA_DATABASE_URL" warta.dump',
    '',
    'Keep these files with the dump (copy them after it, so every image the dump names is there):',
    `  media:     ${path.join(config.dataDir, 'media')}/ (every file; they never change once written)`,
    ...integrityFolders(config.dataDir).map((f) => `  ${f}: ${path.join(config.dataDir, f)}/`),
    '  key files:',
    ...(keys.length ? keys : ['    (none yet: the cookie secret is set by WARTA_COOKIE_SECRET, keep that setting)']),
    '',
    integrityKeyAdvice(config),
  ].join('\n');
}
