// Writing webhooks: add, change, switch on/off, rotate the secret, remove. Input is checked
// with zod, every problem listed at once; the address is checked against the destination rules
// (address-guard.ts) before anything is written.
import { z } from 'zod';
import { toDbTime } from '../core/db/dialect.ts';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { InputError } from '../core/validation.ts';
import { destinationProblem, type DestinationRules } from './address-guard.ts';
import { HOOK_EVENTS, toWebhook, type HookEvent, type Webhook } from './model.ts';
import { newWebhookSecret } from './signing.ts';
import './events.ts';

const MAX_URL_LENGTH = 2000;
const MAX_DESCRIPTION_LENGTH = 200;

/** What the newsroom's form sends. */
export interface WebhookInput {
  readonly url: string;
  readonly description: string;
  readonly events: readonly string[];
  readonly active: boolean;
}

const inputSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, 'Give the address deliveries are sent to.')
    .max(MAX_URL_LENGTH, `The address may have at most ${MAX_URL_LENGTH} characters.`)
    // Control characters and spaces would be refused by the HTTP client later; say so now.
    .refine(
      (url) => !/\s/.test(url) && ![...url].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f),
      'The address may not contain spaces or control characters.',
    ),
  description: z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .refine(
      (s) => [...s].length <= MAX_DESCRIPTION_LENGTH,
      `The description may have at most ${MAX_DESCRIPTION_LENGTH} characters.`,
    ),
  events: z
    .array(z.enum(HOOK_EVENTS, { error: () => 'Choose events from the list.' }))
    .min(1, 'Choose at least one event.')
    .transform((events) => HOOK_EVENTS.filter((e) => events.includes(e))),
  active: z.boolean(),
});

type CheckedInput = z.output<typeof inputSchema>;

async function checked(raw: WebhookInput, rules: DestinationRules): Promise<CheckedInput> {
  const result = inputSchema.safeParse(raw);
  const issues = result.success ? [] : result.error.issues;
  const problems = issues.map((issue) => issue.message);
  // The address is checked (and resolved) whatever else is wrong, so every problem shows at once.
  if (!issues.some((issue) => issue.path[0] === 'url')) {
    const problem = await destinationProblem(raw.url.trim(), rules);
    if (problem) problems.push(problem);
  }
  if (!result.success || problems.length > 0) throw new InputError(problems);
  return result.data;
}

/** Adds a hook with a new secret; returns it (the newsroom shows the secret once, now). */
export async function createWebhook(w: WriteContext, raw: WebhookInput, rules: DestinationRules): Promise<Webhook> {
  const input = await checked(raw, rules);
  return runCommand(w, async (trx, emit) => {
    const now = toDbTime(w.now());
    const row = await trx
      .insertInto('webhooks')
      .values({
        url: input.url,
        description: input.description,
        events: input.events.join(' '),
        secret: newWebhookSecret(),
        is_active: input.active ? 1 : 0,
        created_by: w.actorId ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await emit('webhook.created', { webhookId: row.id });
    return toWebhook(row);
  });
}

/** Changes a hook's address, description, events and on/off; false when there is no such hook. */
export async function updateWebhook(
  w: WriteContext,
  id: number,
  raw: WebhookInput,
  rules: DestinationRules,
): Promise<boolean> {
  const input = await checked(raw, rules);
  return runCommand(w, async (trx, emit) => {
    const result = await trx
      .updateTable('webhooks')
      .set({
        url: input.url,
        description: input.description,
        events: input.events.join(' '),
        is_active: input.active ? 1 : 0,
        updated_at: toDbTime(w.now()),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await emit('webhook.updated', { webhookId: id });
    return true;
  });
}

/** Gives a hook a new secret (the old one stops signing at once); the new one, or undefined. */
export async function rotateWebhookSecret(w: WriteContext, id: number): Promise<string | undefined> {
  return runCommand(w, async (trx, emit) => {
    const secret = newWebhookSecret();
    const result = await trx
      .updateTable('webhooks')
      .set({ secret, updated_at: toDbTime(w.now()) })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return undefined;
    await emit('webhook.secret_rotated', { webhookId: id });
    return secret;
  });
}

/** Removes a hook and its delivery log; false when there was none. */
export async function deleteWebhook(w: WriteContext, id: number): Promise<boolean> {
  return runCommand(w, async (trx, emit) => {
    await trx.deleteFrom('webhook_deliveries').where('webhook_id', '=', id).execute();
    const result = await trx.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await emit('webhook.deleted', { webhookId: id });
    return true;
  });
}

export type { HookEvent };
