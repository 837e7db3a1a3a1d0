// A channel's days ahead as the newsroom shows them: its stored schedule (queries.ts) and the
// titles of its programs, laid out by day in its zone.
import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/schema.ts';
import { scheduleOfChannel } from '../queries.ts';
import type { NewsroomChannel, NewsroomProgram } from './queries.ts';
import { airingsWithTitles, byDay, weekFrom, type ScheduleDay } from './week.ts';

/** Days shown ahead, today first. */
export const WEEK_DAYS = 7;

/** The channel's week from today (in its zone), with one-off changes applied. */
export async function weekOfChannel(
  db: Kysely<Database>,
  channel: NewsroomChannel,
  programs: readonly Pick<NewsroomProgram, 'id' | 'title'>[],
  now: Date,
): Promise<ScheduleDay[]> {
  const { from, to } = weekFrom(now, channel.timeZone);
  const schedule = await scheduleOfChannel(db, channel.id, from, to);
  if (!schedule) return [];
  const titles = new Map(programs.map((p) => [p.id, p.title]));
  return byDay(airingsWithTitles(schedule, titles, from, to), channel.timeZone, from, WEEK_DAYS);
}
