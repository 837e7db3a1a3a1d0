// `warta import wxr FILE`: brings a WordPress export (WXR) into an edition, or with --dry-run says
// what it would do. Files come from the uploads folder given; nothing is fetched from the network.
import { siteTimezone } from './site-timezone.ts';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig, readEnvironment } from '../core/config.ts';
import { formatSummary, ImportError, terminalProgress } from '../imports/index.ts';
import { importWxr, WxrError } from '../imports/wxr/index.ts';
import { openMigrated } from './database.ts';
import { createCliWriter } from './writer.ts';

export const IMPORT_WXR_USAGE = `Usage: warta import wxr FILE --edition CODE [--media-dir DIR] [--dry-run]

  FILE             the WordPress export (Tools → Export → All content), WXR 1.0 to 1.2
  --edition CODE   the Warta edition the posts and pages go into
  --media-dir DIR  the WordPress uploads folder (wp-content/uploads), or the WordPress
                   folder holding it: attachments, featured and inline images are read
                   from there (never downloaded)
  --dry-run        say what would be imported, write nothing

Run it again with a newer export to bring over what changed; articles edited in Warta are
left as they are. Old permalinks (/2024/05/slug/, ?p=ID, ?page_id=ID, category and tag
archives) are redirected to the imported pages.`;

/** The largest export read (the file is read whole). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/** Runs the command; returns the exit code. */
export async function importWxrCommand(argv: readonly string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        edition: { type: 'string' },
        'media-dir': { type: 'string' },
        'dry-run': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    console.log(IMPORT_WXR_USAGE);
    return 0;
  }
  const problems = checkArguments(positionals, values);
  if (problems.length) return usage(problems.join('\n'));
  const file = positionals[0]!;

  let xml: string;
  try {
    // Not UTF-8 is refused here, not turned into U+FFFD text in articles.
    xml = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (error) {
    console.error(
      `warta import wxr: ${file} cannot be read as UTF-8 text: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }

  const config = loadConfig(readEnvironment());
  const db = await openMigrated(config);
  try {
    const summary = await importWxr(createCliWriter(db.kysely), xml, {
      edition: values.edition as string,
      dataDir: config.dataDir,
      timezone: await siteTimezone(db.kysely, config.timezone),
      mediaDir: values['media-dir'] as string | undefined,
      isDryRun: values['dry-run'] === true,
      progress: terminalProgress(process.stderr, `wxr → ${values.edition as string}`),
    });
    console.log(formatSummary(summary));
    return 0;
  } catch (error) {
    if (error instanceof WxrError || error instanceof ImportError) {
      console.error(`warta import wxr: ${file}: ${error.message}; nothing was imported`);
      return 1;
    }
    throw error;
  } finally {
    await db.close();
  }
}

/** Every problem with the arguments, one line each. */
export function checkArguments(
  positionals: readonly string[],
  values: Record<string, string | boolean | undefined>,
): string[] {
  const problems: string[] = [];
  for (const value of [...positionals, ...Object.values(values)]) {
    if (typeof value === 'string' && (value.includes('\0') || value.includes('\uFFFD')))
      return ['an argument holds a NUL byte or text that is not UTF-8'];
  }
  if (positionals.length !== 1) problems.push('give exactly one export FILE');
  else if (!existsSync(positionals[0]!) || !statSync(positionals[0]!).isFile())
    problems.push(`${positionals[0]} is not a file`);
  else if (statSync(positionals[0]!).size > MAX_FILE_BYTES) problems.push(`${positionals[0]} is larger than 1 GB`);
  if (!values.edition) problems.push('--edition is required');
  const media = values['media-dir'];
  if (typeof media === 'string' && (!existsSync(media) || !statSync(media).isDirectory()))
    problems.push(`--media-dir ${media} is not a folder`);
  return problems;
}

function usage(message: string): number {
  console.error(`warta import wxr: ${message}\n\n${IMPORT_WXR_USAGE}`);
  return 2;
}
