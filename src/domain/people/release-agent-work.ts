// Hands everything a person holds back when they leave (deactivated): every unresolved
// conversation assigned to them is unassigned (open ones go back to routing at once, pending and
// snoozed ones when they reopen), and offers standing for them are withdrawn. Their messages and
// notes stay theirs.
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { requestRouting } from '../routing/dispatch-waiting.ts';

export async function releaseAgentWork(deps: Deps, input: { workspaceId: string; agentId: string; actorAgentId: string; reason: string }): Promise<string[]> {
  const held = await deps.db.conversation.findMany({
    where: { workspaceId: input.workspaceId, status: { not: 'resolved' }, OR: [{ assigneeId: input.agentId }, { offeredAgentId: input.agentId }] },
    select: { id: true, status: true, assigneeId: true },
  });
  for (const c of held) {
    const wasAssigned = c.assigneeId === input.agentId;
    await deps.db.conversation.update({
      where: { id: c.id },
      data: { ...(wasAssigned ? { assigneeId: null } : {}), offeredAgentId: null, offerExpiresAt: null },
    });
    if (wasAssigned) {
      await recordAudit(deps.db, { workspaceId: input.workspaceId, actorAgentId: input.actorAgentId, action: 'conversation.released', targetType: 'conversation', targetId: c.id, data: { agentId: input.agentId, reason: input.reason } });
    }
    await publishConversation(deps, c.id, 'conversation.updated', { alsoAgentIds: [input.agentId] });
    if (c.status === 'open') await requestRouting(deps, c.id, 'reroute');
  }
  return held.map((c) => c.id);
}
