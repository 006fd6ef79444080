// Hands everything a person holds back when they leave (deactivated): every unresolved
// conversation assigned to them is unassigned (open ones go back to routing at once, pending and
// snoozed ones when they reopen), and offers standing for them are withdrawn. Their messages and
// notes stay theirs.
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { agentRef, recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { requestRouting } from '../routing/dispatch-waiting.ts';

export async function releaseAgentWork(deps: Deps, input: { workspaceId: string; agentId: string; actorAgentId: string; reason: string }): Promise<string[]> {
  const held = await deps.db.conversation.findMany({
    where: { workspaceId: input.workspaceId, status: { not: 'resolved' }, OR: [{ assigneeId: input.agentId }, { offeredAgentId: input.agentId }] },
    select: { id: true, status: true, assigneeId: true },
  });
  const now = deps.clock.now();
  for (const c of held) {
    const wasAssigned = c.assigneeId === input.agentId;
    const entry = await deps.db.$transaction(async (tx) => {
      await tx.conversation.update({
        where: { id: c.id },
        data: { ...(wasAssigned ? { assigneeId: null } : {}), offeredAgentId: null, offerExpiresAt: null },
      });
      if (!wasAssigned) return null;
      await recordAudit(tx, { workspaceId: input.workspaceId, actorAgentId: input.actorAgentId, action: 'conversation.released', targetType: 'conversation', targetId: c.id, data: { agentId: input.agentId, reason: input.reason } });
      // The timeline says who handed it back and why, like an agent going offline does.
      const agent = { from: await agentRef(tx, input.agentId), to: null };
      return recordConversationEvent(tx, { workspaceId: input.workspaceId, conversationId: c.id, actorAgentId: input.actorAgentId, at: now, activity: { kind: 'assignment', data: { agent, via: 'agent-deactivated' } } });
    });
    await publishConversation(deps, c.id, 'conversation.updated', { alsoAgentIds: [input.agentId], activity: entry ? [entry] : [] });
    if (c.status === 'open') await requestRouting(deps, c.id, 'reroute');
  }
  return held.map((c) => c.id);
}
