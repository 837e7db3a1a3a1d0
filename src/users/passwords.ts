// Password rules and checks. Hashes are argon2id (users domain); here: what a new password must
// be, and a verification that costs the same whether or not the account exists.
import { hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 1024;

/**
 * The ~49,000 most common passwords (zxcvbn-ts' list, maintained on npm), lower-case. Loaded on
 * the first password check, not at start: the list is a large module every start would compile.
 */
let common: Promise<Set<string>> | undefined;
function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common']!.map((p) => p.toLowerCase())),
  );
  return common;
}

/**
 * What is wrong with a new password, one line per problem (empty when it is fine): its length,
 * being a common password (case ignored), or being the account's e-mail or name.
 */
export async function passwordProblems(
  password: string,
  person: { email?: string; name?: string } = {},
): Promise<string[]> {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < MIN_LENGTH) problems.push(`password must be at least ${MIN_LENGTH} characters`);
  if (length > MAX_LENGTH) problems.push(`password must be at most ${MAX_LENGTH} characters`);
  const lower = password.toLowerCase();
  if ((await commonPasswords()).has(lower))
    problems.push('password is one of the most common passwords: choose another');
  const own = [person.email?.toLowerCase(), person.email?.split('@')[0]?.toLowerCase(), person.name?.toLowerCase()];
  if (own.some((value) => value && value.length >= 4 && lower === value))
    problems.push('password must not be your e-mail address or name');
  return problems;
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a stored hash; with no hash (unknown account, or one without a
 * password), verifies against a dummy hash and fails, so both take an argon2 verification.
 */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (password.length > MAX_LENGTH * 4) return false;
  if (!storedHash) {
    dummyHash ??= hashPassword('warta dummy password for unknown accounts');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
