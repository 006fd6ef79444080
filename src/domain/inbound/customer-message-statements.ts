// The statements of the plain-SQL path for a customer's message (record-customer-message-sql.ts):
// one read of every fact the step needs, one write of everything it changes. Timestamps are
// `timestamp without time zone` holding UTC (as Prisma stores them): read `AT TIME ZONE 'UTC'`,
// written from ISO strings through `::timestamptz AT TIME ZONE 'UTC'`.
import type { Statement } from '../../db/sql.ts';

/** The same key as the Prisma path's lock, so both paths serialise on one contact and channel. */
export const lockContactChannel: Statement = { name: 'ingest_lock_contact_channel', text: 'SELECT pg_advisory_xact_lock(hashtext($1))' };

/** A batch's locks, taken in the order of the lock ids themselves: every batch takes them in the same order. */
export const lockContactChannels: Statement = {
  name: 'ingest_lock_contact_channels',
  text: 'SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext(k) AS h FROM unnest($1::text[]) AS k ORDER BY 1) s',
};

const conversationColumns = `c.id, c."workspaceId", c."contactId", c.status::text AS status, c."statusKey", c.priority::text AS priority,
  c."assigneeId", c."teamId", c.tags, c.attributes, c."queuedAt" AT TIME ZONE 'UTC' AS "queuedAt", c."slaPolicyId",
  c."firstResponseAt" AT TIME ZONE 'UTC' AS "firstResponseAt", c."waitingSince" AT TIME ZONE 'UTC' AS "waitingSince",
  c."resolvedAt" AT TIME ZONE 'UTC' AS "resolvedAt", c."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"`;

/** $1 workspace, $2 refs: the conversations of the messages a reply names, newest message first (findThread's order). */
export const referencedConversations: Statement = {
  name: 'ingest_referenced_conversations',
  text: `SELECT m."externalId" AS "ref", ${conversationColumns}
           FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
          WHERE m."workspaceId" = $1 AND m."externalId" = ANY($2::text[])
          ORDER BY m."createdAt" DESC`,
};

/**
 * $1 channel, $2 externalId, $3 workspace, $4 contact, $5 surveys answered by reply, $6 per-contact
 * threading, $7 topic, $8 topic window start. The duplicate check, the contact's latest reply
 * survey, the open status, the contact's tier, the active SLA policies with their calendars, and the
 * conversation the message would join by topic or contact (findThread's second query).
 */
const factsText = (p: (n: number) => string, from: string, ordinal = '') => `SELECT${ordinal}
    (SELECT json_build_object('id', m.id, 'conversationId', m."conversationId") FROM "Message" m WHERE m."channelId" = ${p(1)} AND m."externalId" = ${p(2)}) AS "already",
    (SELECT json_build_object('key', d.key, 'label', d.label, 'slaClock', d."slaClock") FROM "StatusDefinition" d
      WHERE d."workspaceId" = ${p(3)} AND d.category = 'open' ORDER BY d.position LIMIT 1) AS "openStatus",
    (SELECT k.tier FROM "Contact" k WHERE k.id = ${p(4)}) AS "contactTier",
    (SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'position', p.position, 'active', p.active, 'conditions', p.conditions,
              'targets', p.targets, 'calendarId', p."calendarId", 'warnBeforeSeconds', p."warnBeforeSeconds", 'escalation', p.escalation,
              'calendar', CASE WHEN b.id IS NULL THEN NULL ELSE json_build_object('timeZone', b."timeZone", 'weeklyHours', b."weeklyHours", 'holidays', b.holidays) END)
              ORDER BY p.position, p.id)
       FROM "SlaPolicy" p LEFT JOIN "BusinessCalendar" b ON b.id = p."calendarId"
      WHERE p."workspaceId" = ${p(3)} AND p.active) AS "policies",
    s.status AS "surveyStatus", s."expiresAt" AT TIME ZONE 'UTC' AS "surveyExpiresAt", s.score AS "surveyScore",
    s.comment AS "surveyComment", s."answeredAt" AT TIME ZONE 'UTC' AS "surveyAnsweredAt",
    ${conversationColumns}
  ${from}
  LEFT JOIN LATERAL (SELECT s.* FROM "CsatSurvey" s
      WHERE ${p(5)}::boolean AND s."channelId" = ${p(1)} AND s."contactId" = ${p(4)} AND s.style = 'reply' AND s."sentAt" IS NOT NULL
      ORDER BY s."sentAt" DESC LIMIT 1) s ON true
  LEFT JOIN LATERAL (SELECT * FROM "Conversation" c
      WHERE c."workspaceId" = ${p(3)} AND c."channelId" = ${p(1)} AND c."contactId" = ${p(4)}
        AND (${p(6)}::boolean OR (c.topic = ${p(7)} AND c."lastMessageAt" >= ${p(8)}::timestamptz AT TIME ZONE 'UTC'))
      ORDER BY c."lastMessageAt" DESC LIMIT 1) c ON true`;

