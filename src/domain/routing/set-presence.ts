// Agent presence. Coming online asks routing to place waiting work; going offline hands live
// conversations (chat, calls) back to routing, while emails stay and supervisors are told.
import type { Presence } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { toPresenceEvent } from '../agents/presence-view.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isSupervisor, requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { agentRef, recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { requestDispatch } from './dispatch-waiting.ts';

export async function setPresence(deps: Deps, input: { agentId: string; presence: Presence; actorAgentId: string | null; reason: string }) {
  const before = await deps.db.agent.findUniqueOrThrow({ where: { id: input.agentId } });
  if (before.presence === input.presence) return before;
  const now = deps.clock.now();
  const agent = await deps.db.$transaction(async (tx) => {
    const agent = await tx.agent.update({ where: { id: input.agentId }, data: { presence: input.presence, presenceChangedAt: now } });
    // The history reports read time online from (Agent.presence is only the current state).
    await tx.agentPresenceChange.create({ data: { workspaceId: agent.workspaceId, agentId: agent.id, presence: input.presence, at: now } });
    return agent;
  });
  await recordAudit(deps.db, { workspaceId: agent.workspaceId, actorAgentId: input.actorAgentId, action: 'agent.presence', targetType: 'agent', targetId: agent.id, data: { from: before.presence, to: input.presence, reason: input.reason } });
  const event = toPresenceEvent(agent, now);
  deps.publisher.publishToSupervisors(agent.workspaceId, 'agent.presence', event);
  // The agent's own status switch follows too (supervisors already hear it in their workspace room).
  if (!isSupervisor(agent)) deps.publisher.publishToAgent(agent.id, 'agent.presence', event);
  if (input.presence === 'online') await requestDispatch(deps, agent.workspaceId);
  if (input.presence === 'offline') await releaseLiveWork(deps, agent.id, agent.workspaceId);
  return agent;
}

/** The agent's own status switch. */
export async function setOwnPresence(deps: Deps, viewer: Viewer, presence: Presence) {
  return setPresence(deps, { agentId: viewer.agentId, presence, actorAgentId: viewer.agentId, reason: 'set by agent' });
}

/** A supervisor sets another agent of the workspace online, away or offline. */
export async function setAgentPresence(deps: Deps, viewer: Viewer, input: { agentId: string; presence: Presence }) {
  requireSupervisor(viewer, "change other agents' presence");
  const target = await deps.db.agent.findFirst({ where: { id: input.agentId, workspaceId: viewer.workspaceId } });
  if (!target) throw notFound('Agent');
  return setPresence(deps, { agentId: target.id, presence: input.presence, actorAgentId: viewer.agentId, reason: 'set by supervisor' });
}

async function releaseLiveWork(deps: Deps, agentId: string, workspaceId: string): Promise<void> {
  const open = await deps.db.conversation.findMany({ where: { assigneeId: agentId, status: 'open' }, include: { channel: { select: { kind: true } } } });
  const live = open.filter((c) => deps.adapterFor(c.channel.kind).live);
  const held = open.filter((c) => !deps.adapterFor(c.channel.kind).live);
  const now = deps.clock.now();
  for (const c of live) {
    const entry = await deps.db.$transaction(async (tx) => {
      await tx.conversation.update({ where: { id: c.id }, data: { assigneeId: null } });
      await recordAudit(tx, { workspaceId, actorAgentId: null, action: 'conversation.released', targetType: 'conversation', targetId: c.id, data: { agentId, reason: 'agent went offline' } });
      const agent = { from: await agentRef(tx, agentId), to: null };
      return recordConversationEvent(tx, { workspaceId, conversationId: c.id, actorAgentId: null, at: now, activity: { kind: 'assignment', data: { agent, via: 'agent-offline' } } });
    });
    await publishConversation(deps, c.id, 'conversation.updated', { alsoAgentIds: [agentId], activity: [entry] });
    await deps.queues.enqueue('route', { kind: 'conversation', conversationId: c.id, reason: 'reroute', token: `offline-${Date.now()}` });
  }
  if (held.length > 0) {
    await notifyAgents(deps, { workspaceId, agentIds: null, kind: 'agent.offline-with-work', conversationId: null, data: { agentId, conversationIds: held.map((c) => c.id), count: held.length } });
  }
}
