// Queue depth per queue and state (read from Redis at each scrape: the cluster's totals, the same on
// every node) and, in a process running workers, how long each finished job waited and ran.
import type { Job, Worker } from 'bullmq';
import { queueCatalog, type QueueName, type Queues } from '../queues.ts';
import type { Metrics } from './metrics.ts';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'failed'] as const;
/** A scrape does not wait longer than this for Redis (an absent Redis shows as missing series, not a hung scrape). */
const COUNT_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export function registerQueueMetrics(metrics: Metrics, queues: Queues): void {
  const names = Object.keys(queueCatalog) as QueueName[];
  metrics.gauge('parley_queue_jobs', 'Jobs per queue and state, as Redis holds them (cluster-wide)', ['queue', 'state'], async () => {
    const counted = await Promise.all(
      names.map((queue) =>
        withTimeout(queues.raw(queue).getJobCounts(...STATES), COUNT_TIMEOUT_MS).then(
          (counts) => STATES.map((state) => ({ labels: { queue, state }, value: counts[state] ?? 0 })),
          () => [],
        ),
      ),
    );
    return counted.flat();
  });
}

/** Seconds a job waited (from when it was due: its delay counts as not waiting) and ran. */
export function jobTimes(job: Pick<Job, 'timestamp' | 'processedOn' | 'finishedOn' | 'opts'>): { waitSeconds: number; runSeconds: number } | null {
  if (job.processedOn === undefined || job.finishedOn === undefined) return null;
  const due = job.timestamp + (job.opts?.delay ?? 0);
  return { waitSeconds: (job.processedOn - due) / 1000, runSeconds: (job.finishedOn - job.processedOn) / 1000 };
}

export function observeJobs(metrics: Metrics, worker: Worker): void {
  const record = (job: Job | undefined, outcome: 'completed' | 'failed') => {
    const times = job ? jobTimes(job) : null;
    if (times) metrics.job(worker.name, outcome, times.waitSeconds, times.runSeconds);
  };
  worker.on('completed', (job) => record(job, 'completed'));
  worker.on('failed', (job) => record(job, 'failed'));
}
