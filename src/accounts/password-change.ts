// Changing a password ends the user's sessions in the same transaction: every one of them
// (a reset, the CLI), or every one but the session that made the change.
import type { AppContext } from '../context.ts';
import { setPassword } from '../users/index.ts';
import { endUserSessions } from './sessions.ts';

/** Sets `userId`'s password and ends their other sessions (all of them without `keepIdHash`). */
export async function changePassword(
  ctx: Pick<AppContext, 'db' | 'events' | 'now'>,
  userId: number,
  password: string,
  keepIdHash?: string,
  actorId: number | null = userId,
): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    await setPassword({ db: trx, events: ctx.events, now: () => ctx.now(), actorId }, userId, password);
    await endUserSessions(trx, userId, keepIdHash);
  });
  await ctx.events.afterCommit();
}
