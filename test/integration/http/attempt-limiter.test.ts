// The attempt limiter against real Redis: points are reserved atomically before the secret is
// checked, given back for a success or an attempt that checked nothing, kept for a failure; with
// Redis away every node still limits, in its own memory.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttemptLimiter, type AttemptRule } from '../../../src/http/attempt-limiter.ts';
import { createLogger } from '../../../src/log.ts';
import { createProducerRedis } from '../../../src/redis.ts';
import { testRedisUrl } from '../../support/env.ts';

describe('attempt limiter', () => {
  const redis = createProducerRedis(testRedisUrl);
  const prefix = `t-al-${randomBytes(4).toString('hex')}`;
  const limiter = createAttemptLimiter(redis, prefix, createLogger('silent'));
  const rule: AttemptRule = { name: 'guess', points: 3, windowSeconds: 60 };
  beforeAll(async () => {
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('reserves atomically: of 20 parallel attempts exactly `points` get through, and the refused say how long to wait', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => limiter.reserve([{ rule, key: 'parallel' }])));
    expect(all.filter((r) => r.ok)).toHaveLength(3);
    const refused = all.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, rule: 'guess' });
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(50_000);
  });

  it('keeps the points of failures and gives back those of successes and of attempts that checked nothing', async () => {
    for (const outcome of ['succeeded', 'not-counted', 'succeeded', 'not-counted', 'failed', 'failed', 'failed'] as const) {
      const r = await limiter.reserve([{ rule, key: 'outcomes' }]);
      expect(r.ok).toBe(true);
      if (r.ok) await r.settle(outcome);
    }
    expect((await limiter.reserve([{ rule, key: 'outcomes' }])).ok).toBe(false);
  });

  it('gives back the points taken in other buckets when one bucket refuses', async () => {
    const tight: AttemptRule = { name: 'tight', points: 1, windowSeconds: 60 };
    const wide: AttemptRule = { name: 'wide', points: 2, windowSeconds: 60 };
    const first = await limiter.reserve([{ rule: tight, key: 'a' }, { rule: wide, key: 'shared' }]);
    expect(first.ok).toBe(true);
    // Refused by `tight`: `shared` is not charged for it ...
    for (let i = 0; i < 5; i++) expect((await limiter.reserve([{ rule: tight, key: 'a' }, { rule: wide, key: 'shared' }])).ok).toBe(false);
    // ... so it still has its second point.
    expect((await limiter.reserve([{ rule: wide, key: 'shared' }])).ok).toBe(true);
    expect((await limiter.reserve([{ rule: wide, key: 'shared' }])).ok).toBe(false);
  });

  it('clears a consecutive-failures bucket on success', async () => {
    const consecutive: AttemptRule = { name: 'consecutive', points: 2, windowSeconds: 60, resetOnSuccess: true };
    const settle = async (outcome: 'failed' | 'succeeded') => {
      const r = await limiter.reserve([{ rule: consecutive, key: 'c' }]);
      if (!r.ok) return 'refused';
      await r.settle(outcome);
      return 'ok';
    };
    expect([await settle('failed'), await settle('succeeded'), await settle('failed'), await settle('failed'), await settle('failed')]).toEqual(['ok', 'ok', 'ok', 'ok', 'refused']);
  });

  it('still limits, per node in memory, when Redis cannot be reached', async () => {
    const down = createProducerRedis('redis://127.0.0.1:1', { retryStrategy: () => null });
    down.on('error', () => undefined);
    const offline = createAttemptLimiter(down, prefix, createLogger('silent'));
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await offline.reserve([{ rule, key: 'offline' }])).ok);
    expect(answers).toEqual([true, true, true, false, false]);
    down.disconnect();
  });
});
