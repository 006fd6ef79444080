// Loads a conversation's summary and tells everyone who may see it, after the change committed.
import type { Deps } from '../../deps.ts';
import type { RealtimeEventName } from '../../realtime/events.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
import { toConversationSummary, toMessageView, type ConversationSummary } from './conversation-view.ts';
import { loadConversationSummary } from './load-conversation-summary.ts';
import { loadMessageView } from './load-message-view.ts';

export async function publishConversation(
  deps: Pick<Deps, 'db' | 'publisher'>,
  conversationId: string,
  event: Extract<RealtimeEventName, 'conversation.created' | 'conversation.updated' | 'conversation.assigned'>,
  opts: { alsoAgentIds?: string[]; activity?: readonly ConversationEventView[] } = {},
): Promise<ConversationSummary> {
  const c = await loadConversationSummary(deps.db, conversationId);
  if (!c) throw new Error(`cannot publish conversation ${conversationId}: no such conversation`);
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
  const loaded = await loadMessageView(deps.db, messageId);
  if (!loaded) throw new Error(`cannot publish message ${messageId}: no such message`);
  const { message: m, conversation } = loaded;
  deps.publisher.publish(event, { workspaceId: m.workspaceId, conversationId: m.conversationId, teamId: conversation.teamId, assigneeId: conversation.assigneeId }, toMessageView(m));
}