export const customerMessageFacts: Statement = { name: 'ingest_customer_message_facts', text: factsText((n) => `$${n}`, 'FROM (SELECT 1) one') };

/**
 * The same facts for several messages at once (each of its own contact and channel), $1-$8 as
 * arrays of those parameters, one row per message with its position `n` (from 1).
 */
export const customerMessagesFacts: Statement = {
  name: 'ingest_customer_messages_facts',
  text: factsText(
    (n) => `q.p${n}`,
    'FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::boolean[], $6::boolean[], $7::text[], $8::text[]) WITH ORDINALITY AS q(p1, p2, p3, p4, p5, p6, p7, p8, n)',
    ' q.n AS "n",',
  ),
};

/** $1 conversation: its clocks as slaOnCustomerMessage reads them. */
export const conversationClocks: Statement = {
  name: 'ingest_conversation_clocks',
  text: `SELECT id, "workspaceId", "conversationId", "policyId", metric::text AS metric, key, "messageId", "targetMs", "elapsedMs",
         status::text AS status, "startedAt" AT TIME ZONE 'UTC' AS "startedAt", "runningSince" AT TIME ZONE 'UTC' AS "runningSince",
         "dueAt" AT TIME ZONE 'UTC' AS "dueAt", version, "warnedAt" AT TIME ZONE 'UTC' AS "warnedAt", "metAt" AT TIME ZONE 'UTC' AS "metAt",
         "breachedAt" AT TIME ZONE 'UTC' AS "breachedAt", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
    FROM "SlaClock" WHERE "conversationId" = $1`,
};

/** $1 event, $2 reason, $3 now, $4 the message already recorded. */
export const markEventIgnored: Statement = {
  name: 'ingest_mark_event_ignored',
  text: `UPDATE "InboundEvent" SET status = 'ignored', error = $2, "processedAt" = $3::timestamptz AT TIME ZONE 'UTC', "messageId" = $4 WHERE id = $1`,
};

const utc = (n: number) => `$${n}::timestamptz AT TIME ZONE 'UTC'`;

