// A contact with every identity and their whole history across channels and conversations, so
// the agent sees what the customer already told us, wherever they said it.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { messageViewInclude, toMessageView } from '../conversations/conversation-view.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';

export async function getContactTimeline(db: Db, viewer: Viewer, contactId: string, opts: { limit: number }) {
  const contact = await db.contact.findFirst({
    where: { id: contactId, workspaceId: viewer.workspaceId },
    include: { identities: { orderBy: { createdAt: 'asc' } } },
  });
  if (!contact) throw notFound('Contact');
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
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    tier: contact.tier,
    lifecycleStage: contact.lifecycleStage,
    tags: contact.tags,
    attributes: contact.attributes,
    createdAt: contact.createdAt.toISOString(),
    identities: contact.identities.map((i) => ({ id: i.id, channelKind: i.channelKind, address: i.address, displayName: i.displayName, optedOutAt: i.optedOutAt?.toISOString() ?? null })),
    conversations: conversations.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      status: c.status,
      channel: c.channel,
      createdAt: c.createdAt.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
    })),
    timeline: messages.reverse().map(toMessageView),
  };
}
