// One conversation with its whole timeline, for the conversation view.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { conversationEventInclude, toConversationEventView } from './conversation-event-view.ts';
import { conversationSummaryInclude, messageViewInclude, toConversationDetail, type ConversationDetail } from './conversation-view.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from './visibility.ts';

export async function getConversation(db: Db, viewer: Viewer, conversationId: string): Promise<ConversationDetail> {
  const c = await db.conversation.findFirst({
    where: { AND: [{ id: conversationId }, visibleConversationsWhere(viewer)] },
    include: conversationSummaryInclude,
  });
  if (!c) throw notFound('Conversation');
  const messages = await db.message.findMany({
    where: { conversationId: c.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: messageViewInclude,
  });
  const events = await db.conversationEvent.findMany({
    where: { conversationId: c.id },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    include: conversationEventInclude,
  });
  return toConversationDetail(c, messages, events.map(toConversationEventView));
}
