// The supervisor board's SQL aggregates against the conversations themselves: waiting per queue
// and priority, SLA at risk / breached, agents' load and open conversations (as routing counts
// load), today's totals; and that they stay right as conversations are assigned, offered,
// resolved, reopened and moved to another team.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.ts';
import { supervisorBoard } from '../../../src/domain/routing/board.ts';
import { agentLoads } from '../../../src/domain/routing/candidates.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testPasswords } from '../../support/passwords.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';

const now = new Date('2026-11-23T15:30:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

/** The board's numbers the way it computed them before, from every row (the reference). */
async function expected(db: Db, workspaceId: string, queueId: string) {
  const waiting = await db.conversation.findMany({ where: { workspaceId, status: 'open', assigneeId: null, queueId }, select: { priority: true, queuedAt: true } });
  const oldest = Math.min(...waiting.flatMap((w) => (w.queuedAt ? [w.queuedAt.getTime()] : [])));
  const open = await db.conversation.groupBy({ by: ['assigneeId'], where: { workspaceId, status: 'open', assigneeId: { not: null } }, _count: true });
  return {
    waiting: waiting.length,
    longestWaitSeconds: Number.isFinite(oldest) ? Math.round((now.getTime() - oldest) / 1000) : 0,
    byPriority: Object.fromEntries(['urgent', 'high', 'normal', 'low'].map((p) => [p, waiting.filter((w) => w.priority === p).length])),
    loads: await agentLoads(db, workspaceId, now),
    open: new Map(open.map((o) => [o.assigneeId!, o._count])),
  };
}

describe('supervisor board aggregates', () => {
  let testDb: TestDb;
  let db: Db;
  let workspaceId: string;
  let supervisorId: string;
  let queueId: string;
  let channelId: string;
  let agents: { id: string }[];
  let convs: string[];

  beforeAll(async () => {
    testDb = await createTestDb();
    db = testDb.db;
    const prefix = `b-${randomBytes(5).toString('hex')}`;
    const ws = await createWorkspace({ db, passwords: testPasswords }, {
      name: 'Board', slug: prefix, teams: ['Support', 'Billing'],
      agents: [{ email: `${prefix}-sup@x.test`, name: 'Sup', role: 'supervisor', password: 'password123' }],
      channels: [{ kind: 'email', name: 'Mail', address: `${prefix}@mail.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } }],
    });
    workspaceId = ws.workspace.id;
    supervisorId = ws.agents[0]!.id;
    channelId = ws.channels[0]!.id;
    queueId = (await db.queue.findFirstOrThrow({ where: { workspaceId } })).id;
    agents = await addSkilledAgents(db, { workspaceId, count: 2, capacity: 3, prefix });
    convs = await addOpenConversations(db, { workspaceId, channelId, count: 8 });
    // Six waiting in the General queue (urgent, high, normal x4), from 60 to 10 minutes ago.
    const priorities = ['urgent', 'high', 'normal', 'normal', 'normal', 'normal'] as const;
    for (const [i, id] of convs.entries()) {
      await db.conversation.update({ where: { id }, data: { queueId, queuedAt: minutesAgo(60 - i * 10), priority: priorities[i] ?? 'low', createdAt: minutesAgo(120 + i), firstResponseAt: i < 3 ? minutesAgo(100 + i * 2) : null } });
    }
    // Two assigned to the first agent, and a live offer to the second (offers count as load).
    for (const id of convs.slice(6)) await db.conversation.update({ where: { id }, data: { assigneeId: agents[0]!.id } });
    await db.conversation.update({ where: { id: convs[5]! }, data: { offeredAgentId: agents[1]!.id, offerExpiresAt: new Date(now.getTime() + 30_000) } });
    const policy = await db.slaPolicy.create({ data: { workspaceId, name: 'Default', targets: {} } });
    const clock = (conversationId: string, key: string, data: object) =>
      db.slaClock.create({ data: { workspaceId, conversationId, policyId: policy.id, metric: 'first_response', key, targetMs: 60_000, startedAt: minutesAgo(90), ...data } });
    await clock(convs[0]!, 'a', { status: 'running', warnedAt: minutesAgo(5) }); // at risk
    await clock(convs[1]!, 'a', { status: 'running', warnedAt: minutesAgo(5) });
    await clock(convs[1]!, 'b', { status: 'breached', breachedAt: minutesAgo(1) }); // breached wins
    await clock(convs[2]!, 'a', { status: 'breached', breachedAt: minutesAgo(1), metAt: minutesAgo(0.5) }); // met since: neither
    await clock(convs[3]!, 'a', { status: 'running' }); // not warned: neither
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  const board = () => supervisorBoard(db, { agentId: supervisorId, workspaceId, role: 'supervisor', teamIds: [] }, now);

  async function expectMatchesRows() {
    const b = await board();
    const want = await expected(db, workspaceId, queueId);
    const general = b.queues.find((q) => q.id === queueId)!;
    expect(general).toMatchObject({ waiting: want.waiting, longestWaitSeconds: want.longestWaitSeconds, byPriority: want.byPriority });
    for (const a of b.agents) expect({ id: a.id, load: a.load, open: a.openConversations }).toEqual({ id: a.id, load: want.loads.get(a.id) ?? 0, open: want.open.get(a.id) ?? 0 });
    return b;
  }

  it('counts waiting, SLA risk, load and today as the rows say', async () => {
    const b = await expectMatchesRows();
    const general = b.queues.find((q) => q.id === queueId)!;
    expect(general).toMatchObject({ waiting: 6, longestWaitSeconds: 3600, byPriority: { urgent: 1, high: 1, normal: 4, low: 0 }, slaAtRisk: 1, slaBreached: 1, eligibleAgents: 2 });
    expect(b.agents.map((a) => [a.id, a.load, a.openConversations])).toEqual(expect.arrayContaining([[agents[0]!.id, 20, 2], [agents[1]!.id, 10, 0]]));
    // Today (UTC workspace): 8 created from 127 to 120 minutes ago, three answered after 20, 19 and 18 minutes.
    expect(b.today).toMatchObject({ conversations: 8, resolved: 0, firstResponseMedianSeconds: 19 * 60, resolutionMedianSeconds: null, volumeByHour: [{ hour: 13, channel: 'email', count: 8 }] });
  });

  it('stays right after assign, resolve, reopen and a move to another team', async () => {
    await db.conversation.update({ where: { id: convs[0]! }, data: { assigneeId: agents[1]!.id } });
    let b = await expectMatchesRows();
    expect(b.queues.find((q) => q.id === queueId)).toMatchObject({ waiting: 5, byPriority: { urgent: 0 }, slaAtRisk: 1 });

    await db.conversation.update({ where: { id: convs[1]! }, data: { status: 'resolved', resolvedAt: minutesAgo(30) } });
    await db.conversation.update({ where: { id: convs[6]! }, data: { status: 'resolved', resolvedAt: minutesAgo(10) } });
    b = await expectMatchesRows();
    expect(b.queues.find((q) => q.id === queueId)).toMatchObject({ waiting: 4, slaAtRisk: 1, slaBreached: 0 });
    // Resolved after 121 - 30 = 91 and 126 - 10 = 116 minutes: the median is their mean.
    expect(b.today).toMatchObject({ resolved: 2, resolutionMedianSeconds: ((91 + 116) / 2) * 60 });
    expect(b.agents.find((a) => a.id === agents[0]!.id)).toMatchObject({ openConversations: 1 });

    await db.conversation.update({ where: { id: convs[6]! }, data: { status: 'open', resolvedAt: null } });
    await db.conversation.update({ where: { id: convs[2]! }, data: { teamId: (await db.team.findFirstOrThrow({ where: { workspaceId, name: 'Billing' } })).id } });
    b = await expectMatchesRows();
    expect(b.agents.find((a) => a.id === agents[0]!.id)).toMatchObject({ openConversations: 2, load: 20 });
    expect(b.today).toMatchObject({ resolved: 1, resolutionMedianSeconds: 91 * 60 });
  });
});
