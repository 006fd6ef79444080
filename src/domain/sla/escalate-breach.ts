// What a breach sets in motion, per the policy: tell the team lead (or supervisors, when the team
// has no active lead), raise the priority, hand the conversation back to routing. What was done
// is recorded on the breach.
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import { recomputeSla } from './apply-sla.ts';
import type { Escalation } from './policy-schema.ts';
import { scheduleSlaTimers } from './schedule-sla-timers.ts';

const higher = { low: 'normal', normal: 'high', high: 'urgent', urgent: 'urgent' } as const;

export async function escalateBreach(deps: Deps, input: { breachId: string; conversationId: string; escalation: Escalation | undefined }): Promise<string[]> {
  const esc = input.escalation ?? { raisePriority: false, notifyTeamLead: true, reassign: false };
  const conv = await deps.db.conversation.findUniqueOrThrow({ where: { id: input.conversationId }, include: { team: { include: { lead: { select: { id: true, active: true } } } } } });
  const breach = await deps.db.slaBreach.findUniqueOrThrow({ where: { id: input.breachId } });
  const actions: string[] = [];
  const now = deps.clock.now();
  if (esc.notifyTeamLead) {
    // A deactivated lead hears nothing: the supervisors do.
    const lead = conv.team?.lead?.active ? conv.team.lead.id : null;
    await notifyAgents(deps, { workspaceId: conv.workspaceId, agentIds: lead ? [lead, ...(conv.assigneeId ? [conv.assigneeId] : [])] : null, kind: 'sla.breach', conversationId: conv.id, data: { metric: breach.metric, number: conv.number } });
    actions.push(lead ? 'notified team lead' : 'notified supervisors');
  }
  if (esc.raisePriority && conv.priority !== 'urgent') {
    const timers = await deps.db.$transaction(async (tx) => {
      await tx.conversation.update({ where: { id: conv.id }, data: { priority: higher[conv.priority] } });
      return recomputeSla(tx, { conversationId: conv.id, now });
    });
    await scheduleSlaTimers(deps, timers);
    actions.push(`priority ${conv.priority} -> ${higher[conv.priority]}`);
  }
  if (esc.reassign && conv.assigneeId && conv.status === 'open') {
    await deps.db.conversation.update({ where: { id: conv.id }, data: { assigneeId: null } });
    await deps.queues.enqueue('route', { kind: 'conversation', conversationId: conv.id, reason: 'reroute', token: breach.id });
    actions.push('returned to routing');
  }
  await deps.db.slaBreach.update({ where: { id: breach.id }, data: { escalatedAt: now, actions } });
  await recordAudit(deps.db, { workspaceId: conv.workspaceId, actorAgentId: null, action: 'sla.breach', targetType: 'conversation', targetId: conv.id, data: { metric: breach.metric, actions } });
  await publishConversation(deps, conv.id, 'conversation.updated', { alsoAgentIds: esc.reassign && conv.assigneeId ? [conv.assigneeId] : [] });
  return actions;
}
