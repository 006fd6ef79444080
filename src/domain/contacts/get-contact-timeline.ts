// A contact with every identity and their whole history across channels and conversations, so
// the agent sees what the customer already told us, wherever they said it.
import type { Db } from '../../db/client.ts';
import { messageViewInclude } from '../conversations/conversation-view.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';
import { loadVisibleContact } from './contact-visibility.ts';
import { toContactTimeline, type ContactTimeline } from './contact-view.ts';

export async function getContactTimeline(db: Db, viewer: Viewer, contactId: string, opts: { limit: number }): Promise<ContactTimeline> {
  const contact = await loadVisibleContact(db, viewer, contactId, { identities: { orderBy: { createdAt: 'asc' } }, organisation: { select: { id: true, name: true } }, owner: { select: { id: true, name: true } } });
  const conversations = await db.conversation.findMany({
    where: { AND: [{ contactId: contact.id }, visibleConversationsWhere(viewer)] },
    orderBy: { lastMessageAt: 'desc' },
    include: { channel: { select: { id: true, kind: true, name: true } } },
  });
  const messages = await db.message.findMany({
    where: { conversationId: { in: conversations.map((c) => c.id) } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: opts.limit,
    include: messageViewInclude,
  });
  return toContactTimeline(contact, conversations, messages.reverse());
}
