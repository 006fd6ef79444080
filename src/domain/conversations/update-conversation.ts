// Changes a conversation's priority and tags (status and assignment have their own rules).
import type { Priority } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from './publish-conversation.ts';
import { recomputeSla } from '../sla/apply-sla.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from './visibility.ts';

export interface UpdateConversationInput {
  conversationId: string;
  priority?: Priority;
  /** Replaces the tag list; already trimmed and de-duplicated at the edge. */
  tags?: string[];
}

export async function updateConversation(deps: Deps, viewer: Viewer, input: UpdateConversationInput) {
  const conversation = await loadVisibleConversation(deps.db, viewer, input.conversationId);
  const data = {
    ...(input.priority !== undefined ? { priority: input.priority } : {}),
    ...(input.tags !== undefined ? { tags: input.tags } : {}),
  };
  const timers = await deps.db.$transaction(async (tx) => {
    await tx.conversation.update({ where: { id: conversation.id }, data });
    await recordAudit(tx, {
      workspaceId: conversation.workspaceId,
      actorAgentId: viewer.agentId,
      action: 'conversation.update',
      targetType: 'conversation',
      targetId: conversation.id,
      data: {
        ...(input.priority !== undefined ? { fromPriority: conversation.priority, toPriority: input.priority } : {}),
        ...(input.tags !== undefined ? { fromTags: conversation.tags, toTags: input.tags } : {}),
      },
    });
    // Priority and tags (a complaint) can change the SLA policy and its targets.
    return recomputeSla(tx, { conversationId: conversation.id, now: deps.clock.now() });
  });
  await scheduleSlaTimers(deps, timers);
  return publishConversation(deps, conversation.id, 'conversation.updated');
}
