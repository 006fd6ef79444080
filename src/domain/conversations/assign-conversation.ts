// Assigns a conversation to an agent and/or team. Agents may take an unassigned conversation or
// hand back their own; moving someone else's work is for supervisors. Always audited.
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { forbidden } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from './publish-conversation.ts';
import { agentRef, recordConversationEvent, teamRef } from './record-conversation-event.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
import { requestDispatch, requestRouting } from '../routing/dispatch-waiting.ts';
import { recomputeSla } from '../sla/apply-sla.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import { isSupervisor, type Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from './visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export interface AssignInput {
  conversationId: string;
  /** null unassigns; undefined leaves the assignee as it is. */
  assigneeId?: string | null;
  teamId?: string | null;
}

export async function assignConversation(deps: Deps, viewer: Viewer, input: AssignInput) {
  const { db } = deps;
  const conversation = await loadVisibleConversation(db, viewer, input.conversationId);
  if (!isSupervisor(viewer)) assertAgentMayAssign(viewer, conversation.assigneeId, input);
  // A conversation may stay with an archived team it has, but is not moved to one.
  await assertRefsInWorkspace(db, viewer.workspaceId, [
    ...refOf('agent', 'assigneeId', input.assigneeId, { active: true }),
    ...refOf('team', 'teamId', input.teamId, { active: input.teamId !== conversation.teamId }),
  ]);
  const previousAssignee = conversation.assigneeId;
  const now = deps.clock.now();
  const { timers, activity } = await db.$transaction(async (tx) => {
    // The routers' order: the conversation, then the agent, then the load counters (AgentLoad) that
    // the conversation's update changes by trigger. Another order deadlocks with a routing batch.
    await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversation.id} FOR UPDATE`;
    if (input.assigneeId) await tx.agent.update({ where: { id: input.assigneeId }, data: { lastAssignedAt: now } });
    await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        // A manual assignment always wins over routing: any pending offer is withdrawn.
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId, offeredAgentId: null, offerExpiresAt: null } : {}),
        ...(input.teamId !== undefined ? { teamId: input.teamId } : {}),
      },
    });
    await recordAudit(tx, {
      workspaceId: conversation.workspaceId,
      actorAgentId: viewer.agentId,
      action: 'conversation.assign',
      targetType: 'conversation',
      targetId: conversation.id,
      data: { fromAssigneeId: previousAssignee, toAssigneeId: input.assigneeId, fromTeamId: conversation.teamId, toTeamId: input.teamId },
    });
    const activity = await recordAssignment(tx, { workspaceId: conversation.workspaceId, conversationId: conversation.id, actorAgentId: viewer.agentId, at: now }, {
      agent: input.assigneeId !== undefined && input.assigneeId !== previousAssignee ? { from: previousAssignee, to: input.assigneeId } : undefined,
      team: input.teamId !== undefined && input.teamId !== conversation.teamId ? { from: conversation.teamId, to: input.teamId } : undefined,
    });
    // The team can decide the SLA policy.
    const timers = input.teamId !== undefined && input.teamId !== conversation.teamId ? await recomputeSla(tx, { conversationId: conversation.id, now }) : [];
    return { timers, activity };
  });
  await scheduleSlaTimers(deps, timers);
  const assigneeChanged = input.assigneeId !== undefined && input.assigneeId !== previousAssignee;
  if (assigneeChanged && previousAssignee && conversation.status === 'open') await requestDispatch(deps, conversation.workspaceId);
  if (assigneeChanged && input.assigneeId === null && conversation.status === 'open') await requestRouting(deps, conversation.id, 'reroute');
  return publishConversation(deps, conversation.id, 'conversation.assigned', { alsoAgentIds: previousAssignee ? [previousAssignee] : [], activity });
}

type IdChange = { from: string | null; to: string | null } | undefined;

/** The timeline entry of a manual assignment or transfer; none when nothing changed. */
async function recordAssignment(
  tx: Tx,
  at: { workspaceId: string; conversationId: string; actorAgentId: string; at: Date },
  change: { agent: IdChange; team: IdChange },
): Promise<ConversationEventView[]> {
  if (!change.agent && !change.team) return [];
  const agent = change.agent ? { from: await agentRef(tx, change.agent.from), to: await agentRef(tx, change.agent.to) } : undefined;
  const team = change.team ? { from: await teamRef(tx, change.team.from), to: await teamRef(tx, change.team.to) } : undefined;
  const entry = await recordConversationEvent(tx, { ...at, activity: { kind: 'assignment', data: { ...(agent ? { agent } : {}), ...(team ? { team } : {}), via: 'manual' } } });
  return [entry];
}

function assertAgentMayAssign(viewer: Viewer, currentAssignee: string | null, input: AssignInput): void {
  if (input.teamId !== undefined) throw forbidden('Only supervisors and admins may move conversations between teams');
  const takesUnassigned = currentAssignee === null && input.assigneeId === viewer.agentId;
  const handsBackOwn = currentAssignee === viewer.agentId && input.assigneeId === null;
  if (!takesUnassigned && !handsBackOwn) throw forbidden("Agents may take unassigned conversations or hand back their own; ask a supervisor to move someone else's");
}
