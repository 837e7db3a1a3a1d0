// `warta user reset-password`: an operator sets a newsroom account's password (someone locked
// out, and no e-mail to send a link with); every session of the account ends.
import type { Kysely } from 'kysely';
import { changePassword } from '../accounts/index.ts';
import type { Config } from '../core/config.ts';
import type { Database } from '../core/db/schema.ts';
import { InputError } from '../core/validation.ts';
import { findUserByEmail } from '../users/index.ts';
import { openMigrated } from './database.ts';
import { readSecret } from './prompt.ts';
import { createCliWriter } from './writer.ts';

export interface UserResetPasswordArgs {
  email?: string;
  /** Name of an environment variable holding the password (keeps it out of shell history). */
  passwordEnv?: string;
}

/** Thrown when the command cannot do what it was asked; its message is the line to print. */
export class ResetPasswordError extends Error {}

/** Opens the configured database and resets the password there (see resetUserPassword). */
export async function userResetPassword(
  config: Config,
  args: UserResetPasswordArgs,
  env: Record<string, string | undefined>,
): Promise<string> {
  checkArgs(args, env);
  const db = await openMigrated(config);
  try {
    return await resetUserPassword(db.kysely, args, env);
  } finally {
    await db.close();
  }
}

/** Sets the password and returns the line to print; the password comes from stdin or an env variable, never argv. */
export async function resetUserPassword(
  db: Kysely<Database>,
  args: UserResetPasswordArgs,
  env: Record<string, string | undefined>,
): Promise<string> {
  const email = checkArgs(args, env);
  const user = await findUserByEmail(db, email);
  // Before the prompt: no one types a new password for an account that is not there.
  if (!user) throw new ResetPasswordError(`no account has the e-mail address ${email}`);
  const password = args.passwordEnv
    ? (env[args.passwordEnv] ?? '')
    : await readSecret('New password (12+ characters): ');
  try {
    // The operator acts, not the user: no actor on the event.
    await changePassword(createCliWriter(db), user.id, password, undefined, null);
  } catch (error) {
    if (error instanceof InputError) throw new ResetPasswordError(`cannot reset the password: ${error.message}`);
    throw error;
  }
  const note = user.is_active ? '' : ' (the account is deactivated: it still cannot sign in)';
  return `password of user ${user.id} <${user.email}> reset; every session ended${note}`;
}

/** The e-mail to look up, once the arguments make sense. */
function checkArgs(args: UserResetPasswordArgs, env: Record<string, string | undefined>): string {
  const email = (args.email ?? '').trim();
  if (!email) throw new ResetPasswordError('say whose password to reset: --email E');
  if (args.passwordEnv !== undefined && env[args.passwordEnv] === undefined) {
    throw new ResetPasswordError(`the environment variable ${args.passwordEnv} is not set`);
  }
  return email;
}
