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
// issue 11: public API
export {
  findActiveChannel,
  listChannelsForApi,
  listEpisodesForApi,
  type ApiChannel,
  type ApiEpisode,
} from './queries.ts';
export { loadPrograms, type ProgramInfo } from './programs/queries.ts';
export { episodePath, programPath } from './episodes/queries.ts';
export { livePath } from './live/snapshot.ts';
