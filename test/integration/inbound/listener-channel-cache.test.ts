import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { createListenerContext } from '../../../src/domain/inbound/listener-context.ts';
import { CHANNEL_CACHE_TTL_MS, forgetChannel } from '../../../src/domain/inbound/webhook-channel-cache.ts';
import { createLogger } from '../../../src/log.ts';
import { createQueues, type Queues } from '../../../src/queues.ts';
import { createProducerRedis, type Redis } from '../../../src/redis.ts';
import { listenerSettings } from '../../../src/runtime-listeners.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { testPasswords } from '../../support/passwords.ts';

let testDb: TestDb;
let redis: Redis;
let queues: Queues;
let channelId: string;
const ADDRESS = 'help@cache.test';

beforeAll(async () => {
  testDb = await createTestDb();
  redis = createProducerRedis(testRedisUrl);
  queues = createQueues(redis, `test-listener-cache-${randomBytes(4).toString('hex')}`);
  const { channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
    name: 'Cache',
    slug: `cache-${randomBytes(3).toString('hex')}`,
    teams: [],
    agents: [],
    channels: [{ kind: 'email', name: 'Help', address: ADDRESS, settings: { smtp: { host: '127.0.0.1', port: 9, secure: false, ignoreTLS: true } } }],
  });
  channelId = channels[0]!.id;
});

afterAll(async () => {
  await queues.close();
  await redis.quit();
  await testDb.drop();
});

const setActive = (active: boolean) => testDb.db.channel.update({ where: { id: channelId }, data: { active } });

describe("a listener's channel lookups", () => {
  it('read a channel once per bound (a hit never extends it), by address and by id alike', async () => {
    const clock = fixedClock(new Date('2026-12-03T12:00:00Z'));
    const ctx = createListenerContext({ db: testDb.db, queues, log: createLogger('silent'), clock }, { kind: 'email', name: 'smtp', settings: listenerSettings(loadConfig({})), api: null, every: null, leases: null });
    await setActive(true);
    expect((await ctx.channelByAddress(ADDRESS))?.id).toBe(channelId);
    // Deactivated behind this process's back: still served from the cache within the bound ...
    await setActive(false);
    clock.advance(CHANNEL_CACHE_TTL_MS - 1);
    expect((await ctx.channelByAddress(ADDRESS))?.id).toBe(channelId);
    expect((await ctx.channelById(channelId))?.id).toBe(channelId);
    // ... and no longer once the bound of the first read has passed, whatever hits came between.
    clock.advance(1);
    expect(await ctx.channelByAddress(ADDRESS)).toBeNull();
    expect(await ctx.channelById(channelId)).toBeNull();
  });

  it('read the row again at once after the channel is forgotten (a change made in this process)', async () => {
    const clock = fixedClock(new Date('2026-12-04T12:00:00Z'));
    const ctx = createListenerContext({ db: testDb.db, queues, log: createLogger('silent'), clock }, { kind: 'email', name: 'smtp', settings: listenerSettings(loadConfig({})), api: null, every: null, leases: null });
    await setActive(true);
    expect((await ctx.channelByAddress(ADDRESS))?.id).toBe(channelId);
    await setActive(false);
    forgetChannel(testDb.db, channelId);
    expect(await ctx.channelByAddress(ADDRESS)).toBeNull();
    // A listener of another kind never gets this email channel from the cache.
    await setActive(true);
    await ctx.channelById(channelId);
    const telegram = createListenerContext({ db: testDb.db, queues, log: createLogger('silent'), clock }, { kind: 'telegram', name: 'poll', settings: listenerSettings(loadConfig({})), api: null, every: null, leases: null });
    expect(await telegram.channelById(channelId)).toBeNull();
  });
});
