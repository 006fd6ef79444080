// The inbox list: filtered by status, assignee, channel and team; newest activity first; keyset
// (cursor) pagination so pages stay stable while new messages arrive.
import type { ConversationStatus, Db, Prisma } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { conversationSummaryInclude, toConversationSummary, type ConversationPage } from './conversation-view.ts';
import { unreadFlags } from './mark-conversation-read.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleConversationsWhere } from './visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export interface ListConversationsQuery {
  status?: ConversationStatus[];
  assignee: 'me' | 'unassigned' | 'all';
  channelId?: string;
  teamId?: string;
  cursor?: string;
  limit: number;
}

interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString()) as Cursor;
    if (typeof c.at !== 'string' || typeof c.id !== 'string' || Number.isNaN(Date.parse(c.at))) throw new Error('shape');
    return c;
  } catch {
    throw new AppError('validation_failed', 'cursor: not a cursor this API returned');
  }
}

export async function listConversations(db: Db, viewer: Viewer, q: ListConversationsQuery): Promise<ConversationPage> {
  // A filter by another workspace's (or no) channel or team is a mistake to report, as on every write.
  await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('channel', 'channelId', q.channelId), ...refOf('team', 'teamId', q.teamId)], 'query');
  const filters: Prisma.ConversationWhereInput[] = [visibleConversationsWhere(viewer)];
  if (q.status?.length) filters.push({ status: { in: q.status } });
  if (q.assignee === 'me') filters.push({ assigneeId: viewer.agentId });
  if (q.assignee === 'unassigned') filters.push({ assigneeId: null });
  if (q.channelId) filters.push({ channelId: q.channelId });
  if (q.teamId) filters.push({ teamId: q.teamId });
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const at = new Date(c.at);
    filters.push({ OR: [{ lastMessageAt: { lt: at } }, { lastMessageAt: at, id: { lt: c.id } }] });
  }
  const rows = await db.conversation.findMany({
    where: { AND: filters },
    orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
    take: q.limit + 1,
    include: conversationSummaryInclude,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null;
  const unread = await unreadFlags(db, viewer.agentId, page);
  return { items: page.map((c) => ({ ...toConversationSummary(c), unread: unread.get(c.id) ?? false })), nextCursor };
}
