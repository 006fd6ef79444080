// enqueueMany: many jobs of one queue in one round trip, with the catalog's ids, retry policy and
// the given delays, deduplicated by id as single enqueues are.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createQueues, type Queues } from '../../../src/queues.ts';
import { createProducerRedis, type Redis } from '../../../src/redis.ts';
import { testRedisUrl } from '../../support/env.ts';

describe('enqueueMany', () => {
  let redis: Redis;
  let queues: Queues;
  beforeAll(() => {
    redis = createProducerRedis(testRedisUrl);
    queues = createQueues(redis, `t-${randomBytes(5).toString('hex')}`);
  });
  afterAll(async () => {
    await queues.close();
    redis.disconnect();
  });

  it('adds every job with its catalog id and delay, and ignores one whose id is already queued', async () => {
    const clockId = randomBytes(4).toString('hex');
    await queues.enqueue('sla', { clockId, version: 1, kind: 'breach' }, { delay: 60_000 });
    await queues.enqueueMany('sla', [
      { payload: { clockId, version: 1, kind: 'warn', beforeSeconds: 300 }, opts: { delay: 30_000 } },
      { payload: { clockId, version: 1, kind: 'breach' }, opts: { delay: 90_000 } },
    ]);
    const sla = queues.raw('sla');
    const warn = await sla.getJob(`sla-${clockId}-1-warn-300`);
    expect(warn?.opts).toMatchObject({ delay: 30_000, attempts: 5 });
    const breach = await sla.getJob(`sla-${clockId}-1-breach-0`);
    // The first add stands, as with enqueue: a job with that id was already waiting.
    expect(breach?.opts.delay).toBe(60_000);
    expect(await sla.getDelayedCount()).toBe(2);
  });

  it('refuses a payload the catalog does not accept, adding nothing', async () => {
    const before = await queues.raw('sla').getDelayedCount();
    await expect(queues.enqueueMany('sla', [{ payload: { clockId: 'x', version: 1, kind: 'breach' } }, { payload: { clockId: 'y', version: 1.5, kind: 'breach' } }])).rejects.toThrow();
    expect(await queues.raw('sla').getDelayedCount()).toBe(before);
  });

  it('does nothing for no jobs', async () => {
    await expect(queues.enqueueMany('route', [])).resolves.toBeUndefined();
  });
});
