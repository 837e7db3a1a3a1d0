// Metrics under `--workers N`: a scrape reaches one worker, which asks the primary; the primary
// asks every worker for its registry (prom-client's AggregatorRegistry) and answers with the sum.
import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';

const REQUEST = 'warta:metrics-request';
const ANSWER = 'warta:metrics-answer';
/** prom-client gives up on a silent worker after 5 s; we wait a little longer for its answer. */
const ANSWER_TIMEOUT_MS = 6000;

interface Answer {
  type: typeof ANSWER;
  id: number;
  text?: string;
  error?: string;
}

let nextId = 0;

/** In a worker: the whole cluster's metrics, in Prometheus text format. */
export function askPrimaryForMetrics(): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const answer = message as Answer;
      if (answer?.type !== ANSWER || answer.id !== id) return;
      finish();
      if (answer.text !== undefined) resolve(answer.text);
      else reject(new Error(`metrics: ${answer.error ?? 'no answer'}`));
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error('metrics: the primary did not answer'));
    }, ANSWER_TIMEOUT_MS);
    const finish = () => {
      clearTimeout(timer);
      process.off('message', onMessage);
    };
    process.on('message', onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** In the primary: answers workers' requests for the cluster's metrics. */
export function answerMetricsRequests(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: unknown) => {
    const request = message as { type?: string; id?: number };
    if (request?.type !== REQUEST || typeof request.id !== 'number') return;
    const reply = (answer: Omit<Answer, 'type' | 'id'>) => {
      if (worker.isConnected()) worker.send({ type: ANSWER, id: request.id, ...answer });
    };
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  });
}
