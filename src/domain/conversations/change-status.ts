// Moves a conversation between open, pending (waiting on the customer), snoozed and resolved.
import type { ConversationStatus } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { publishConversation } from './publish-conversation.ts';
import { loadVisibleConversation, type Viewer } from './visibility.ts';

export interface ChangeStatusInput {
  conversationId: string;
  status: ConversationStatus;
  snoozedUntil?: Date | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

export async function changeConversationStatus(deps: Deps, viewer: Viewer, input: ChangeStatusInput) {
  const conversation = await loadVisibleConversation(deps.db, viewer, input.conversationId);
  const now = deps.clock.now();
  if (input.status === 'snoozed') {
    if (!input.snoozedUntil) throw new AppError('validation_failed', 'Snoozing needs a snoozedUntil time');
    if (input.snoozedUntil <= now) throw new AppError('validation_failed', 'snoozedUntil must be in the future');
  }
  await deps.db.$transaction(async (tx) => {
    await tx.conversation.update({
      where: { id: conversation.id },
      data: {
        status: input.status,
        snoozedUntil: input.status === 'snoozed' ? input.snoozedUntil : null,
        resolvedAt: input.status === 'resolved' ? (conversation.status === 'resolved' ? conversation.resolvedAt : now) : null,
        ...(input.priority ? { priority: input.priority } : {}),
      },
    });
    await recordAudit(tx, {
      workspaceId: conversation.workspaceId,
      actorAgentId: viewer.agentId,
      action: 'conversation.status',
      targetType: 'conversation',
      targetId: conversation.id,
      data: { from: conversation.status, to: input.status, snoozedUntil: input.snoozedUntil?.toISOString() ?? null, priority: input.priority ?? null },
    });
  });
  return publishConversation(deps, conversation.id, 'conversation.updated');
}
