// Redis connections. Producers fail fast when Redis is away (the database row is the truth and a
// sweeper re-enqueues); workers wait and reconnect, as BullMQ requires. Each goes to the configured
// target (redis-target.ts): one server, a Sentinel-watched primary or a Redis Cluster.
import { Cluster, Redis as SingleRedis, type RedisOptions } from 'ioredis';
import type { RedisAuth, RedisHost, RedisTarget } from './redis-target.ts';

/** A connection to one server or a cluster: the commands Parley, BullMQ and socket.io use are on both. */
export type Redis = SingleRedis | Cluster;

/** A REDIS_URL alone is a single server (tests, scripts). */
type Target = RedisTarget | string;

const PRODUCER: RedisOptions = { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false };
const WORKER: RedisOptions = { maxRetriesPerRequest: null };

export function createProducerRedis(target: Target, extra: RedisOptions = {}): Redis {
  return connect(target, { ...PRODUCER, ...extra });
}

export function createWorkerRedis(target: Target, extra: RedisOptions = {}): Redis {
  return connect(target, { ...WORKER, ...extra });
}

const authOptions = (auth: RedisAuth): RedisOptions => ({
  ...(auth.username ? { username: auth.username } : {}),
  ...(auth.password ? { password: auth.password } : {}),
  ...(auth.db ? { db: auth.db } : {}),
  ...(auth.tls ? { tls: {} } : {}),
});

type ResolvedConnection =
  | { kind: 'single'; url: string; options: RedisOptions }
  | { kind: 'cluster'; nodes: RedisHost[]; options: RedisOptions };

/** The ioredis options a target opens with (exported for the configuration's tests). */
export function connectionOptions(target: RedisTarget, options: RedisOptions): ResolvedConnection {
  if (target.kind === 'single') return { kind: 'single', url: target.url, options };
  if (target.kind === 'sentinel') {
    // The sentinels are asked where the primary is (and again after a failover); the password is the primary's.
    return { kind: 'single', url: '', options: { ...options, ...authOptions(target.auth), sentinels: target.sentinels, name: target.name } };
  }
  return { kind: 'cluster', nodes: target.nodes, options: { ...options, ...authOptions(target.auth) } };
}

function connect(target: Target, options: RedisOptions): Redis {
  const resolved = connectionOptions(typeof target === 'string' ? { kind: 'single', url: target } : target, options);
  if (resolved.kind === 'cluster') {
    const { enableOfflineQueue, lazyConnect, maxRetriesPerRequest, ...redisOptions } = resolved.options;
    // Offline queue and lazy connecting are the cluster client's own options; the rest go to each node.
    return new Cluster(resolved.nodes, {
      redisOptions: { ...redisOptions, maxRetriesPerRequest },
      ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
      ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    });
  }
  return resolved.url ? new SingleRedis(resolved.url, resolved.options) : new SingleRedis(resolved.options);
}
