// `warta import k2`: brings one Joomla 3 + K2 install's archive into an edition (run once per
// language edition), or with --dry-run says what it would do.
import { siteTimezone } from './site-timezone.ts';
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../core/config.ts';
import {
  checkPrefix,
  formatSummary,
  ImportError,
  openK2Source,
  parseBaseUrl,
  runImport,
  terminalProgress,
} from '../imports/index.ts';
import { openMigrated } from './database.ts';
import { createCliWriter } from './writer.ts';

export const IMPORT_K2_USAGE = `Usage: warta import k2 --edition CODE --db mysql://USER:PASSWORD@HOST/DATABASE
                      --media JOOMLA_ROOT [--prefix jos_] [--base-url URL] [--dry-run]

  --edition CODE   the Warta edition the archive goes into (one Joomla install per edition)
  --db URL         the Joomla database (MySQL or MariaDB)
  --prefix P       the Joomla table prefix (#__), default jos_
  --media DIR      the Joomla folder holding images/ and media/k2/
  --base-url URL   the old site's address (https://old.example/english): its old links
                   are redirected, and absolute image addresses on it are found
  --dry-run        say what would be imported, write nothing

Run it again to bring over what changed in K2 since; articles edited in Warta are left as they are.`;

/** Runs the command; returns the exit code. */
export async function importK2Command(argv: readonly string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        edition: { type: 'string' },
        db: { type: 'string' },
        prefix: { type: 'string', default: 'jos_' },
        media: { type: 'string' },
        'base-url': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(IMPORT_K2_USAGE);
    return 0;
  }
  const problems = checkArguments(values);
  if (problems.length) return usage(problems.join('\n'));
  const baseUrl = values['base-url'] as string | undefined;
  const site = baseUrl ? parseBaseUrl(baseUrl) : { baseUrl: '', basePath: '' };

  const config = loadConfig(readEnvironment());
  const db = await openMigrated(config);
  let source: Awaited<ReturnType<typeof openK2Source>> | undefined;
  try {
    source = await openK2Source({
      databaseUrl: values.db as string,
      prefix: values.prefix as string,
      mediaRoot: values.media as string,
      ...site,
    }).catch((error: unknown) => {
      // The driver's message, never the URL (it may hold a password).
      throw new ImportError(`cannot read the K2 database: ${error instanceof Error ? error.message : String(error)}`);
    });
    const summary = await runImport(createCliWriter(db.kysely), source, {
      edition: values.edition as string,
      dataDir: config.dataDir,
      timezone: await siteTimezone(db.kysely, config.timezone),
      isDryRun: values['dry-run'] === true,
      ...(baseUrl ? { baseUrl } : {}),
      progress: terminalProgress(process.stderr, `k2 → ${values.edition as string}`),
    });
    console.log(formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(`warta import k2: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await source?.close().catch(() => undefined);
    await db.close();
  }
}

/** Every problem with the arguments, one line each. */
export function checkArguments(values: Record<string, string | boolean | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string' && (value.includes('\0') || value.includes('\uFFFD')))
      problems.push(`--${name} holds a NUL byte or text that is not UTF-8`);
  }
  if (problems.length) return problems;
  if (!values.edition) problems.push('--edition is required');
  const db = values.db;
  if (typeof db !== 'string' || !/^(?:mysql|mariadb):\/\/[^\s]+$/.test(db))
    problems.push('--db must be a mysql://user:password@host/database URL');
  try {
    checkPrefix(String(values.prefix ?? ''));
  } catch (error) {
    problems.push((error as Error).message);
  }
  const media = values.media;
  if (typeof media !== 'string' || !media) problems.push('--media (the Joomla folder) is required');
  else if (!existsSync(media) || !statSync(media).isDirectory()) problems.push(`--media ${media} is not a folder`);
  const baseUrl = values['base-url'];
  if (typeof baseUrl === 'string') {
    try {
      parseBaseUrl(baseUrl);
    } catch {
      problems.push(`--base-url ${baseUrl} is not an http(s) address`);
    }
  }
  return problems;
}

function usage(message: string): number {
  console.error(`warta import k2: ${message}\n\n${IMPORT_K2_USAGE}`);
  return 2;
}
