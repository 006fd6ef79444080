// The API process's half of Parley: HTTP (hono) and realtime (socket.io) on one server, the rate
// limiters, website chat visitors and the channels' listeners that run in the API (the SMTP edge).
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import type { Server as IoServer } from 'socket.io';
import { createApp } from './http/app.ts';
import { setPresence } from './domain/routing/set-presence.ts';
import { createGateway } from './realtime/gateway.ts';
import { allowedOrigins } from './http/origin-policy.ts';
import { createVisitorDesk } from './realtime/visitor-desk.ts';
import { createRedisRateLimiter } from './realtime/visitor-rate-limit.ts';
import { createAttemptLimiter } from './http/attempt-limiter.ts';
import { relayAgentTyping } from './domain/messages/relay-agent-typing.ts';
import { startListeners, type RunningListeners } from './runtime-listeners.ts';
import { checkReadiness, probeMigrations, probePostgres, probeRedis, probeTcp, type Probe } from './health/readiness.ts';
import { createProducerRedis, createWorkerRedis, type Redis } from './redis.ts';
import type { Runtime } from './runtime-core.ts';
import { VISITOR_NAMESPACE } from '../channels/webchat/transport.ts';

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
  const limiterRedis = createProducerRedis(config.REDIS_TARGET);
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
  const migrations = probeMigrations(deps.db);
  const readiness = () => checkReadiness('api', { postgres: probePostgres(deps.db), migrations, redis: probeRedis(limiterRedis), ...edgeProbes(listeners) }, { stopping });
  const app = createApp({ ...deps, config, limiter, attempts, readiness });
  const http = createServer(getRequestListener(app.fetch));
  const pubClient: Redis = createWorkerRedis(config.REDIS_TARGET);
  const subClient: Redis = createWorkerRedis(config.REDIS_TARGET);
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
  deps.metrics.gauge('parley_socket_connections', 'Realtime connections open on this node', ['kind'], () => [
    { labels: { kind: 'agent' }, value: io.of('/').sockets.size },
    { labels: { kind: 'visitor' }, value: io.of(VISITOR_NAMESPACE).sockets.size },
  ]);
  // Website chat visitors (the webchat listener's namespace): sessions from the hub.
  const visitors = createVisitorDesk(deps, { io, limiter, publicUrl: config.PUBLIC_URL });
  // Listeners first: the widget's namespace must exist before the first visitor can connect.
  listeners = await startListeners(deps, { config, runsIn: 'api', api: { io, visitors }, every: null, leases: null });
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
