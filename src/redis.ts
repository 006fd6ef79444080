// Redis connections. Producers fail fast when Redis is away (the database row is the truth and a
// sweeper re-enqueues); workers wait and reconnect, as BullMQ requires.
import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

export function createProducerRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000, lazyConnect: false, ...extra });
}

export function createWorkerRedis(url: string, extra: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...extra });
}
