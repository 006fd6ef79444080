// A conversation's SLA record: its policy, every clock with the policy it came from, and breaches.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';

export async function getConversationSla(db: Db, viewer: Viewer, conversationId: string) {
  const conversation = await loadVisibleConversation(db, viewer, conversationId);
  const clocks = await db.slaClock.findMany({ where: { conversationId: conversation.id }, orderBy: { startedAt: 'asc' }, include: { policy: { select: { id: true, name: true } } } });
  const breaches = await db.slaBreach.findMany({ where: { conversationId: conversation.id }, orderBy: { breachedAt: 'asc' } });
  return { policyId: conversation.slaPolicyId, clocks, breaches };
}
