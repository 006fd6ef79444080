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
