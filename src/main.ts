// Entry point of the `warta` command: serve (default), migrate, backup, restore, seed --demo, user create,
// user reset-password, integrity rotate-key, import k2, import wxr.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, readEnvironment, type Config } from './core/config.ts';
import { openMigrated, prepareDatabase } from './cli/database.ts';
import { serve } from './cli/serve.ts';
import { createCliWriter } from './cli/writer.ts';
import { userCreate } from './cli/user-create.ts';
import { userResetPassword } from './cli/user-reset-password.ts';
import { backupCommand, restoreCommand } from './cli/backup.ts';
import { rotateKeyCommand } from './cli/integrity-rotate-key.ts';
import { UserInputError } from './users/index.ts';
import { seedBase } from '../seed/editions.ts';

const USAGE = `Usage: warta <command>

  serve [--workers N]   start the web server (default); N app processes share the
                        port (a number, or auto: one per core); SIGHUP restarts them
                        one at a time
  migrate               bring the database schema up to date
  backup [--out DIR]    snapshot the SQLite database (while the site serves), media
                        and key files into DIR (default: data dir/backups/TIME);
                        on PostgreSQL, print the pg_dump commands and files to keep
  restore DIR [--force] put a backup back in place; refused while a server runs on
                        the database, unless --force
  seed --demo           add the editions and the demo site to an empty database
  user create --email E --name N --role R [--password-env VAR]
                        create a newsroom account (roles: admin, editor, author,
                        contributor, integrity_officer); the password is read from
                        standard input, or from the environment variable VAR
  user reset-password --email E [--password-env VAR]
                        set an account's password (read as for user create) and
                        end all of its sessions
  integrity rotate-key [--force]
                        seal every integrity report again under a new key and
                        retire the old one; run with the site stopped (--force:
                        on PostgreSQL, to say every app server is stopped)
  import k2 --edition E --db mysql://… --prefix P --media DIR [--base-url URL] [--dry-run]
                        bring a Joomla 3 + K2 site's stories, sections, tags,
                        authors and images into edition E; run again to sync
  import wxr FILE --edition E [--media-dir DIR] [--dry-run]
                        bring a WordPress export (WXR) into edition E, with its
                        old addresses redirected`;

async function main(argv: string[]): Promise<number> {
  // The importers parse their own options (src/cli/import-k2.ts, import-wxr.ts), loaded only when run.
  if (argv[0] === 'import' && argv[1] === 'k2')
    return (await import('./cli/import-k2.ts')).importK2Command(argv.slice(2));
  if (argv[0] === 'import' && argv[1] === 'wxr')
    return (await import('./cli/import-wxr.ts')).importWxrCommand(argv.slice(2));
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      'password-env': { type: 'string' },
      workers: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals.join(' ') || 'serve';
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const env = readEnvironment();
  const config: Config = loadConfig(env);
  if (positionals[0] === 'restore') return restoreCommand(config, positionals.slice(1), values.force === true);
  switch (command) {
    case 'backup':
      return backupCommand(config, values.out);
    case 'serve':
      await serve(config, { workers: parseWorkers(values.workers) });
      return -1; // keep running
    case 'migrate': {
      let applied: string[] = [];
      const db = await openMigrated(config, (names) => (applied = names));
      const prepared = await prepareDatabase(db, { ...config, demo: false });
      await db.close();
      // Say what ran: a long migration on a big archive should not look like a no-op.
      for (const name of applied) console.log(`migrated: ${name}`);
      console.log(`database is up to date${prepared.isFirstStart ? ' (editions created)' : ''}`);
      return 0;
    }
    case 'seed': {
      if (!values.demo) {
        console.error('warta seed: say what to seed: --demo');
        return 2;
      }
      const db = await openMigrated(config);
      try {
        const writer = createCliWriter(db.kysely);
        await seedBase(writer);
        const { seedDemo } = await import('../seed/demo/index.ts');
        const result = await seedDemo(writer, {
          dataDir: config.dataDir,
          timezone: config.timezone,
          now: new Date(),
        });
        console.log(`demo site created: ${result.articles} articles`);
      } finally {
        await db.close();
      }
      return 0;
    }
    case 'user create':
      console.log(
        await userCreate(
          config,
          { email: values.email, name: values.name, role: values.role, passwordEnv: values['password-env'] },
          env,
        ),
      );
      return 0;
    case 'integrity rotate-key':
      return rotateKeyCommand(config, env, values.force === true);
    case 'user reset-password':
      console.log(await userResetPassword(config, { email: values.email, passwordEnv: values['password-env'] }, env));
      return 0;
    default:
      console.error(`warta: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

/** `--workers N` (1–64) or `--workers auto` (one per core); undefined when not given. */
function parseWorkers(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'auto') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`--workers must be a number from 1 to 64, or auto`);
  return n;
}

/** A command line that cannot be run as given; the usage text follows the message. */
class UsageError extends Error {}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError) {
      for (const line of error.problems) console.error(`warta: ${line}`);
    } else if (error instanceof UserInputError) {
      console.error(`warta: cannot create the user: ${error.message}`);
    } else if (
      error instanceof UsageError ||
      (error instanceof Error && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    ) {
      console.error(`warta: ${error.message}\n\n${USAGE}`);
    } else {
      console.error(`warta: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exitCode = 1;
  },
);
