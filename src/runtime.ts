// Builds Parley's parts from the config: database, queues, realtime, HTTP + socket.io, the
// channels' listeners (SMTP edge, pollers) and workers. `main.ts` starts some or all of them;
// tests start them on ephemeral ports.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Server as IoServer } from 'socket.io';
import { adapterLookup, createChannelAdapters } from '../channels/registry.ts';
import { startWorkers, type RunningWorkers } from '../workers/index.ts';
import { systemClock, type Clock } from './clock.ts';
import type { Config } from './config.ts';
import { createDb } from './db/client.ts';
import type { Deps } from './deps.ts';
import { passwordHasherFor } from './domain/auth/password.ts';
import { createApp } from './http/app.ts';
import { setPresence } from './domain/routing/set-presence.ts';
import type { Logger } from './log.ts';
import { createQueues } from './queues.ts';
import { createGateway } from './realtime/gateway.ts';
import { allowedOrigins } from './http/origin-policy.ts';
import { createVisitorDesk } from './realtime/visitor-desk.ts';
import { createRedisRateLimiter } from './realtime/visitor-rate-limit.ts';
import { createAttemptLimiter } from './http/attempt-limiter.ts';
import { createVisitorTransport } from './realtime/visitor-transport.ts';
import { relayAgentTyping } from './domain/messages/relay-agent-typing.ts';
import { startListeners, type RunningListeners } from './runtime-listeners.ts';
import { checkReadiness, probePostgres, probeRedis, probeTcp, type Probe } from './health/readiness.ts';
import { createRedisPublisher } from './realtime/redis-publisher.ts';
import { createSessionControl } from './realtime/session-control.ts';
import { createProducerRedis, createWorkerRedis, type Redis } from './redis.ts';
import { createFsAttachmentStore } from './storage/attachment-store.ts';
import path from 'node:path';
import type { DNSResolver } from '../channels/email/authenticate-inbound.ts';

export interface Runtime {
  deps: Deps;
  config: Config;
  close(): Promise<void>;
}

/** `dns`: the resolver the email edge checks senders with (node's own when not given). */
export function createRuntime(config: Config, log: Logger, opts: { clock?: Clock; dns?: DNSResolver } = {}): Runtime {
  const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE, connectTimeoutMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS });
  const producer = createProducerRedis(config.REDIS_URL);
  producer.on('error', (err) => log.warn({ err: err.message }, 'redis (producer) error'));
  const queues = createQueues(producer, config.QUEUE_PREFIX, (err) => log.warn({ err: err.message }, 'queue error'));
  // A realtime event lost while Redis is away is logged; clients reload what they show when they reconnect.
  const lostEvent = (err: Error) => log.warn({ err: err.message }, 'realtime event not published (Redis unavailable)');
  const deps: Deps = {
    db,
    clock: opts.clock ?? systemClock,
    log,
    queues,
    publisher: createRedisPublisher(producer, config.QUEUE_PREFIX, lostEvent),
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
  };
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

/** A probe per listener that listens on a port (email.smtp ...); before they start, none (readiness then waits on the HTTP port not yet open). */
function edgeProbes(listeners: RunningListeners | null): Record<string, Probe> {
  if (!listeners) return { edges: async () => Promise.reject(new Error('the edges have not started yet')) };
  const probes: Record<string, Probe> = {};
  for (const [name, l] of listeners.byName) if (l.address) probes[name] = probeTcp(l.address.host ?? '127.0.0.1', l.address.port);
  return probes;
}

export interface ApiServer {
  http: HttpServer;
  io: IoServer;
  port: number;
  /** The channels' listeners this process runs (the SMTP edge ...). */
  listeners: RunningListeners;
  close(): Promise<void>;
}

