// GET /api/exports/conversations.(csv|json): the conversations the viewer may see, by number,
// optionally with their messages, streamed from one server-side cursor over a join (so Node holds
// one batch of lines, and for nested JSON one conversation). Supervisors and admins; audited.
import type { Deps } from '../../deps.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { binder, visibleConversationsSql } from '../conversations/visibility.ts';
import { conversationColumns, messageColumns, nestedMessageColumns, type ConversationExportRow, type MessageExportRow } from './conversation-columns.ts';
import { openCursorRows } from './cursor-rows.ts';
import { rangeForAudit, type ConversationExportRequest } from './export-filters.ts';
import { isoSql, rangeSql } from './export-sql.ts';
import { startExport, type ExportDownload } from './start-export.ts';
import { rowObject, streamRows, type ExportColumn } from './stream-rows.ts';

type Line = ConversationExportRow & MessageExportRow;
type Nested = ConversationExportRow & { messages: MessageExportRow[] };

const conversationSelect = `c.id, c.number, c.status::text AS status, c."statusKey" AS status_key, c.priority::text AS priority,
  ch.kind AS channel_kind, ch.name AS channel_name, c."contactId" AS contact_id, k.name AS contact_name, k.email AS contact_email,
  k.phone AS contact_phone, ${isoSql('k."erasedAt"')} AS contact_erased_at, c."assigneeId" AS assignee_id, a.name AS assignee_name,
  t.name AS team_name, q.name AS queue_name, c.subject, c.topic, c.tags, c.language, c."messageCount" AS message_count,
  ${isoSql('c."createdAt"')} AS created_at, ${isoSql('c."firstResponseAt"')} AS first_response_at, ${isoSql('c."resolvedAt"')} AS resolved_at,
  ${isoSql('c."lastMessageAt"')} AS last_message_at, ${isoSql('c."contentErasedAt"')} AS content_erased_at`;

const messageSelect = `m.id AS message_id, ${isoSql('m."createdAt"')} AS message_created_at, m.direction::text AS message_direction, m.kind::text AS message_kind,
  CASE WHEN m.id IS NULL THEN NULL WHEN m."authorAgentId" IS NOT NULL THEN 'agent' WHEN m."authorContactId" IS NOT NULL THEN 'contact' ELSE 'system' END AS message_author_type,
  COALESCE(ma.name, mc.name) AS message_author_name, mc."erasedAt" IS NOT NULL AS message_author_erased, m.subject AS message_subject, m.text AS message_text,
  m."deliveryStatus"::text AS message_delivery_status, ${isoSql('m."sentAt"')} AS message_sent_at, ${isoSql('m."deliveredAt"')} AS message_delivered_at,
  CASE WHEN m.id IS NULL THEN NULL ELSE (SELECT count(*)::int FROM "Attachment" x WHERE x."messageId" = m.id) END AS message_attachment_count`;

const joins = `JOIN "Channel" ch ON ch.id = c."channelId" JOIN "Contact" k ON k.id = c."contactId"
  LEFT JOIN "Agent" a ON a.id = c."assigneeId" LEFT JOIN "Team" t ON t.id = c."teamId" LEFT JOIN "Queue" q ON q.id = c."queueId"`;

const messageJoins = `LEFT JOIN "Message" m ON m."conversationId" = c.id
  LEFT JOIN "Agent" ma ON ma.id = m."authorAgentId" LEFT JOIN "Contact" mc ON mc.id = m."authorContactId"`;

export async function exportConversations(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, req: ConversationExportRequest): Promise<ExportDownload> {
  requireSupervisor(viewer, 'export conversations');
  const values: unknown[] = [];
  const bind = binder(values);
  const where = [visibleConversationsSql(viewer, 'c', bind), ...rangeSql('c."createdAt"', req, bind)];
  if (req.statuses?.length) where.push(`c.status::text = ANY(${bind(req.statuses)}::text[])`);
  const withMessages = req.includeMessages === true;
  const text = withMessages
    ? `SELECT ${conversationSelect}, ${messageSelect} FROM "Conversation" c ${joins} ${messageJoins} WHERE ${where.join(' AND ')} ORDER BY c.number, m."createdAt", m.id`
    : `SELECT ${conversationSelect} FROM "Conversation" c ${joins} WHERE ${where.join(' AND ')} ORDER BY c.number`;
  const open = async () => {
    if (!withMessages) return streamRows(await openCursorRows<ConversationExportRow>(deps.db, { text, values }), conversationColumns, req.format);
    const lines = await openCursorRows<Line>(deps.db, { text, values });
    // CSV: one line per message; JSON and NDJSON: one object per conversation with its messages.
    return req.format === 'csv' ? streamRows<Line>(lines, [...conversationColumns, ...messageColumns], 'csv') : streamRows(nestMessages(lines), nestedColumns, req.format);
  };
  return startExport(deps, viewer, {
    what: withMessages ? 'conversations-messages' : 'conversations',
    format: req.format,
    filters: { ...rangeForAudit(req), statuses: req.statuses ?? [], includeMessages: withMessages },
    open,
  });
}

const nestedColumns: ExportColumn<Nested>[] = [
  ...conversationColumns,
  { name: 'messages', type: 'json', description: 'The messages, oldest first, each with the message columns (without the message_ prefix)', value: (c) => c.messages.map((m) => rowObject(nestedMessageColumns, m)) },
];

/** Folds consecutive lines of one conversation (the query orders them so) into one object with its messages. */
async function* nestMessages(lines: AsyncGenerator<Line>): AsyncGenerator<Nested> {
  let current: Nested | null = null;
  try {
    for await (const line of lines) {
      if (current?.id !== line.id) {
        if (current) yield current;
        current = { ...line, messages: [] };
      }
      if (line.message_id !== null) current.messages.push(line);
    }
    if (current) yield current;
  } finally {
    await lines.return(undefined);
  }
}
