// The queue catalog: every queue's payload schema, retry policy and job id, in one place.
// Payloads carry ids only: the database row is the truth, the job id the idempotency key.
import { Queue, type JobsOptions } from 'bullmq';
import { z } from 'zod';
import type { Redis } from './redis.ts';

export const queueCatalog = {
  ingest: {
    payload: z.object({ inboundEventId: z.string() }),
    attempts: 6,
    backoff: { type: 'exponential', delay: 1_000 },
    jobId: (p: { inboundEventId: string }) => `ingest-${p.inboundEventId}`,
  },
  deliver: {
    payload: z.object({ messageId: z.string() }),
    attempts: 8,
    backoff: { type: 'exponential', delay: 2_000 },
    jobId: (p: { messageId: string }) => `deliver-${p.messageId}`,
  },
  media: {
    payload: z.object({ attachmentId: z.string() }),
    attempts: 6,
    backoff: { type: 'exponential', delay: 5_000 },
    jobId: (p: { attachmentId: string }) => `media-${p.attachmentId}`,
  },
  route: {
    payload: z.discriminatedUnion('kind', [
      /** Route one conversation from `step` (escalation and offer timeouts name the step they came from). */
      z.object({ kind: z.literal('conversation'), conversationId: z.string(), reason: z.enum(['new', 'escalate', 'offer-timeout', 'reroute']), step: z.number().int().min(0).optional(), token: z.string().optional() }),
      /** Try to place waiting conversations of a workspace (capacity freed, an agent came online). */
      z.object({ kind: z.literal('dispatch'), workspaceId: z.string() }),
    ]),
    attempts: 5,
    backoff: { type: 'exponential', delay: 500 },
    jobId: (p: { kind: 'conversation'; conversationId: string; reason: string; step?: number; token?: string } | { kind: 'dispatch'; workspaceId: string }) =>
      p.kind === 'dispatch' ? `dispatch-${p.workspaceId}-${Math.floor(Date.now() / 1000)}` : `route-${p.conversationId}-${p.reason}-${p.step ?? 0}-${p.token ?? ''}`,
  },
  sla: {
    payload: z.object({ clockId: z.string(), version: z.number().int(), kind: z.enum(['warn', 'breach']), beforeSeconds: z.number().int().optional() }),
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000 },
    jobId: (p: { clockId: string; version: number; kind: string; beforeSeconds?: number }) => `sla-${p.clockId}-${p.version}-${p.kind}-${p.beforeSeconds ?? 0}`,
  },
  webhook: {
    /** One outgoing webhook delivery; its retries wait on the job itself (moved to delayed), as deliver's do. */
    payload: z.object({ deliveryId: z.string() }),
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    jobId: (p: { deliveryId: string }) => `webhook-${p.deliveryId}`,
  },
  /** Send one satisfaction survey (delayed by the workspace's delay after the resolution). */
  csat: {
    payload: z.object({ surveyId: z.string() }),
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000 },
    jobId: (p: { surveyId: string }) => `csat-${p.surveyId}`,
  },
  maintenance: {
    /** `listener`: a channel listener's periodic task (`name`, e.g. email.imap.poll), run once per cluster. `retention`: the privacy purge. `webhooks`: the outbox sweep. */
    payload: z.object({ task: z.enum(['sweep-inbound', 'status-timers', 'dispatch-all', 'listener', 'retention', 'webhooks']), name: z.string().min(1).optional() }),
    attempts: 1,
    backoff: { type: 'fixed', delay: 1_000 },
    jobId: (p: { task: string }) => `maintenance-${p.task}-${Date.now()}`,
  },
} as const;

export type QueueName = keyof typeof queueCatalog;
export type QueuePayload<N extends QueueName> = z.infer<(typeof queueCatalog)[N]['payload']>;
export const queueNames = Object.keys(queueCatalog) as QueueName[];

export interface Queues {
  enqueue<N extends QueueName>(name: N, payload: QueuePayload<N>, opts?: Pick<JobsOptions, 'delay'>): Promise<void>;
  /** As enqueue for each item, in one round trip to Redis (BullMQ's addBulk); ids dedupe as with enqueue. */
  enqueueMany<N extends QueueName>(name: N, items: { payload: QueuePayload<N>; opts?: Pick<JobsOptions, 'delay'> }[]): Promise<void>;
  /**
   * Queues the work again unless a job for it is still waiting or running; a finished (failed or
   * completed) job with the same id is dropped first, since BullMQ would otherwise ignore the add.
   * Returns whether a job was added.
   */
  requeue<N extends QueueName>(name: N, payload: QueuePayload<N>): Promise<boolean>;
  /**
   * Runs the work now: a delayed job is promoted; a missing or finished one is queued again (as
   * `requeue`); one waiting or running is left as it is. Returns whether anything was done.
   */
  release<N extends QueueName>(name: N, payload: QueuePayload<N>): Promise<boolean>;
  raw(name: QueueName): Queue;
  close(): Promise<void>;
}

export function createQueues(connection: Redis, prefix: string, onError: (err: Error) => void = () => undefined): Queues {
  const queues = new Map<QueueName, Queue>(
    queueNames.map((n) => {
      const q = new Queue(n, { connection, prefix });
      // Without a listener a lost Redis connection would crash the process; callers log and carry on.
      q.on('error', onError);
      return [n, q];
    }),
  );
  const get = (name: QueueName): Queue => {
    const q = queues.get(name);
    if (!q) throw new Error(`unknown queue ${name}`);
    return q;
  };
  const jobOf = <N extends QueueName>(name: N, payload: QueuePayload<N>, opts: Pick<JobsOptions, 'delay'> = {}) => {
    const spec = queueCatalog[name];
    const data = spec.payload.parse(payload);
    const jobOpts: JobsOptions = {
      jobId: (spec.jobId as (p: unknown) => string)(data),
      attempts: spec.attempts,
      backoff: spec.backoff,
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
      ...opts,
    };
    return { name, data, opts: jobOpts };
  };
  const api: Queues = {
    async enqueue(name, payload, opts = {}) {
      const job = jobOf(name, payload, opts);
      await get(name).add(job.name, job.data, job.opts);
    },
    async enqueueMany(name, items) {
      if (items.length === 0) return;
      await get(name).addBulk(items.map((i) => jobOf(name, i.payload, i.opts)));
    },
    async requeue(name, payload) {
      const jobId = (queueCatalog[name].jobId as (p: unknown) => string)(payload);
      const job = await get(name).getJob(jobId);
      if (job) {
        const finished = (await job.isFailed()) || (await job.isCompleted());
        if (!finished) return false;
        await job.remove();
      }
      await api.enqueue(name, payload);
      return true;
    },
    async release(name, payload) {
      const jobId = (queueCatalog[name].jobId as (p: unknown) => string)(payload);
      const job = await get(name).getJob(jobId);
      if (job && (await job.isDelayed())) {
        // It may have left the delayed set in the meantime (promoted, or picked up): nothing to do then.
        return job.promote().then(() => true, () => false);
      }
      return api.requeue(name, payload);
    },
    raw: get,
    async close() {
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
  return api;
}
