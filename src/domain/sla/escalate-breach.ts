// What a breach sets in motion, per the policy: tell the team lead (or supervisors, when the team
// has no active lead), raise the priority, hand the conversation back to routing. What was done
// is recorded on the breach.
import type { Conversation, Team } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';
import { agentRef, recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import { recomputeSla } from './apply-sla.ts';
import type { Escalation } from './policy-schema.ts';
import { scheduleSlaTimers } from './schedule-sla-timers.ts';

const higher = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' } as const;

type Conv = Conversation & { team: Team | null };

export async function escalateBreach(
  deps: Deps,
  input: { breachId: string; conversationId: string; escalation: Escalation | undefined; entry?: ConversationEventView },
): Promise<string[]> {
  const esc = input.escalation ?? { raisePriority: false, notifyTeamLead: true, reassign: false };
  const conv = await deps.db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { team: { include: { lead: { select: { id: true, active: true, workspaceId: true } } } } } });
  const breach = await deps.db.slaBreach.findUniqueOrThrow({ where: { id: input.breachId } });
  const actions: string[] = [];
  const activity: ConversationEventView[] = input.entry ? [input.entry] : [];
  const now = deps.clock.now();
  if (esc.notifyTeamLead) {
    // A deactivated lead hears nothing: the supervisors do. Nor does anyone outside the workspace,
    // however a foreign team got onto the conversation.
    const teamLead = conv.team?.lead;
    const lead = teamLead?.active && teamLead.workspaceId === conv.workspaceId ? teamLead.id : null;
    await notifyAgents(deps, { workspaceId: conv.workspaceId, agentIds: lead ? [lead, ...(conv.assigneeId ? [conv.assigneeId] : [])] : null, kind: 'sla.breach', conversationId: conv.id, data: { metric: breach.metric, number: conv.number } });
    actions.push(lead ? 'notified team lead' : 'notified supervisors');
  }
  if (esc.raisePriority && conv.priority !== 'urgent') {
    activity.push(await raisePriority(deps, conv, now));
    actions.push(`priority ${conv.priority} -> ${higher[conv.priority]}`);
  }
  if (esc.reassign && conv.assigneeId && conv.status === 'open') {
    activity.push(await returnToRouting(deps, conv, { now, token: breach.id }));
    actions.push('returned to routing');
  }
  await deps.db.slaBreach.update({ where: { id: breach.id }, data: { escalatedAt: now, actions } });
  await recordAudit(deps.db, { workspaceId: conv.workspaceId, actorAgentId: null, action: 'sla.breach', targetType: 'conversation', targetId: conv.id, data: { metric: breach.metric, actions } });
  await publishConversation(deps, conv.id, 'conversation.updated', { alsoAgentIds: esc.reassign && conv.assigneeId ? [conv.assigneeId] : [], activity });
  return actions;
}

async function raisePriority(deps: Deps, conv: Conv, now: Date): Promise<ConversationEventView> {
  const to = higher[conv.priority];
  const { timers, entry } = await deps.db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: conv.id }, data: { priority: to } });
    const entry = await recordConversationEvent(tx, { workspaceId: conv.workspaceId, conversationId: conv.id, actorAgentId: null, at: now, activity: { kind: 'priority', data: { from: conv.priority, to, via: 'sla-breach' } } });
    return { timers: await recomputeSla(tx, { conversationId: conv.id, now }), entry };
  });
  await scheduleSlaTimers(deps, timers);
  return entry;
}

async function returnToRouting(deps: Deps, conv: Conv, i: { now: Date; token: string }): Promise<ConversationEventView> {
  const entry = await deps.db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: conv.id }, data: { assigneeId: null } });
    const agent = { from: await agentRef(tx, conv.assigneeId), to: null };
    return recordConversationEvent(tx, { workspaceId: conv.workspaceId, conversationId: conv.id, actorAgentId: null, at: i.now, activity: { kind: 'assignment', data: { agent, via: 'sla-breach' } } });
  });
  await deps.queues.enqueue('route', { kind: 'conversation', conversationId: conv.id, reason: 'reroute', token: i.token });
  return entry;
}
