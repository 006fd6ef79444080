// Builds what every process kind shares from the config: database, queues, realtime publishing,
// attachment store, password hashing and the channels' adapters. The API (runtime-api.ts) and the
// workers (runtime-workers.ts) are started on top of it; `main.ts` imports only the half its mode
// runs, so an API process does not load the workers' processors nor a workers process the HTTP
// routes and socket.io. `runtime.ts` gathers all three for the tests.
import { adapterLookup, createChannelAdapters } from '../channels/registry.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createDb } from './db/client.ts';
import type { Deps } from './deps.ts';
import { passwordHasherFor } from './domain/auth/password.ts';
import type { Logger } from './log.ts';
import { createQueues } from './queues.ts';
import { createMetrics } from './metrics/metrics.ts';
import { registerQueueMetrics } from './metrics/queue-metrics.ts';
import { createRedisPublisher } from './realtime/redis-publisher.ts';
import { withOutgoingWebhooks } from './domain/outgoing-webhooks/webhook-publisher.ts';
import { createSessionControl } from './realtime/session-control.ts';
import { createProducerRedis } from './redis.ts';
import { createFsAttachmentStore } from './storage/attachment-store.ts';
import { createVisitorTransport } from './realtime/visitor-transport.ts';
import path from 'node:path';
import type { DNSResolver } from '../channels/email/authenticate-inbound.ts';

export interface Runtime {
  deps: Deps;
  config: Config;
  close(): Promise<void>;
}

/** `dns`: the resolver the email edge checks senders with (node's own when not given). */
/** `processKind`: the `process` label of this process's metrics (all, api or workers). */
export function createRuntime(config: Config, log: Logger, opts: { clock?: Clock; dns?: DNSResolver; processKind?: string } = {}): Runtime {
  const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  const producer = createProducerRedis(config.REDIS_TARGET);
  producer.on('error', (err) => log.warn({ err: err.message }, 'redis (producer) error'));
  const queues = createQueues(producer, config.QUEUE_PREFIX, (err) => log.warn({ err: err.message }, 'queue error'));
  // A realtime event lost while Redis is away is logged; clients reload what they show when they reconnect.
  const lostEvent = (err: Error) => log.warn({ err: err.message }, 'realtime event not published (Redis unavailable)');
  const clock = opts.clock ?? systemClock;
  const deps: Deps = {
    db,
    clock,
    log,
    queues,
    // Conversation and message events also become outgoing webhook deliveries (the one place they are emitted).
    publisher: withOutgoingWebhooks(createRedisPublisher(producer, config.QUEUE_PREFIX, lostEvent), { db, queues, log, clock }),
    realtime: createSessionControl({ db, log, redis: producer, prefix: config.QUEUE_PREFIX, onError: lostEvent }),
    store: createFsAttachmentStore(path.resolve(config.DATA_DIR, 'attachments')),
    passwords: passwordHasherFor(config),
    adapterFor: adapterLookup(
      createChannelAdapters({
        publicUrl: config.PUBLIC_URL,
        visitors: createVisitorTransport(producer, config.QUEUE_PREFIX, lostEvent),
        providers: { telegramApiRoot: config.TELEGRAM_API_ROOT, twilioApiBase: config.TWILIO_API_BASE ?? null },
        hosts: { allowPrivate: config.ALLOW_PRIVATE_HOSTS },
        dns: opts.dns,
      }),
    ),
    metrics: createMetrics({ process: opts.processKind ?? 'all' }),
  };
  registerQueueMetrics(deps.metrics, queues);
  return {
    deps,
    config,
    async close() {
      await queues.close();
      producer.disconnect();
      await db.$disconnect();
    },
  };
}
