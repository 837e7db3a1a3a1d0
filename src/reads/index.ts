// Read counts and most-read lists: what the rest of the app uses of the reads feature.
export { ReadCounter } from './counter.ts';
export { ReadCount, readBeaconPath } from './views/read-count.tsx';
export { mostReadPath } from './views/most-read-page.tsx';
export { insertDemoReads, spreadReads } from './demo.ts';
