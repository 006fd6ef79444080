// The visitors' token bucket against real Redis: a burst, then the refill rate, per key, with the
// wait to tell the visitor; and an unreachable Redis never blocks a message.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/log.ts';
import { createRedisRateLimiter } from '../../../src/realtime/visitor-rate-limit.ts';
import { createProducerRedis } from '../../../src/redis.ts';
import { testRedisUrl } from '../../support/env.ts';

describe('visitor rate limit', () => {
  const redis = createProducerRedis(testRedisUrl);
  const prefix = `t-rl-${randomBytes(4).toString('hex')}`;
  const limiter = createRedisRateLimiter(redis, prefix, createLogger('silent'));
  beforeAll(async () => {
    // A producer connection refuses commands until it is connected.
    if (redis.status !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets a burst through, then refuses with the wait until the next token', async () => {
    const rule = { burst: 3, perMinute: 6 };
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await limiter.take('visitor-a', rule));
    expect(answers.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(answers[3]).toMatchObject({ ok: false });
    const wait = (answers[3] as { retryAfterMs: number }).retryAfterMs;
    expect(wait).toBeGreaterThan(9_000);
    expect(wait).toBeLessThanOrEqual(10_000);
    // Another visitor has their own bucket.
    expect(await limiter.take('visitor-b', rule)).toEqual({ ok: true });
  });

  it('refills at the stated rate', async () => {
    const rule = { burst: 1, perMinute: 1 }; // one token a minute
    expect(await limiter.take('visitor-c', rule)).toEqual({ ok: true });
    expect(await limiter.take('visitor-c', rule)).toMatchObject({ ok: false });
    // The bucket runs on Redis's clock, which a test cannot set: instead the time the bucket was
    // last filled is moved back, as if that much time had passed since.
    const bucket = `${prefix}:ratelimit:visitor-c`;
    const passes = async (ms: number) => redis.hset(bucket, 'at', String(Number(await redis.hget(bucket, 'at')) - ms));
    await passes(30_000);
    const halfway = await limiter.take('visitor-c', rule);
    expect(halfway).toMatchObject({ ok: false });
    expect((halfway as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(29_000);
    expect((halfway as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(30_000);
    await passes(30_000);
    expect(await limiter.take('visitor-c', rule)).toEqual({ ok: true });
  });

  it('lets requests through when Redis cannot be reached', async () => {
    const down = createProducerRedis('redis://127.0.0.1:1', { retryStrategy: () => null });
    down.on('error', () => undefined);
    const offline = createRedisRateLimiter(down, prefix, createLogger('silent'));
    expect(await offline.take('visitor-d', { burst: 1, perMinute: 1 })).toEqual({ ok: true });
    down.disconnect();
  });
});
