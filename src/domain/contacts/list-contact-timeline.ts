// One page of a contact's cross-channel timeline, newest first: every message and call of every
// conversation of theirs the viewer may see, each with its channel and conversation, so the
// customer panel can show where and when the customer said what and "load more" with the cursor.
import type { Db, Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { messageViewInclude } from '../conversations/conversation-view.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';
import { loadVisibleContact } from './contact-visibility.ts';
import { toContactTimelineEntry, type ContactTimelinePage } from './contact-view.ts';

export interface ListContactTimelineInput {
  contactId: string;
  limit: number;
  /** The id of the oldest entry already shown: the page holds what came before it. */
  before?: string | undefined;
}

export async function listContactTimeline(db: Db, viewer: Viewer, input: ListContactTimelineInput): Promise<ContactTimelinePage> {
  const contact = await loadVisibleContact(db, viewer, input.contactId);
  const conversations = await db.conversation.findMany({
    where: { AND: [{ contactId: contact.id }, visibleConversationsWhere(viewer)] },
    select: { id: true, number: true, subject: true, status: true },
  });
  const byId = new Map(conversations.map((c) => [c.id, c]));
  const inConversations: Prisma.MessageWhereInput = { conversationId: { in: [...byId.keys()] } };
  const messages = await db.message.findMany({
    where: input.before ? { AND: [inConversations, await olderThan(db, inConversations, input.before)] } : inConversations,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    include: { ...messageViewInclude, channel: { select: { id: true, kind: true, name: true } } },
  });
  const page = messages.slice(0, input.limit);
  return {
    items: page.map((m) => toContactTimelineEntry(m, byId.get(m.conversationId)!)),
    next: messages.length > input.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Entries after the cursor in (createdAt desc, id desc) order; the cursor must be one of this contact's entries. */
async function olderThan(db: Db, scope: Prisma.MessageWhereInput, before: string): Promise<Prisma.MessageWhereInput> {
  const cursor = await db.message.findFirst({ where: { AND: [scope, { id: before }] }, select: { id: true, createdAt: true } });
  if (!cursor) throw new AppError('validation_failed', 'before: not an entry of this contact’s timeline');
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}
