// Records that an agent has read a conversation up to now; the inbox list shows it as unread
// again when the customer writes after that.
import type { Deps } from '../../deps.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { ReadMarker } from './conversation-view.ts';
import { loadVisibleConversation } from './visibility.ts';

export async function markConversationRead(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, conversationId: string): Promise<ReadMarker> {
  const conversation = await loadVisibleConversation(deps.db, viewer, conversationId);
  const lastReadAt = deps.clock.now();
  const key = { conversationId: conversation.id, agentId: viewer.agentId };
  await deps.db.conversationRead.upsert({ where: { conversationId_agentId: key }, create: { ...key, lastReadAt }, update: { lastReadAt } });
  return { conversationId: conversation.id, lastReadAt: lastReadAt.toISOString() };
}

/** Which of these conversations have customer messages the viewer has not read yet. */
export async function unreadFlags(db: Deps['db'], agentId: string, conversations: { id: string; lastInboundAt: Date | null }[]): Promise<Map<string, boolean>> {
  const reads = await db.conversationRead.findMany({ where: { agentId, conversationId: { in: conversations.map((c) => c.id) } } });
  const readAt = new Map(reads.map((r) => [r.conversationId, r.lastReadAt.getTime()]));
  return new Map(conversations.map((c) => [c.id, c.lastInboundAt !== null && c.lastInboundAt.getTime() > (readAt.get(c.id) ?? -Infinity)]));
}
