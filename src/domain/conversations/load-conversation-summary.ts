// A conversation with everything its summary shows (conversationSummaryInclude), in one SQL
// statement instead of Prisma's one query per relation: published after every inbound message,
// assignment and status change, so it is on the hot path of ingest and routing.
import type { Db } from '../../db/client.ts';
import { sqlRows, type SqlClient } from '../../db/sql.ts';
import type { ConversationWithSummary } from './conversation-view.ts';

// Columns are "timestamp without time zone" holding UTC (Prisma's convention): AT TIME ZONE 'UTC'
// makes them timestamptz, which pg (and new Date() on the JSON text) read as the right instant.
const summarySql = {
  name: 'conversation-summary-v1',
  text: `
SELECT c."id", c."workspaceId", c."number", c."status"::text AS "status", c."priority"::text AS "priority", c."subject",
  c."messageCount", c."statusKey", c."tags", c."routingStep", c."offeredAgentId", c."teamId", c."assigneeId", c."queueId",
  c."lastMessageAt" AT TIME ZONE 'UTC' AS "lastMessageAt", c."lastInboundAt" AT TIME ZONE 'UTC' AS "lastInboundAt",
  c."waitingSince" AT TIME ZONE 'UTC' AS "waitingSince", c."firstResponseAt" AT TIME ZONE 'UTC' AS "firstResponseAt",
  c."snoozedUntil" AT TIME ZONE 'UTC' AS "snoozedUntil", c."resolvedAt" AT TIME ZONE 'UTC' AS "resolvedAt",
  c."createdAt" AT TIME ZONE 'UTC' AS "createdAt", c."queuedAt" AT TIME ZONE 'UTC' AS "queuedAt",
  c."offerExpiresAt" AT TIME ZONE 'UTC' AS "offerExpiresAt",
  json_build_object('id', ct."id", 'name', ct."name", 'email', ct."email", 'phone', ct."phone") AS "contact",
  json_build_object('id', ch."id", 'kind', ch."kind", 'name', ch."name", 'address', ch."address") AS "channel",
  CASE WHEN a."id" IS NULL THEN NULL ELSE json_build_object('id', a."id", 'name', a."name", 'email', a."email") END AS "assignee",
  CASE WHEN t."id" IS NULL THEN NULL ELSE json_build_object('id', t."id", 'name', t."name") END AS "team",
  CASE WHEN q."id" IS NULL THEN NULL ELSE json_build_object('id', q."id", 'name', q."name") END AS "queue",
  lm."id" AS "lastId", lm."direction"::text AS "lastDirection", lm."kind"::text AS "lastKind", lm."text" AS "lastText",
  lm."createdAt" AT TIME ZONE 'UTC' AS "lastCreatedAt",
  COALESCE((SELECT json_agg(json_build_object('metric', s."metric", 'status', s."status",
      'dueAt', s."dueAt" AT TIME ZONE 'UTC', 'warnedAt', s."warnedAt" AT TIME ZONE 'UTC',
      'breachedAt', s."breachedAt" AT TIME ZONE 'UTC', 'metAt', s."metAt" AT TIME ZONE 'UTC'))
    FROM "SlaClock" s
    WHERE s."conversationId" = c."id" AND (s."status" IN ('running', 'paused') OR (s."status" = 'breached' AND s."metAt" IS NULL))), '[]') AS "slaClocks"
FROM "Conversation" c
JOIN "Contact" ct ON ct."id" = c."contactId"
JOIN "Channel" ch ON ch."id" = c."channelId"
LEFT JOIN "Agent" a ON a."id" = c."assigneeId"
LEFT JOIN "Team" t ON t."id" = c."teamId"
LEFT JOIN "Queue" q ON q."id" = c."queueId"
LEFT JOIN LATERAL (
  SELECT m."id", m."direction", m."kind", m."text", m."createdAt" FROM "Message" m
  WHERE m."conversationId" = c."id" AND m."kind" IN ('message', 'note') ORDER BY m."createdAt" DESC LIMIT 1
) lm ON true
WHERE c."id" = $1`,
};

interface ClockJson {
  metric: string;
  status: string;
  dueAt: string | null;
  warnedAt: string | null;
  breachedAt: string | null;
  metAt: string | null;
}

type SummaryRow = Omit<ConversationWithSummary, 'messages' | 'slaClocks'> & {
  lastId: string | null;
  lastDirection: string;
  lastKind: string;
  lastText: string;
  lastCreatedAt: Date;
  slaClocks: ClockJson[];
};

const dateOrNull = (v: string | null) => (v === null ? null : new Date(v));

/** The conversation as toConversationSummary takes it; null when there is no such conversation. */
export async function loadConversationSummary(on: Db | SqlClient, conversationId: string): Promise<ConversationWithSummary | null> {
  const [row] = await sqlRows<SummaryRow>(on, summarySql, [conversationId]);
  if (!row) return null;
  const { lastId, lastDirection, lastKind, lastText, lastCreatedAt, slaClocks, ...conversation } = row;
  const messages = lastId === null ? [] : [{ id: lastId, direction: lastDirection, kind: lastKind, text: lastText, createdAt: lastCreatedAt }];
  const clocks = slaClocks.map((s) => ({ ...s, dueAt: dateOrNull(s.dueAt), warnedAt: dateOrNull(s.warnedAt), breachedAt: dateOrNull(s.breachedAt), metAt: dateOrNull(s.metAt) }));
  // The row holds exactly the columns toConversationSummary reads; the enums arrive as their text.
  return { ...conversation, messages, slaClocks: clocks } as unknown as ConversationWithSummary;
}
