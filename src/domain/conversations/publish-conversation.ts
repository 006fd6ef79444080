// Loads a conversation's summary and tells everyone who may see it, after the change committed.
import type { Deps } from '../../deps.ts';
import type { RealtimeEventName } from '../../realtime/events.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
import { conversationSummaryInclude, messageViewInclude, toConversationSummary, toMessageView, type ConversationSummary } from './conversation-view.ts';

export async function publishConversation(
  deps: Pick<Deps, 'db' | 'publisher'>,
  conversationId: string,
  event: Extract<RealtimeEventName, 'conversation.created' | 'conversation.updated' | 'conversation.assigned'>,
  opts: { alsoAgentIds?: string[]; activity?: readonly ConversationEventView[] } = {},
): Promise<ConversationSummary> {
  const c = await deps.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: conversationSummaryInclude });
  const summary = toConversationSummary(c);
  const audience = { workspaceId: c.workspaceId, conversationId: c.id, teamId: c.teamId, assigneeId: c.assigneeId, alsoAgentIds: opts.alsoAgentIds };
  // The timeline entries of the change first, so a view that reloads on the summary has them.
  for (const entry of opts.activity ?? []) deps.publisher.publish('conversation.activity', audience, entry);
  deps.publisher.publish(event, audience, summary);
  // A nudge for supervisor boards: queue numbers may have moved.
  deps.publisher.publishToSupervisors(c.workspaceId, 'queues.changed', { conversationId: c.id, queueId: c.queueId, at: summary.lastMessageAt });
  return summary;
}

export async function publishMessage(deps: Pick<Deps, 'db' | 'publisher'>, messageId: string, event: 'message.created' | 'message.updated'): Promise<void> {
  const m = await deps.db.message.findUniqueOrThrow({ where: { id: messageId }, include: { ...messageViewInclude, conversation: { select: { teamId: true, assigneeId: true } } } });
  deps.publisher.publish(
    event,
    { workspaceId: m.workspaceId, conversationId: m.conversationId, teamId: m.conversation.teamId, assigneeId: m.conversation.assigneeId },
    toMessageView(m),
  );
}
