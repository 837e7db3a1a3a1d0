// The worker thread that draws the benchmark archive's stories (story-plan.ts) while the main
// thread writes them: it sends a batch for each batch asked for, and draws the next one ahead.
import { parentPort, workerData } from 'node:worker_threads';
import { StoryPlanner, type PlanOptions, type PlannedStory } from './story-plan.ts';

/** What the worker is started with. */
export interface PlanWorkerData extends PlanOptions {
  batchSize: number;
}

/** A message from the worker: a batch of stories (empty once the archive is drawn). */
export type PlanWorkerMessage = { stories: PlannedStory[] };

const port = parentPort!;
const options = workerData as PlanWorkerData;
const planner = new StoryPlanner(options);
// One batch is drawn ahead of the one asked for, so the writer never waits after the first.
let ahead = planner.plan(options.batchSize);
port.on('message', () => {
  port.postMessage({ stories: ahead } satisfies PlanWorkerMessage);
  ahead = ahead.length > 0 ? planner.plan(options.batchSize) : [];
});
