// A worker process's leases (src/cluster/leases.ts) for tests that run listeners without a worker
// set: each call is one more "process" (its own owner id) on its own Redis connection.
import { createLeases, type Leases } from '../../src/cluster/leases.ts';
import { createProducerRedis } from '../../src/redis.ts';
import { testRedisUrl } from './env.ts';

export function processLeases(prefix: string, ttlMs = 30_000): Leases & { redis: ReturnType<typeof createProducerRedis> } {
  // Queues commands until connected (a producer connection refuses them), failing fast once Redis is away.
  const redis = createProducerRedis(testRedisUrl, { enableOfflineQueue: true });
  redis.on('error', () => undefined);
  const leases = createLeases(redis, { prefix, ttlMs, onError: () => undefined });
  return {
    redis,
    claim: leases.claim,
    release: leases.release,
    async close() {
      await leases.close();
      redis.disconnect();
    },
  };
}
