// Broadcast: channels, programs and their schedule, episodes and podcasts (issue 9, being built).
export {
  airingsBetween,
  dayIn,
  isValidSlot,
  nextAirings,
  onAirAt,
  type Airing,
  type Schedule,
  type ScheduleChange,
  type WeeklySlot,
  type Weekday,
} from './schedule.ts';
export { azuracastStatus, icecastStatus, StreamStatusCache, type StreamStatus } from './stream-status.ts';
export { BROADCAST_EVENTS } from './events.ts';
export { addScheduleChange, removeScheduleChange, saveChannel, saveProgram, streamFormat } from './commands.ts';
export { scheduleOfChannel } from './queries.ts';
export { episodePath } from './episodes/queries.ts';
