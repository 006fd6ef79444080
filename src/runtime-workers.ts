// The workers process's half of Parley: the queues' workers (ingest, route, deliver, media, SLA,
// maintenance) and the channels' pollers (IMAP, Telegram long polling), on their own Redis connection.
import { startWorkers, type RunningWorkers } from '../workers/index.ts';
import { createLeases } from './cluster/leases.ts';
import { startListeners } from './runtime-listeners.ts';
import { createProducerRedis, createWorkerRedis, type Redis } from './redis.ts';
import type { Runtime } from './runtime-core.ts';

export async function startWorkerSet(rt: Runtime): Promise<RunningWorkers & { connection: Redis }> {
  const { config, deps } = rt;
  const connection = createWorkerRedis(config.REDIS_TARGET);
  const listenerTasks = new Map<string, () => Promise<void>>();
  const workers = await startWorkers(deps, {
    connection,
    prefix: config.QUEUE_PREFIX,
    ingestConcurrency: config.INGEST_CONCURRENCY,
    deliverConcurrency: config.DELIVER_CONCURRENCY,
    deliverRetry: { baseMs: config.DELIVER_RETRY_BASE_MS, capMs: config.DELIVER_RETRY_MAX_MS },
    routeConcurrency: config.ROUTE_CONCURRENCY,
    mediaMaxBytes: config.MEDIA_MAX_BYTES,
    sweepIntervalSeconds: config.SWEEP_INTERVAL_SECONDS,
    publicUrl: config.PUBLIC_URL,
    staleSeconds: config.SWEEP_STALE_SECONDS,
    webhookGraceSeconds: 2,
    webhooks: {
      retry: { delaysMs: config.WEBHOOK_RETRY_DELAYS_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS },
      allowPrivate: config.WEBHOOK_ALLOW_PRIVATE,
      timeoutMs: config.WEBHOOK_TIMEOUT_MS,
      sweepSeconds: config.WEBHOOK_SWEEP_SECONDS,
    },
    listenerTasks,
  });
  // One process at a time holds a poller's lease (Telegram: one getUpdates caller per bot); a dead process's lapses.
  // Its own connection, failing after one reconnection attempt: a claim while Redis is away fails (the poller is
  // not started) rather than waits; its offline queue holds the first claims until the connection is up.
  const leaseRedis = createProducerRedis(config.REDIS_TARGET, { enableOfflineQueue: true });
  leaseRedis.on('error', (err) => deps.log.warn({ err: err.message }, 'redis (leases) error'));
  const leases = createLeases(leaseRedis, { prefix: config.QUEUE_PREFIX, ttlMs: config.LEASE_TTL_SECONDS * 1000, onError: (err) => deps.log.warn({ err: err.message }, 'could not renew a lease') });
  // Pollers (IMAP, Telegram long polling); their periodic work runs through the maintenance queue, once per cluster.
  const listeners = await startListeners(deps, {
    config,
    runsIn: 'workers',
    api: null,
    leases,
    every: async (name, ms, task) => {
      listenerTasks.set(name, task);
      await workers.schedules.add(`listener:${name}`, ms, { task: 'listener', name });
    },
  });
  return {
    connection,
    onCompleted: workers.onCompleted,
    states: workers.states,
    schedules: workers.schedules,
    async close() {
      await listeners.close();
      await leases.close();
      leaseRedis.disconnect();
      await workers.close();
      connection.disconnect();
    },
  };
}
