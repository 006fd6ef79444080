// Routing many conversations in one batch: the decisions equal the one-at-a-time router's on the
// same case, two routers (own pools, as two processes) draining and routing one waiting list at
// once never fill an agent past capacity nor assign a conversation twice, and the summaries the
// batch publishes (one SQL statement) equal the ones Prisma's include makes.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { loadConfig } from '../../../src/config.ts';
import { conversationSummaryInclude, toConversationSummary } from '../../../src/domain/conversations/conversation-view.ts';
import { agentLoads } from '../../../src/domain/routing/candidates.ts';
import { dispatchWaiting, waitingList } from '../../../src/domain/routing/dispatch-waiting.ts';
import { loadSummaryRows } from '../../../src/domain/conversations/load-conversation-summary.ts';
import { routeBatch } from '../../../src/domain/routing/route-batch.ts';
import { routeConversation } from '../../../src/domain/routing/route-conversation.ts';
import { createLogger } from '../../../src/log.ts';
import { queueNames } from '../../../src/queues.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { testPasswords } from '../../support/passwords.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';

const START = new Date('2026-11-23T10:00:00Z');

describe('batch routing', () => {
  let testDb: TestDb;
  let dataDir: string;
  const runtimes: Runtime[] = [];

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-batch-'));
  });
  afterAll(async () => {
    for (const rt of runtimes) {
      for (const q of queueNames) await rt.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
      await rt.close();
    }
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  function runtime(prefix: string, clock = fixedClock(START)) {
    const config = loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const rt = createRuntime(config, createLogger('silent'), { clock });
    runtimes.push(rt);
    return { rt, clock };
  }

  /** A seeded case: agents of different capacities, idle times and presence; the previous owner of some contacts; mixed priorities. */
  async function seedCase(prefix: string) {
    const { workspace, channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, { name: prefix, slug: prefix, agents: [], channels: [{ kind: 'email', name: 'E', address: `${prefix}@batch.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } }] });
    await testDb.db.workspace.update({ where: { id: workspace.id }, data: { capacityWeights: { email: 25 } } });
    const agents = [
      ...(await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 3, capacity: 100, prefix: `${prefix}-a` })),
      ...(await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 2, capacity: 50, prefix: `${prefix}-b` })),
      ...(await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 1, capacity: 100, prefix: `${prefix}-c`, presence: 'offline' })),
    ];
    for (const [i, a] of agents.entries()) await testDb.db.agent.update({ where: { id: a.id }, data: { lastAssignedAt: new Date(START.getTime() - 60_000 * ((i * 7) % 5)) } });
    const urgent = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 3, priority: 'urgent' });
    const normal = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 14 });
    const all = [...urgent, ...normal];
    // Earlier conversations of three contacts, resolved, handled by the second agent: routing prefers them for those contacts while they have room.
    for (const id of [all[4]!, all[9]!, all[15]!]) {
      const c = await testDb.db.conversation.findUniqueOrThrow({ where: { id } });
      const n = (await testDb.db.workspace.update({ where: { id: workspace.id }, data: { conversationSeq: { increment: 1 } } })).conversationSeq;
      await testDb.db.conversation.create({ data: { workspaceId: workspace.id, number: n, channelId: c.channelId, contactId: c.contactId, status: 'resolved', assigneeId: agents[1]!.id, lastMessageAt: new Date(START.getTime() - 3_600_000) } });
    }
    return { workspaceId: workspace.id, agents, conversations: all };
  }

  async function outcomeOf(workspaceId: string, agents: { id: string }[], conversations: string[]) {
    const rows = await testDb.db.conversation.findMany({ where: { id: { in: conversations } }, select: { id: true, assigneeId: true, routingStep: true } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return conversations.map((id) => {
      const r = byId.get(id)!;
      return r.assigneeId ? `agent ${agents.findIndex((a) => a.id === r.assigneeId)}` : `waiting at ${r.routingStep}`;
    });
  }

  it('decides a batch as the one-at-a-time router decides the same case', async () => {
    const one = await seedCase(`t-${randomBytes(5).toString('hex')}`);
    const batch = await seedCase(`t-${randomBytes(5).toString('hex')}`);
    const sequential = runtime(`t-${randomBytes(5).toString('hex')}`);
    // One at a time, each decision a millisecond after the last, in waiting-list order.
    for (const id of await waitingList(sequential.rt.deps, one.workspaceId, 100)) {
      sequential.clock.advance(1);
      await routeConversation(sequential.rt.deps, { conversationId: id });
    }
    const batched = runtime(`t-${randomBytes(5).toString('hex')}`);
    const ids = await waitingList(batched.rt.deps, batch.workspaceId, 100);
    const outcomes = await routeBatch(batched.rt.deps, ids.map((conversationId) => ({ conversationId })));

    const expected = await outcomeOf(one.workspaceId, one.agents, one.conversations);
    expect(await outcomeOf(batch.workspaceId, batch.agents, batch.conversations)).toEqual(expected);
    // The case is one that tells policies apart: some wait, the previous owner got their contacts, the offline agent nothing.
    expect(expected.filter((o) => o.startsWith('waiting'))).toHaveLength(17 - 16);
    expect([4, 9].map((i) => expected[i])).toEqual(['agent 1', 'agent 1']);
    expect(expected).not.toContain('agent 5');
    expect(outcomes.filter((o) => o.status === 'assigned')).toHaveLength(16);
    // Each assignment is on the timeline once, as the one-at-a-time router records it.
    const events = await testDb.db.conversationEvent.findMany({ where: { workspaceId: batch.workspaceId, kind: 'assignment' } });
    expect(events).toHaveLength(16);
    expect(events[0]!.data).toMatchObject({ via: 'routing', queue: 'General', step: 0, agent: { from: null } });
  });

  it('two routers draining and routing one waiting list at once never overfill an agent or assign a conversation twice', async () => {
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    const { workspace, channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, { name: 'Race', slug: prefix, agents: [], channels: [{ kind: 'email', name: 'E', address: `${prefix}@race.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } }] });
    // Each agent has room for exactly two emails.
    await testDb.db.workspace.update({ where: { id: workspace.id }, data: { capacityWeights: { email: 40 } } });
    const agents = await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 8, capacity: 100, prefix });
    const conversations = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 60 });
    const a = runtime(`${prefix}-a`).rt.deps;
    const b = runtime(`${prefix}-b`).rt.deps;
    const half = (from: number) => conversations.filter((_, i) => i % 2 === from).map((conversationId) => ({ conversationId }));
    await Promise.all([
      dispatchWaiting(a, workspace.id, { limit: 7 }),
      dispatchWaiting(b, workspace.id, { limit: 5 }),
      routeBatch(a, half(0)),
      routeBatch(b, half(1)),
      routeBatch(b, [...half(0)].reverse()),
    ]);

    const loads = await agentLoads(testDb.db, workspace.id, new Date());
    for (const agent of agents) expect(loads.get(agent.id) ?? 0).toBeLessThanOrEqual(100);
    expect(await testDb.db.conversation.count({ where: { workspaceId: workspace.id, assigneeId: { not: null } } })).toBe(16);
    const events = await testDb.db.conversationEvent.groupBy({ by: ['conversationId'], where: { workspaceId: workspace.id, kind: 'assignment' }, _count: true });
    expect(events).toHaveLength(16);
    expect(Math.max(...events.map((e) => e._count))).toBe(1);
    expect(await testDb.db.auditEvent.count({ where: { workspaceId: workspace.id, action: 'conversation.routed' } })).toBe(16);
  });

  it('publishes the summary Prisma would load', async () => {
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    const seeded = await seedCase(prefix);
    const { rt } = runtime(`${prefix}-s`);
    await routeBatch(rt.deps, seeded.conversations.map((conversationId) => ({ conversationId })));
    const ids = seeded.conversations.slice(0, 5);
    const prisma = await testDb.db.conversation.findMany({ where: { id: { in: ids } }, include: conversationSummaryInclude, orderBy: { id: 'asc' } });
    const sql = (await loadSummaryRows(rt.deps.db, ids)).sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(sql.map(toConversationSummary)).toEqual(prisma.map(toConversationSummary));
    expect(sql[0]!.assignee).not.toBeNull();
  });
});
