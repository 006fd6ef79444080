// Two route worker processes (each with its own database pool and Redis connection) routing one
// burst at the same time must never push an agent over capacity.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { agentLoads } from '../../../src/domain/routing/candidates.ts';
import { createLogger } from '../../../src/log.ts';
import { queueNames } from '../../../src/queues.ts';
import { createRuntime, startWorkerSet, type Runtime } from '../../../src/runtime.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';
import { waitUntil } from '../../support/wait.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('concurrent routing', () => {
  let testDb: TestDb;
  let dataDir: string;
  const runtimes: Runtime[] = [];
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-route-'));
  });
  afterAll(async () => {
    for (const close of closers) await close();
    for (const rt of runtimes) {
      for (const q of queueNames) await rt.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
      await rt.close();
    }
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('assigns a burst with two route workers at once without over-assignment', async () => {
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    const { workspace, channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, { name: 'Burst', slug: prefix, agents: [], channels: [{ kind: 'email', name: 'E', address: `${prefix}@burst.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } }] });
    // Each agent has room for exactly two emails.
    await testDb.db.workspace.update({ where: { id: workspace.id }, data: { capacityWeights: { email: 40 } } });
    const agents = await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 8, capacity: 100, prefix });
    const conversations = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 40 });

    const config = loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix, DATA_DIR: dataDir, ROUTE_CONCURRENCY: '6', SWEEP_INTERVAL_SECONDS: '3600', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    const processedBy = [0, 0];
    for (const i of [0, 1]) {
      const rt = createRuntime(config, createLogger(config.LOG_LEVEL));
      runtimes.push(rt);
      const workers = await startWorkerSet(rt);
      closers.push(workers.close);
      rt.deps.queues.raw('route').on('error', () => undefined);
      workers.onCompleted('route', () => processedBy[i]!++);
    }
    const producer = runtimes[0]!.deps.queues;
    await Promise.all(conversations.map((conversationId) => producer.enqueue('route', { kind: 'conversation', conversationId, reason: 'new' })));

    await waitUntil(async () => (processedBy[0]! + processedBy[1]! >= conversations.length ? true : null), 'all 40 route jobs', 30_000);
    const loads = await agentLoads(testDb.db, workspace.id, new Date());
    for (const a of agents) expect(loads.get(a.id) ?? 0).toBeLessThanOrEqual(100);
    const assigned = await testDb.db.conversation.groupBy({ by: ['assigneeId'], where: { workspaceId: workspace.id, assigneeId: { not: null } }, _count: true });
    expect(assigned.reduce((n, g) => n + g._count, 0)).toBe(16);
    expect(Math.max(...assigned.map((g) => g._count))).toBe(2);
    const waiting = await testDb.db.conversation.count({ where: { workspaceId: workspace.id, assigneeId: null, queueId: { not: null }, routingStep: 0 } });
    expect(waiting).toBe(24);
    // Both processes really took part.
    expect(processedBy[0]).toBeGreaterThan(0);
    expect(processedBy[1]).toBeGreaterThan(0);
  });
});
