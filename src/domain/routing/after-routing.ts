// The writes and side effects of a routing decision: assign or offer to the claimed agent, or park
// the conversation in the step's queue; after commit, tell people and arm the step's timeout.
import type { Conversation, Queue, Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';
import { agentRef, recordConversationEvent, teamRef } from '../conversations/record-conversation-event.ts';
import { toOfferView } from './offer-view.ts';

/** `activity`: the timeline entries the decision recorded, published with the conversation after commit. */
export type RouteOutcome =
  | { status: 'assigned'; conversationId: string; agentId: string; queueId: string; step: number; activity: ConversationEventView[] }
  | { status: 'offered'; conversationId: string; agentId: string; queueId: string; step: number; expiresAt: Date; activity: ConversationEventView[] }
  | { status: 'waiting'; conversationId: string; queueId: string; step: number; isLast: boolean; timeoutAt: Date | null; activity: ConversationEventView[] }
  | { status: 'skipped'; reason: string };

interface ClaimInput {
  conv: Conversation;
  queue: Queue;
  step: number;
  agentId: string;
  now: Date;
  filterName: string;
}

async function claim(tx: Tx, i: ClaimInput): Promise<RouteOutcome> {
  const newTeamId = i.conv.teamId || !i.queue.teamId ? null : i.queue.teamId;
  const routing = { queueId: i.queue.id, routingStep: i.step, queuedAt: i.conv.queuedAt ?? i.now, ...(newTeamId ? { teamId: newTeamId } : {}) };
  const event = { workspaceId: i.conv.workspaceId, conversationId: i.conv.id, actorAgentId: null, at: i.now };
  const agent = (await agentRef(tx, i.agentId)) ?? { id: i.agentId, name: 'an agent' };
  if (i.queue.mode === 'offer') {
    const expiresAt = new Date(i.now.getTime() + i.queue.offerTimeoutSeconds * 1000);
    await tx.conversation.update({ where: { id: i.conv.id }, data: { ...routing, offeredAgentId: i.agentId, offerExpiresAt: expiresAt } });
    const offered = await recordConversationEvent(tx, { ...event, activity: { kind: 'offer', data: { outcome: 'offered', agent, queue: i.queue.name, expiresAt: expiresAt.toISOString() } } });
    return { status: 'offered', conversationId: i.conv.id, agentId: i.agentId, queueId: i.queue.id, step: i.step, expiresAt, activity: [offered] };
  }
  await tx.conversation.update({ where: { id: i.conv.id }, data: { ...routing, assigneeId: i.agentId, offeredAgentId: null, offerExpiresAt: null, declinedAgentIds: [] } });
  await tx.agent.update({ where: { id: i.agentId }, data: { lastAssignedAt: i.now } });
  await recordAudit(tx, { workspaceId: i.conv.workspaceId, actorAgentId: null, action: 'conversation.routed', targetType: 'conversation', targetId: i.conv.id, data: { agentId: i.agentId, queue: i.queue.name, step: i.step, filter: i.filterName } });
  const team = newTeamId ? { team: { from: null, to: await teamRef(tx, newTeamId) } } : {};
  const assigned = await recordConversationEvent(tx, {
    ...event,
    activity: { kind: 'assignment', data: { agent: { from: null, to: agent }, ...team, via: 'routing', queue: i.queue.name, step: i.step } },
  });
  return { status: 'assigned', conversationId: i.conv.id, agentId: i.agentId, queueId: i.queue.id, step: i.step, activity: [assigned] };
}

interface WaitInput {
  conv: Conversation;
  queue: Queue;
  step: number;
  isLast: boolean;
  timeoutSeconds: number;
  now: Date;
  filterName: string;
}

async function wait(tx: Tx, i: WaitInput): Promise<RouteOutcome> {
  const entering = i.conv.routingStep !== i.step || i.conv.queueId !== i.queue.id || i.conv.queuedAt === null;
  await tx.conversation.update({
    where: { id: i.conv.id },
    data: { queueId: i.queue.id, routingStep: i.step, queuedAt: i.conv.queuedAt ?? i.now, offeredAgentId: null, offerExpiresAt: null, ...(i.conv.teamId || !i.queue.teamId ? {} : { teamId: i.queue.teamId }) },
  });
  // Only entering a step arms its timeout (and makes a timeline entry); later dispatch attempts at the same step do not.
  const timeoutAt = entering ? new Date(i.now.getTime() + i.timeoutSeconds * 1000) : null;
  const activity = entering
    ? [await recordConversationEvent(tx, { workspaceId: i.conv.workspaceId, conversationId: i.conv.id, actorAgentId: null, at: i.now, activity: { kind: 'routing.queued', data: { queue: i.queue.name, step: i.step, filter: i.filterName } } })]
    : [];
  return { status: 'waiting', conversationId: i.conv.id, queueId: i.queue.id, step: i.step, isLast: i.isLast, timeoutAt, activity };
}

async function commit(deps: Deps, outcome: RouteOutcome): Promise<void> {
  const now = deps.clock.now().getTime();
  switch (outcome.status) {
    case 'assigned':
      await publishConversation(deps, outcome.conversationId, 'conversation.assigned', { activity: outcome.activity });
      return;
    case 'offered': {
      const summary = await publishConversation(deps, outcome.conversationId, 'conversation.updated', { alsoAgentIds: [outcome.agentId], activity: outcome.activity });
      deps.publisher.publishToAgent(outcome.agentId, 'conversation.offered', toOfferView(summary, outcome.expiresAt));
      await deps.queues.enqueue('route', { kind: 'conversation', conversationId: outcome.conversationId, reason: 'offer-timeout', step: outcome.step, token: `${outcome.agentId}-${outcome.expiresAt.getTime()}` }, { delay: outcome.expiresAt.getTime() - now });
      return;
    }
    case 'waiting':
      await publishConversation(deps, outcome.conversationId, 'conversation.updated', { activity: outcome.activity });
      if (outcome.timeoutAt) {
        await deps.queues.enqueue('route', { kind: 'conversation', conversationId: outcome.conversationId, reason: 'escalate', step: outcome.step, token: String(outcome.timeoutAt.getTime()) }, { delay: outcome.timeoutAt.getTime() - now });
      }
      return;
    case 'skipped':
      return;
  }
}

/** The last step timed out with nobody taking the conversation: supervisors must act. */
export async function notifySupervisorsUnrouted(deps: Deps, conversationId: string): Promise<void> {
  const conv = await deps.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { queue: true } });
  await notifyAgents(deps, { workspaceId: conv.workspaceId, agentIds: null, kind: 'routing.unassigned', conversationId, data: { number: conv.number, queue: conv.queue?.name ?? null, waitingSince: conv.queuedAt?.toISOString() ?? null } });
}

export const afterRouting = { claim, wait, commit };
