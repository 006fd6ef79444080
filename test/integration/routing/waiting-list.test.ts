// The waiting list and its timeouts, driven directly through the domain with a fixed clock:
// order by priority then SLA due time then arrival; an offer that times out moves on; a last
// step that times out tells supervisors.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { waitingList } from '../../../src/domain/routing/dispatch-waiting.ts';
import { handleRouteJob } from '../../../src/domain/routing/handle-route-job.ts';
import { createLogger } from '../../../src/log.ts';
import { queueNames } from '../../../src/queues.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('waiting list', () => {
  let testDb: TestDb;
  let rt: Runtime;
  let dataDir: string;
  const clock = fixedClock(new Date('2026-11-23T10:00:00Z'));
  let ws: Awaited<ReturnType<typeof createWorkspace>>;

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-wait-'));
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    ws = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
      name: 'W',
      slug: prefix,
      agents: [{ email: `${prefix}-sup@x.test`, name: 'Sup', role: 'supervisor', password: 'password123' }],
      channels: [{ kind: 'email', name: 'Mail', address: `${prefix}@mail.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } }],
    });
    const config = loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    rt = createRuntime(config, createLogger('silent'), { clock });
  });
  afterAll(async () => {
    for (const q of queueNames) await rt.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
    await rt.close();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('orders by priority, then the soonest SLA due time, then arrival', async () => {
    const channelId = ws.channels[0]!.id;
    const [normalLate] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId, count: 1 });
    const [normalSoon] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId, count: 1 });
    const [normalNoSla] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId, count: 1 });
    const [urgent] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId, count: 1, priority: 'urgent' });
    const [low] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId, count: 1, priority: 'low' });
    const policy = await testDb.db.slaPolicy.create({ data: { workspaceId: ws.workspace.id, name: 'p', targets: {} } });
    const clockRow = (conversationId: string, dueAt: Date) =>
      testDb.db.slaClock.create({ data: { workspaceId: ws.workspace.id, conversationId, policyId: policy.id, metric: 'first_response', key: 'first_response', targetMs: 1, startedAt: clock.now(), runningSince: clock.now(), dueAt } });
    await clockRow(normalLate!, new Date('2026-11-23T12:00:00Z'));
    await clockRow(normalSoon!, new Date('2026-11-23T10:30:00Z'));
    expect(await waitingList(rt.deps, ws.workspace.id, 10)).toEqual([urgent, normalSoon, normalLate, normalNoSla, low]);
  });

  it('moves an expired offer to the next agent, and tells supervisors when the last step times out', async () => {
    await testDb.db.conversation.updateMany({ where: { workspaceId: ws.workspace.id }, data: { status: 'resolved' } });
    const prefix = `o-${randomBytes(3).toString('hex')}`;
    const [first, second] = await addSkilledAgents(testDb.db, { workspaceId: ws.workspace.id, count: 2, capacity: 100, prefix });
    await testDb.db.queue.create({ data: { workspaceId: ws.workspace.id, name: 'Offers', mode: 'offer', offerTimeoutSeconds: 30 } });
    await testDb.db.routingWorkflow.create({ data: { workspaceId: ws.workspace.id, definition: { filters: [], fallback: { name: 'f', steps: [{ queue: 'Offers', timeoutSeconds: 120 }] } } } });
    const [conv] = await addOpenConversations(testDb.db, { workspaceId: ws.workspace.id, channelId: ws.channels[0]!.id, count: 1 });

    const offered = await handleRouteJob(rt.deps, { kind: 'conversation', conversationId: conv!, reason: 'new' });
    expect(offered).toMatchObject({ status: 'offered' });
    const firstPick = (offered as { agentId: string }).agentId;
    const row = await testDb.db.conversation.findUniqueOrThrow({ where: { id: conv! } });
    const token = `${firstPick}-${row.offerExpiresAt!.getTime()}`;
    // Too early: the offer stands.
    expect(await handleRouteJob(rt.deps, { kind: 'conversation', conversationId: conv!, reason: 'offer-timeout', step: 0, token })).toMatchObject({ status: 'skipped' });
    clock.advance(31_000);
    const moved = await handleRouteJob(rt.deps, { kind: 'conversation', conversationId: conv!, reason: 'offer-timeout', step: 0, token });
    expect(moved).toMatchObject({ status: 'offered', agentId: firstPick === first!.id ? second!.id : first!.id });

    // Both decline (time out): nobody left, it waits; the step times out; supervisors hear of it.
    const again = await testDb.db.conversation.findUniqueOrThrow({ where: { id: conv! } });
    clock.advance(31_000);
    expect(await handleRouteJob(rt.deps, { kind: 'conversation', conversationId: conv!, reason: 'offer-timeout', step: 0, token: `${again.offeredAgentId}-${again.offerExpiresAt!.getTime()}` })).toMatchObject({ status: 'waiting', isLast: true });
    clock.advance(121_000);
    await handleRouteJob(rt.deps, { kind: 'conversation', conversationId: conv!, reason: 'escalate', step: 0 });
    const note = await testDb.db.notification.findFirstOrThrow({ where: { kind: 'routing.unassigned', conversationId: conv! } });
    expect(note.agentId).toBe(ws.agents[0]!.id);
    expect((await testDb.db.conversation.findUniqueOrThrow({ where: { id: conv! } })).declinedAgentIds.sort()).toEqual([first!.id, second!.id].sort());
  });
});