export async function startApi(rt: Runtime): Promise<ApiServer> {
  const { config, deps } = rt;
  // Rate limits (website chat visitors, public HTTP endpoints) in Redis, shared by every API node.
  const limiterRedis = createProducerRedis(config.REDIS_URL);
  limiterRedis.on('error', (err) => deps.log.warn({ err: err.message }, 'redis (rate limiter) error'));
  const limiter = createRedisRateLimiter(limiterRedis, config.QUEUE_PREFIX, deps.log);
  const attempts = createAttemptLimiter(limiterRedis, config.QUEUE_PREFIX, deps.log);
  // Attempts counted before Redis answers fall back to this node's memory: wait for it briefly, never for a Redis that is away.
  await new Promise<void>((resolve) => {
    if (limiterRedis.status === 'ready') return resolve();
    limiterRedis.once('ready', () => resolve());
    setTimeout(resolve, 2_000).unref();
  });
  // Readiness: Postgres, Redis and every edge this process listens on (the SMTP edge), each connected to.
  let listeners: RunningListeners | null = null;
  let stopping = false;
  const readiness = () => checkReadiness('api', { postgres: probePostgres(deps.db), redis: probeRedis(limiterRedis), ...edgeProbes(listeners) }, { stopping });
  const app = createApp({ ...deps, config, limiter, attempts, readiness });
  const http = createServer(getRequestListener(app.fetch));
  const pubClient: Redis = createWorkerRedis(config.REDIS_URL);
  const subClient: Redis = pubClient.duplicate();
  const io = createGateway(http, {
    db: deps.db,
    clock: deps.clock,
    log: deps.log,
    pubClient,
    subClient,
    prefix: config.QUEUE_PREFIX,
    sessionCheckMs: config.SOCKET_SESSION_CHECK_SECONDS * 1000,
    allowedOrigins: allowedOrigins(config),
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    presence: {
      offlineGraceMs: config.PRESENCE_GRACE_SECONDS * 1000,
      onConnected: async (a) => {
        const agent = await deps.db.agent.findUnique({ where: { id: a.agentId }, select: { presence: true } });
        if (agent?.presence === 'offline') await setPresence(deps, { agentId: a.agentId, presence: 'online', actorAgentId: null, reason: 'connected' });
      },
      onGone: async (a) => {
        await setPresence(deps, { agentId: a.agentId, presence: 'offline', actorAgentId: null, reason: 'disconnected' });
      },
    },
    relayTyping: (input) => relayAgentTyping(deps, input),
  });
  // Website chat visitors (the webchat listener's namespace): sessions from the hub.
  const visitors = createVisitorDesk(deps, { io, limiter });
  // Listeners first: the widget's namespace must exist before the first visitor can connect.
  listeners = await startListeners(deps, { config, runsIn: 'api', api: { io, visitors }, every: null });
  await new Promise<void>((resolve) => http.listen(config.PORT, config.HOST, resolve));
  const port = (http.address() as AddressInfo).port;
  deps.log.info({ port }, 'API and realtime listening');
  return {
    http,
    io,
    port,
    listeners,
    async close() {
      stopping = true;
      // Both stop accepting at once, then finish what is open: SMTP sessions (up to their close
      // timeout), HTTP requests in flight; socket.io disconnects its clients.
      await Promise.all([listeners?.close(), io.close()]); // io.close() also closes the HTTP server
      pubClient.disconnect();
      subClient.disconnect();
      limiterRedis.disconnect();
    },
  };
}

export async function startWorkerSet(rt: Runtime): Promise<RunningWorkers & { connection: Redis }> {
  const { config, deps } = rt;
  const connection = createWorkerRedis(config.REDIS_URL);
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
    staleSeconds: config.SWEEP_STALE_SECONDS,
    listenerTasks,
  });
  // Pollers (IMAP, Telegram long polling); their periodic work runs through the maintenance queue, once per cluster.
  const listeners = await startListeners(deps, {
    config,
    runsIn: 'workers',
    api: null,
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
      await workers.close();
      connection.disconnect();
    },
  };
}
