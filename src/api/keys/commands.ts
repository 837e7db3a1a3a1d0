// Writing API keys: an admin makes one for a user (the key is returned once, here, and never
// stored), or revokes one (at once, for every process: each request looks its key up).
import { z } from 'zod';
import { toDbTime } from '../../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../../core/events/index.ts';
import { InputError } from '../../core/validation.ts';
import { SCOPES, newApiKey } from './model.ts';
import './events.ts';

const MAX_NAME_LENGTH = 100;

const inputSchema = z.object({
  userId: z.number({ error: 'Choose whose key it is.' }).int().positive('Choose whose key it is.'),
  name: z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .refine((s) => s.length > 0, 'Give the key a name (what uses it).')
    .refine((s) => [...s].length <= MAX_NAME_LENGTH, `The name may have at most ${MAX_NAME_LENGTH} characters.`),
  scopes: z
    .array(z.enum(SCOPES, { error: () => 'Choose scopes from the list.' }))
    .transform((scopes) => SCOPES.filter((s) => scopes.includes(s))),
});

export type ApiKeyInput = z.input<typeof inputSchema>;

/** Makes a key for an active user; returns its id and the key itself (shown once). */
export async function createApiKey(w: WriteContext, raw: ApiKeyInput): Promise<{ id: number; key: string }> {
  const result = inputSchema.safeParse(raw);
  if (!result.success) throw new InputError(result.error.issues.map((i) => i.message));
  const input = result.data;
  return runCommand(w, async (trx, emit) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'is_active', 'password_hash'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    // A byline without an account (an imported author, a guest writer) cannot hold a key.
    if (!user || !user.is_active || user.password_hash === null) {
      throw new InputError(['The key must belong to an active newsroom account.']);
    }
    const made = newApiKey();
    const row = await trx
      .insertInto('api_keys')
      .values({
        user_id: input.userId,
        name: input.name,
        prefix: made.prefix,
        key_hash: made.hash,
        scopes: input.scopes.join(' '),
        created_by: w.actorId ?? null,
        created_at: toDbTime(w.now()),
        last_used_at: null,
        revoked_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await emit('api_key.created', { apiKeyId: row.id, userId: input.userId });
    return { id: row.id, key: made.key };
  });
}

/** Revokes a key; false when there is no such key or it was revoked already. */
export async function revokeApiKey(w: WriteContext, id: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    const key = await trx
      .selectFrom('api_keys')
      .select(['id', 'user_id'])
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!key) return false;
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: toDbTime(w.now()) })
      .where('id', '=', id)
      .execute();
    await emit('api_key.revoked', { apiKeyId: id, userId: key.user_id });
    return true;
  });
}
