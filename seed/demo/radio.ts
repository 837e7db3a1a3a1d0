// PLACEHOLDER being built (issue 9): the demo's channels, programs, schedule, highlight posts and picks.
import type { WriteContext } from '../../src/core/events/index.ts';
import type { DemoSeedOptions } from './index.ts';

/** Adds the demo radio (inside the demo's transaction). */
export async function seedRadio(_w: WriteContext, _options: DemoSeedOptions): Promise<void> {}
