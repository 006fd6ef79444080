// One conversation with its whole timeline, for the conversation view, and whether it can be answered in writing at all.
import type { Deps } from '../../deps.ts';
import { standingReplyRefusal } from '../messages/standing-reply-refusal.ts';
import { notFound } from '../../errors.ts';
import { conversationEventInclude, toConversationEventView } from './conversation-event-view.ts';
import { conversationSummaryInclude, messageViewInclude, toConversationDetail, type ConversationDetail } from './conversation-view.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from './visibility.ts';

export async function getConversation(deps: Pick<Deps, 'db' | 'adapterFor' | 'clock'>, viewer: Viewer, conversationId: string): Promise<ConversationDetail> {
  const { db } = deps;
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
  return toConversationDetail(c, messages, events.map(toConversationEventView), await standingReplyRefusal(deps, c));
}
