// PLACEHOLDER being built (issue 9): the demo's on-demand episodes with their audio.
import type { WriteContext } from '../../src/core/events/index.ts';
import type { DemoSeedOptions } from './index.ts';

/** Adds the demo episodes to the demo programs (inside the demo's transaction, after seedRadio). */
export async function seedEpisodes(_w: WriteContext, _options: DemoSeedOptions): Promise<void> {}
