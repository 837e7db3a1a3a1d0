// What tests may change about the channel, per app: the no-JavaScript wait, so a browser test
// waits two seconds instead of twenty (it still really waits). Set only from code holding the
// app's context, never from a setting: a site cannot be configured into a weaker check.
import type { AppContext } from '../../context.ts';
import { NO_SCRIPT_WAIT_MS } from '../challenge/index.ts';

/** The channel's adjustable parts. */
export interface ChannelTuning {
  /** Without JavaScript, the least time between showing the form and taking it. */
  readonly noScriptWaitMs: number;
}

const DEFAULT_TUNING: ChannelTuning = { noScriptWaitMs: NO_SCRIPT_WAIT_MS };
const tunings = new WeakMap<AppContext, ChannelTuning>();

/** For tests: call before the app's first report form is shown. */
export function tuneChannel(ctx: AppContext, tuning: ChannelTuning): void {
  tunings.set(ctx, tuning);
}

/** This app's tuning (the defaults unless a test set it). */
export function channelTuning(ctx: AppContext): ChannelTuning {
  return tunings.get(ctx) ?? DEFAULT_TUNING;
}