// Parameters shared by both writes: $1 conversation, $2 workspace, $3 channel, $4 contact, $5 message,
// $6 now, $7 wall time, $8 open status key, $9 attributes to merge, $10 SLA policy (null: keep),
// $11-$19 the message's fields, $20 attachments, $21 inbound event, $22 clocks to create,
// $23 clocks to resume, $24 timeline entries.
const writeRest = `
  msg AS (
    INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, kind, "authorContactId", subject, text, "quotedText",
                           html, "externalId", "inReplyTo", "references", "sentAt", metadata, "createdAt", "updatedAt")
    SELECT $5, $2, conv.id, $3, 'in', 'message', $4, $11, $12, $13, $14, $15, $16, $17::text[], ${utc(18)}, $19::jsonb, ${utc(7)}, ${utc(7)} FROM conv
    RETURNING id),
  att AS (
    INSERT INTO "Attachment" (id, "workspaceId", "messageId", filename, "contentType", size, sha256, "storageKey", "sourceUrl", "contentId", inline, "createdAt")
    SELECT a.id, $2, msg.id, a.filename, a."contentType", a.size, a.sha256, a."storageKey", a."sourceUrl", a."contentId", a.inline, ${utc(7)}
      FROM msg, jsonb_to_recordset($20::jsonb) AS a(id text, filename text, "contentType" text, size int, sha256 text, "storageKey" text, "sourceUrl" text, "contentId" text, inline boolean)),
  ev AS (
    UPDATE "InboundEvent" SET status = 'processed', error = NULL, "processedAt" = ${utc(6)}, "messageId" = msg.id FROM msg WHERE "InboundEvent".id = $21),
  created AS (
    INSERT INTO "SlaClock" (id, "workspaceId", "conversationId", "policyId", metric, key, "messageId", "targetMs", "elapsedMs", status,
                            "startedAt", "runningSince", "dueAt", version, "createdAt", "updatedAt")
    SELECT r.id, r."workspaceId", conv.id, r."policyId", r.metric::"SlaMetric", r.key, r."messageId", r."targetMs", r."elapsedMs", r.status::"SlaClockStatus",
           r."startedAt" AT TIME ZONE 'UTC', r."runningSince" AT TIME ZONE 'UTC', r."dueAt" AT TIME ZONE 'UTC', r.version, r."createdAt" AT TIME ZONE 'UTC', r."updatedAt" AT TIME ZONE 'UTC'
      FROM conv, jsonb_to_recordset($22::jsonb) AS r(id text, "workspaceId" text, "policyId" text, metric text, key text, "messageId" text, "targetMs" float8,
           "elapsedMs" float8, status text, "startedAt" timestamptz, "runningSince" timestamptz, "dueAt" timestamptz, version int, "createdAt" timestamptz, "updatedAt" timestamptz)),
  resumed AS (
    UPDATE "SlaClock" k SET status = 'running', "runningSince" = r."runningSince" AT TIME ZONE 'UTC', "dueAt" = r."dueAt" AT TIME ZONE 'UTC',
           "metAt" = r."metAt" AT TIME ZONE 'UTC', version = k.version + 1, "updatedAt" = r."updatedAt" AT TIME ZONE 'UTC'
      FROM jsonb_to_recordset($23::jsonb) AS r(id text, "runningSince" timestamptz, "dueAt" timestamptz, "metAt" timestamptz, "updatedAt" timestamptz)
     WHERE k.id = r.id
    RETURNING k.id, k.version),
  entries AS (
    INSERT INTO "ConversationEvent" (id, "workspaceId", "conversationId", "actorAgentId", kind, data, "createdAt")
    SELECT r.id, $2, conv.id, NULL, r.kind, r.data, r."createdAt" AT TIME ZONE 'UTC'
      FROM conv, jsonb_to_recordset($24::jsonb) AS r(id text, kind text, data jsonb, "createdAt" timestamptz))
  SELECT (SELECT number FROM conv) AS number,
         (SELECT count(*)::int FROM msg) AS "messages",
         (SELECT coalesce(json_agg(json_build_object('id', id, 'version', version)), '[]') FROM resumed) AS "resumed"`;

/** The message to an existing conversation: it is open again, waiting for an answer. */
export const writeToConversation: Statement = {
  name: 'ingest_write_to_conversation',
  text: `WITH conv AS (
    UPDATE "Conversation" c SET status = 'open', "statusKey" = $8,
           "statusChangedAt" = CASE WHEN c.status <> 'open' THEN ${utc(6)} ELSE c."statusChangedAt" END,
           "resolvedAt" = NULL, "snoozedUntil" = NULL, "lastMessageAt" = ${utc(6)}, "lastInboundAt" = ${utc(6)},
           "waitingSince" = COALESCE(c."waitingSince", ${utc(6)}), "messageCount" = c."messageCount" + 1,
           attributes = c.attributes || $9::jsonb, "slaPolicyId" = COALESCE($10, c."slaPolicyId"), "updatedAt" = ${utc(7)}
     WHERE c.id = $1 AND c."workspaceId" = $2
    RETURNING c.id, c.number),${writeRest}`,
};

/** The first message of a new conversation, numbered from the workspace's sequence ($25 its topic). */
export const writeNewConversation: Statement = {
  name: 'ingest_write_new_conversation',
  text: `WITH ws AS (
    UPDATE "Workspace" SET "conversationSeq" = "conversationSeq" + 1, "updatedAt" = ${utc(7)} WHERE id = $2 RETURNING "conversationSeq"),
  conv AS (
    INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", subject, topic, status, "statusKey", "statusChangedAt",
                                "lastMessageAt", "lastInboundAt", "waitingSince", "messageCount", attributes, "slaPolicyId", "createdAt", "updatedAt")
    SELECT $1, $2, ws."conversationSeq", $3, $4, $11, $25, 'open', $8, ${utc(7)}, ${utc(6)}, ${utc(6)}, ${utc(6)}, 1, $9::jsonb, $10, ${utc(7)}, ${utc(7)} FROM ws
    RETURNING id, number),${writeRest}`,
};
