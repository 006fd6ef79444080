// The one-statement SQL loaders behind every realtime publish give exactly what Prisma's includes
// give (the payloads agent-protocol.ts declares), relations and timestamps included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationSummaryInclude, messageViewInclude, toConversationSummary, toMessageView } from '../../../src/domain/conversations/conversation-view.ts';
import { loadConversationSummary } from '../../../src/domain/conversations/load-conversation-summary.ts';
import { loadMessageView } from '../../../src/domain/conversations/load-message-view.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('SQL loaders for published conversations and messages', () => {
  let h: Harness;
  let conversationId: string;
  let messageId: string;

  beforeAll(async () => {
    h = await startHarness();
    const inbound = await h.sendCustomerMail({ from: 'Rosa <rosa@example.com>', subject: 'Broken hinge', text: 'The lid of my kettle came off.' });
    conversationId = await h.conversationFor(inbound);
    const { db } = h.rt.deps;
    const message = await db.message.findFirstOrThrow({ where: { conversationId, direction: 'in' } });
    messageId = message.id;
    await db.attachment.create({ data: { workspaceId: message.workspaceId, messageId, filename: 'hinge.jpg', contentType: 'image/jpeg', size: 1234, inline: true, contentId: 'cid-1' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const prismaSummary = async () => toConversationSummary(await h.rt.deps.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationSummaryInclude }));
  const sqlSummary = async () => toConversationSummary((await loadConversationSummary(h.rt.deps.db, conversationId))!);

  it('gives the summary Prisma gives, unassigned and without team or queue', async () => {
    const { db } = h.rt.deps;
    await db.conversation.update({ where: { id: conversationId }, data: { assigneeId: null, teamId: null, queueId: null, offeredAgentId: null } });
    expect(await sqlSummary()).toEqual(await prismaSummary());
  });

  it('gives the summary Prisma gives with assignee, team, queue, tags and SLA clocks', async () => {
    const { db } = h.rt.deps;
    const [agent] = h.workspace.agents;
    const team = await db.team.findFirstOrThrow({ where: { workspaceId: h.workspace.workspace.id } });
    const queue = await db.queue.findFirst({ where: { workspaceId: h.workspace.workspace.id } });
    await db.conversation.update({
      where: { id: conversationId },
      data: { assigneeId: agent!.id, teamId: team.id, queueId: queue?.id ?? null, tags: ['vip', 'kettle'], routingStep: 2, queuedAt: new Date('2026-01-02T03:04:05.678Z'), priority: 'high' },
    });
    // Clocks of each kind the summary shows (running, warned, breached) and one it leaves out (met).
    const workspaceId = h.workspace.workspace.id;
    const policy = await db.slaPolicy.create({ data: { workspaceId, name: 'Test', targets: {} } });
    const clock = { workspaceId, conversationId, policyId: policy.id, targetMs: 60_000, startedAt: new Date('2026-01-02T00:00:00.000Z') };
    await db.slaClock.createMany({
      data: [
        { ...clock, metric: 'first_response', key: 'first_response', status: 'running', dueAt: new Date('2026-01-02T05:06:07.089Z'), warnedAt: new Date('2026-01-02T04:00:00.001Z') },
        { ...clock, metric: 'resolution', key: 'resolution', status: 'breached', dueAt: new Date('2026-01-02T01:00:00.000Z'), breachedAt: new Date('2026-01-02T01:00:00.250Z') },
        { ...clock, metric: 'next_response', key: 'next_response:x', status: 'met', metAt: new Date('2026-01-02T00:30:00.000Z') },
      ],
    });
    const summary = await sqlSummary();
    expect(summary).toEqual(await prismaSummary());
    expect(summary.assignee).toMatchObject({ id: agent!.id });
    expect(summary.team).toMatchObject({ id: team.id });
    expect(summary.queuedAt).toBe('2026-01-02T03:04:05.678Z');
    expect(summary.lastMessage).not.toBeNull();
    expect(summary.sla).toMatchObject({ state: 'red', metric: 'resolution' });
  });

  it('gives the message view and audience Prisma gives, attachments and author included', async () => {
    const { db } = h.rt.deps;
    const m = await db.message.findUniqueOrThrow({ where: { id: messageId }, include: { ...messageViewInclude, conversation: { select: { teamId: true, assigneeId: true } } } });
    const loaded = (await loadMessageView(db, messageId))!;
    expect(toMessageView(loaded.message)).toEqual(toMessageView(m));
    expect(loaded.conversation).toEqual(m.conversation);
    expect(toMessageView(loaded.message).attachments).toHaveLength(1);
    expect(toMessageView(loaded.message).author).toMatchObject({ type: 'contact' });
  });

  it('finds nothing for an unknown id', async () => {
    expect(await loadConversationSummary(h.rt.deps.db, '00000000-0000-7000-8000-000000000000')).toBeNull();
    expect(await loadMessageView(h.rt.deps.db, '00000000-0000-7000-8000-000000000000')).toBeNull();
  });
});
