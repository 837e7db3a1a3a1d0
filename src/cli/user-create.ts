// `warta user create`: a newsroom account with an argon2id password hash.
import type { Config } from '../core/config.ts';
import { createUser } from '../users/index.ts';
import { openMigrated } from './database.ts';
import { readSecret } from './prompt.ts';
import { createCliWriter } from './writer.ts';

export interface UserCreateArgs {
  email?: string;
  name?: string;
  role?: string;
  /** Name of an environment variable holding the password (keeps it out of shell history). */
  passwordEnv?: string;
}

/** Creates the user and prints its id; the password comes from stdin or an env variable, never argv. */
export async function userCreate(
  config: Config,
  args: UserCreateArgs,
  env: Record<string, string | undefined>,
): Promise<string> {
  const password = args.passwordEnv ? (env[args.passwordEnv] ?? '') : await readSecret('Password (12+ characters): ');
  const db = await openMigrated(config);
  try {
    const user = await createUser(createCliWriter(db.kysely), {
      email: args.email ?? '',
      name: args.name ?? '',
      role: (args.role ?? 'author') as 'author',
      password,
    });
    return `created user ${user.id} <${user.email}> as ${user.role}`;
  } finally {
    await db.close();
  }
}
