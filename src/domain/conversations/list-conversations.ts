// The inbox list: filtered by status, assignee, channel and team; newest activity first; keyset
// (cursor) pagination so pages stay stable while new messages arrive.
import type { ConversationStatus, Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { ConversationPage } from './conversation-view.ts';
import { sqlRows } from '../../db/sql.ts';
import { summarySelect, toSummaryWithUnread, type SummaryRow } from './summary-sql.ts';
import type { Viewer } from '../auth/viewer.ts';
import { binder, visibleConversationsSql } from './visibility.ts';
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

/** The page's one statement: the permission filter, the view's filters, the keyset and the summary's joins (exported for the plan test). */
export function listStatement(viewer: Viewer, q: ListConversationsQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const bind = binder(values);
  const viewerParam = bind(viewer.agentId);
  const filters = [visibleConversationsSql(viewer, 'c', bind)];
  if (q.status?.length) filters.push(`c.status::text = ANY(${bind(q.status)}::text[])`);
  if (q.assignee === 'me') filters.push(`c."assigneeId" = ${viewerParam}`);
  if (q.assignee === 'unassigned') filters.push('c."assigneeId" IS NULL');
  if (q.channelId) filters.push(`c."channelId" = ${bind(q.channelId)}`);
  if (q.teamId) filters.push(`c."teamId" = ${bind(q.teamId)}`);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    filters.push(`(c."lastMessageAt", c.id) < ((${bind(new Date(c.at).toISOString())}::timestamptz AT TIME ZONE 'UTC'), ${bind(c.id)})`);
  }
  const limitParam = bind(q.limit + 1);
  return { text: summarySelect(viewerParam, filters.join(' AND '), limitParam), values };
}

export async function listConversations(db: Db, viewer: Viewer, q: ListConversationsQuery): Promise<ConversationPage> {
  const { text, values } = listStatement(viewer, q);
  const rows = await sqlRows<SummaryRow>(db, { text }, values);
  // A filter by another workspace's (or no) channel or team is a mistake to report, as on every
  // write. It is checked only when the page is empty: a row found is a conversation of the viewer's
  // workspace in that channel or team, and conversations only ever name their own workspace's
  // (every write checks it), so the team view, an agent's default, costs one statement, not two.
  if (rows.length === 0) await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('channel', 'channelId', q.channelId), ...refOf('team', 'teamId', q.teamId)], 'query');
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > q.limit && last ? encodeCursor({ at: last.lastMessageAt.toISOString(), id: last.id }) : null;
  return { items: page.map(toSummaryWithUnread), nextCursor };
}
