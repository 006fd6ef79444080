// Starts every worker of this process against the shared Redis, with periodic maintenance jobs.
import { Worker } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import type { Redis } from '../src/redis.ts';
import { deliverProcessor } from './deliver.ts';
import { ingestProcessor, onIngestFailed } from './ingest.ts';
import { mediaProcessor } from './media.ts';
import { maintenanceProcessor, type MaintenanceOptions } from './maintenance.ts';
import { routeProcessor } from './route.ts';
import { createSchedules, type Schedules } from './schedules.ts';
import { slaProcessor } from './sla.ts';
import { webhookProcessor } from './webhook.ts';
import type { WebhookDeliveryOptions } from '../src/domain/outgoing-webhooks/deliver-webhook.ts';
import { csatProcessor } from './csat.ts';
import type { RetrySchedule } from '../src/domain/messages/retry-schedule.ts';
import { observeJobs } from '../src/metrics/queue-metrics.ts';

export interface WorkerOptions extends MaintenanceOptions {
  connection: Redis;
  prefix: string;
  ingestConcurrency: number;
  deliverConcurrency: number;
  /** Backoff between delivery attempts after transient failures. */
  deliverRetry: RetrySchedule;
  routeConcurrency: number;
  /** Largest provider-hosted file the media worker downloads (MEDIA_MAX_BYTES). */
  mediaMaxBytes: number;
  sweepIntervalSeconds: number;
  /** Outgoing webhooks: retry policy, private hosts, timeout. */
  webhooks: WebhookDeliveryOptions & { sweepSeconds: number };
  /** Where customers reach Parley (PUBLIC_URL): survey links point there. */
  publicUrl: string;
}

export interface WorkerState {
  queue: string;
  running: boolean;
}

export interface RunningWorkers {
  /** Observes completed jobs of one queue (tests, metrics): the processor's result and the job's id. */
  onCompleted(queue: string, listener: (result: unknown, jobId: string | undefined) => void): void;
  /** Whether each worker is still taking jobs (the health check reports it). */
  states(): WorkerState[];
  /** The cluster's periodic jobs, asserted again whenever Redis comes back. */
  schedules: Schedules;
  close(): Promise<void>;
}

/**
 * Customers wait on ingest and delivery: a job whose worker died (SIGKILL, a lost host) is taken
 * up again within about lockDuration + stalledInterval = 20 s (BullMQ's defaults: 30 s + 30 s),
 * and may stall a few times before it counts as failed (a crash loop, not one bad deploy). A live
 * worker renews its lock every lockDuration / 2, so a job only loses it if the event loop is
 * blocked that long. A delivery taken up again asks the provider whether it was sent (findSent).
 */
export const quickRecovery = { lockDuration: 15_000, stalledInterval: 5_000, maxStalledCount: 3 } as const;

/** The retention purge runs hourly: retention is counted in days, and each run works in batches. */
export const RETENTION_EVERY_MS = 3_600_000;

export async function startWorkers(deps: Deps, opts: WorkerOptions): Promise<RunningWorkers> {
  const common = { connection: opts.connection, prefix: opts.prefix };
  const workers = [
    new Worker('ingest', ingestProcessor(deps), { ...common, ...quickRecovery, concurrency: opts.ingestConcurrency }),
    new Worker('deliver', deliverProcessor(deps, { retry: opts.deliverRetry, publicUrl: opts.publicUrl }), { ...common, ...quickRecovery, concurrency: opts.deliverConcurrency }),
    new Worker('route', routeProcessor(deps), { ...common, concurrency: opts.routeConcurrency }),
    new Worker('media', mediaProcessor(deps, { maxBytes: opts.mediaMaxBytes }), { ...common, concurrency: 4 }),
    new Worker('sla', slaProcessor(deps), { ...common, concurrency: 4 }),
    new Worker('webhook', webhookProcessor(deps, opts.webhooks), { ...common, concurrency: 8 }),
    new Worker('csat', csatProcessor(deps), { ...common, concurrency: 2 }),
    new Worker('maintenance', maintenanceProcessor(deps, opts), { ...common, concurrency: 1 }),
  ];
  const [ingest] = workers;
  ingest?.on('failed', (job, err) => {
    onIngestFailed(deps, job, err).catch((e: unknown) => deps.log.error({ err: e }, 'could not record ingest failure'));
  });
  for (const w of workers) {
    observeJobs(deps.metrics, w);
    w.on('error', (err) => deps.log.error({ err, queue: w.name }, 'worker error'));
    w.on('failed', (job, err) => deps.log.warn({ queue: w.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job failed'));
  }
  const maintenance = deps.queues.raw('maintenance');
  const sweepMs = opts.sweepIntervalSeconds * 1000;
  const schedules = createSchedules({ queue: maintenance, connection: opts.connection, log: deps.log, reassertEveryMs: Math.min(sweepMs, 60_000) });
  await schedules.add('sweep-inbound', sweepMs, { task: 'sweep-inbound' });
  await schedules.add('status-timers', 60_000, { task: 'status-timers' });
  await schedules.add('dispatch-all', sweepMs, { task: 'dispatch-all' });
  await schedules.add('retention', RETENTION_EVERY_MS, { task: 'retention' });
  await schedules.add('webhooks', opts.webhooks.sweepSeconds * 1000, { task: 'webhooks' });
  // Named so before listeners scheduled their own periodic work.
  await maintenance.removeJobScheduler('poll-imap');
  return {
    schedules,
    onCompleted(queue, listener) {
      for (const w of workers.filter((x) => x.name === queue)) w.on('completed', (job, result) => listener(result, job.id));
    },
    states: () => workers.map((w) => ({ queue: w.name, running: w.isRunning() && !w.isPaused() })),
    async close() {
      schedules.stop();
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
