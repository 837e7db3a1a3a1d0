// Reading the radio: a channel's schedule (its active programs' weekly slots and the one-off
// changes overlapping a stretch of time), ready for the schedule's arithmetic.
import type { Kysely } from 'kysely';
import { toDate, toDbTime } from '../core/db/dialect.ts';
import type { Database } from '../core/db/schema.ts';
import type { Schedule, Weekday } from './schedule.ts';

type Db = Kysely<Database>;

/**
 * Channel `channelId`'s schedule for airings between `from` and `to` (a week at most is useful):
 * the slots of its active programs, and the changes that overlap the stretch. Undefined for a
 * channel that does not exist.
 */
export async function scheduleOfChannel(
  db: Db,
  channelId: number,
  from: Date,
  to: Date,
): Promise<Schedule | undefined> {
  const channel = await db.selectFrom('channels').select('time_zone').where('id', '=', channelId).executeTakeFirst();
  if (!channel) return undefined;
  const [slots, changes] = await Promise.all([
    db
      .selectFrom('program_slots as s')
      .innerJoin('programs as p', 'p.id', 's.program_id')
      .select(['s.program_id', 's.days', 's.start_time', 's.minutes'])
      .where('p.channel_id', '=', channelId)
      .where('p.is_active', '=', 1)
      .orderBy('s.id')
      .execute(),
    db
      .selectFrom('schedule_changes')
      .select(['kind', 'program_id', 'starts_at', 'ends_at', 'note'])
      .where('channel_id', '=', channelId)
      .where('ends_at', '>', toDbTime(from))
      .where('starts_at', '<', toDbTime(to))
      .orderBy('starts_at')
      .execute(),
  ]);
  return {
    timeZone: channel.time_zone,
    slots: slots.map((s) => ({
      programId: s.program_id,
      days: s.days.split(',').map(Number) as Weekday[],
      start: s.start_time,
      minutes: s.minutes,
    })),
    changes: changes.map((c) => ({
      kind: c.kind,
      programId: c.program_id,
      startsAt: toDate(c.starts_at),
      endsAt: toDate(c.ends_at),
      // A special without a program is titled by its note.
      ...(c.kind === 'special' && c.program_id === null ? { title: c.note } : {}),
    })),
  };
}
