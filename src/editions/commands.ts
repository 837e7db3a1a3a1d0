// Writing editions: adding one (a code the app's own paths use is refused) and its settings.
import { z } from 'zod';
import { runCommand, type WriteContext } from '../core/events/index.ts';
import { parseInput } from '../core/validation.ts';
import { editionCodeProblem } from './codes.ts';
import './events.ts';

const input = z.strictObject({
  code: z.string().superRefine((code, check) => {
    const problem = editionCodeProblem(code);
    if (problem) check.addIssue({ code: 'custom', message: problem });
  }),
  name: z.string().trim().min(1, 'is required').max(80, 'is longer than 80 characters'),
  locale: z.string().trim().min(2, 'is required').max(35, 'is longer than 35 characters'),
  direction: z.enum(['ltr', 'rtl'], { message: 'must be ltr or rtl' }),
  position: z.number().int().min(0).max(1000),
});

/** Adds an edition; returns false when one with that code exists already (nothing changes). */
export async function addEdition(w: WriteContext, raw: z.input<typeof input>): Promise<boolean> {
  const e = parseInput(input, raw);
  return runCommand(w, async (trx, emit) => {
    const existing = await trx.selectFrom('editions').select('code').where('code', '=', e.code).executeTakeFirst();
    if (existing) return false;
    await trx
      .insertInto('editions')
      .values({ ...e, is_active: 1 })
      .execute();
    await emit('edition.changed', { code: e.code });
    return true;
  });
}
