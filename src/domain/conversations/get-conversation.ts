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
  // The three reads at once on the pool's connections: the timeline is only returned if the
  // conversation is one the viewer may see (the permission filter stays in the first query).
  const [c, messages, events] = await Promise.all([
    db.conversation.findFirst({ where: { AND: [{ id: conversationId }, visibleConversationsWhere(viewer)] }, include: conversationSummaryInclude }),
    db.message.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: messageViewInclude }),
    db.conversationEvent.findMany({ where: { conversationId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: conversationEventInclude }),
  ]);
  if (!c) throw notFound('Conversation');
  return toConversationDetail(c, messages, events.map(toConversationEventView), await standingReplyRefusal(deps, c));
}
