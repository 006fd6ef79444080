// A message with what its view shows (messageViewInclude) and the audience of its conversation,
// in one SQL statement instead of Prisma's one query per relation: published for every message
// ingested, sent or updated by a delivery callback.
import type { Db } from '../../db/client.ts';
import { sqlRows, type SqlClient } from '../../db/sql.ts';
import type { MessageWithView } from './conversation-view.ts';

// Timestamps are UTC in "timestamp without time zone" columns (Prisma's convention): AT TIME ZONE
// 'UTC' hands pg an instant it reads correctly whatever the session's time zone.
const messageSql = {
  name: 'message-views-v1',
  text: `
SELECT m."id", m."workspaceId", m."conversationId", m."channelId", m."direction"::text AS "direction", m."kind"::text AS "kind",
  m."subject", m."text", m."quotedText", m."html", m."externalId", m."deliveryStatus"::text AS "deliveryStatus", m."deliveryError",
  m."clientKey", m."metadata",
  m."nextAttemptAt" AT TIME ZONE 'UTC' AS "nextAttemptAt", m."deadLetteredAt" AT TIME ZONE 'UTC' AS "deadLetteredAt",
  m."sentAt" AT TIME ZONE 'UTC' AS "sentAt", m."deliveredAt" AT TIME ZONE 'UTC' AS "deliveredAt", m."createdAt" AT TIME ZONE 'UTC' AS "createdAt",
  CASE WHEN ag."id" IS NULL THEN NULL ELSE json_build_object('id', ag."id", 'name', ag."name") END AS "authorAgent",
  CASE WHEN ct."id" IS NULL THEN NULL ELSE json_build_object('id', ct."id", 'name', ct."name") END AS "authorContact",
  COALESCE((SELECT json_agg(json_build_object('id', a."id", 'filename', a."filename", 'contentType', a."contentType", 'size', a."size",
      'inline', a."inline", 'contentId', a."contentId")) FROM "Attachment" a WHERE a."messageId" = m."id"), '[]') AS "attachments",
  c."teamId", c."assigneeId"
FROM "Message" m
JOIN "Conversation" c ON c."id" = m."conversationId"
LEFT JOIN "Agent" ag ON ag."id" = m."authorAgentId"
LEFT JOIN "Contact" ct ON ct."id" = m."authorContactId"
WHERE m."id" = ANY($1::text[])`,
};

export interface LoadedMessage {
  message: MessageWithView;
  /** Who hears of it besides the conversation's room. */
  conversation: { teamId: string | null; assigneeId: string | null };
}

type MessageRow = MessageWithView & { teamId: string | null; assigneeId: string | null };

/** The message as toMessageView takes it, and its conversation's team and assignee; null when there is no such message. */
export async function loadMessageView(on: Db | SqlClient, messageId: string): Promise<LoadedMessage | null> {
  return (await loadMessageViews(on, [messageId]))[0]!;
}

/** As loadMessageView, for several messages in one statement: one outcome per id, in order. */
export async function loadMessageViews(on: Db | SqlClient, messageIds: readonly string[]): Promise<(LoadedMessage | null)[]> {
  const rows = await sqlRows<MessageRow>(on, messageSql, [messageIds]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return messageIds.map((id) => {
    const row = byId.get(id);
    if (!row) return null;
    const { teamId, assigneeId, ...message } = row;
    // The row holds exactly the columns toMessageView reads; the enums arrive as their text.
    return { message: message as MessageWithView, conversation: { teamId, assigneeId } };
  });
}
