// Changes a conversation's priority and tags (status and assignment have their own rules).
import type { Priority } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from './publish-conversation.ts';
import { recordConversationEvent, tagChange } from './record-conversation-event.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
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
  const now = deps.clock.now();
  const { timers, activity } = await deps.db.$transaction(async (tx) => {
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
    const base = { workspaceId: conversation.workspaceId, conversationId: conversation.id, actorAgentId: viewer.agentId, at: now };
    const activity: ConversationEventView[] = [];
    if (input.priority !== undefined && input.priority !== conversation.priority) {
      activity.push(await recordConversationEvent(tx, { ...base, activity: { kind: 'priority', data: { from: conversation.priority, to: input.priority, via: 'manual' } } }));
    }
    const tags = input.tags !== undefined ? tagChange(conversation.tags, input.tags) : null;
    if (tags) activity.push(await recordConversationEvent(tx, { ...base, activity: { kind: 'tags', data: tags } }));
    // Priority and tags (a complaint) can change the SLA policy and its targets.
    return { timers: await recomputeSla(tx, { conversationId: conversation.id, now }), activity };
  });
  await scheduleSlaTimers(deps, timers);
  return publishConversation(deps, conversation.id, 'conversation.updated', { activity });
}
