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


/** $1 event, $2 reason, $3 now, $4 the message already recorded. */
export const markEventIgnored: Statement = {
  name: 'ingest_mark_event_ignored',
  text: `UPDATE "InboundEvent" SET status = 'ignored', error = $2, "processedAt" = $3::timestamptz AT TIME ZONE 'UTC', "messageId" = $4 WHERE id = $1`,
};

/** $1 conversations: their clocks as slaOnCustomerMessage reads them, for a batch's messages at once. */
export const conversationsClocks: Statement = {
  name: 'ingest_conversations_clocks',
  text: `SELECT id, "workspaceId", "conversationId", "policyId", metric::text AS metric, key, "messageId", "targetMs", "elapsedMs",
         status::text AS status, "startedAt" AT TIME ZONE 'UTC' AS "startedAt", "runningSince" AT TIME ZONE 'UTC' AS "runningSince",
         "dueAt" AT TIME ZONE 'UTC' AS "dueAt", version, "warnedAt" AT TIME ZONE 'UTC' AS "warnedAt", "metAt" AT TIME ZONE 'UTC' AS "metAt",
         "breachedAt" AT TIME ZONE 'UTC' AS "breachedAt", "createdAt" AT TIME ZONE 'UTC' AS "createdAt", "updatedAt" AT TIME ZONE 'UTC' AS "updatedAt"
    FROM "SlaClock" WHERE "conversationId" = ANY($1::text[])`,
};

// The writes take $1, a JSON array of WriteRecords (customer-message-rows.ts), one per message, each
// to its own conversation, and give back one row per record: its position `n`, its conversation's
// number (null when the conversation is gone), whether its message was written, and the clocks it
// resumed with their new versions. One message alone is a batch of one.
const records = `r AS (
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(n int, "conversationId" text, "workspaceId" text, "channelId" text, "contactId" text,
      "messageId" text, now timestamptz, wall timestamptz, "statusKey" text, attributes jsonb, "policyId" text, topic text, subject text,
      text text, "quotedText" text, html text, "externalId" text, "inReplyTo" text, "references" text[], "sentAt" timestamptz, metadata jsonb,
      attachments jsonb, "inboundEventId" text, created jsonb, resumed jsonb, entries jsonb))`;

const writeRest = `
  msg AS (
    INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, kind, "authorContactId", subject, text, "quotedText",
                           html, "externalId", "inReplyTo", "references", "sentAt", metadata, "createdAt", "updatedAt")
    SELECT r."messageId", r."workspaceId", conv.id, r."channelId", 'in', 'message', r."contactId", r.subject, r.text, r."quotedText", r.html,
           r."externalId", r."inReplyTo", r."references", r."sentAt" AT TIME ZONE 'UTC', r.metadata, r.wall AT TIME ZONE 'UTC', r.wall AT TIME ZONE 'UTC'
      FROM r JOIN conv ON conv.id = r."conversationId"
    RETURNING id),
  att AS (
    INSERT INTO "Attachment" (id, "workspaceId", "messageId", filename, "contentType", size, sha256, "storageKey", "sourceUrl", "contentId", inline, "createdAt")
    SELECT a.id, r."workspaceId", msg.id, a.filename, a."contentType", a.size, a.sha256, a."storageKey", a."sourceUrl", a."contentId", a.inline, r.wall AT TIME ZONE 'UTC'
      FROM r JOIN msg ON msg.id = r."messageId",
           jsonb_to_recordset(r.attachments) AS a(id text, filename text, "contentType" text, size int, sha256 text, "storageKey" text, "sourceUrl" text, "contentId" text, inline boolean)),
  ev AS (
    UPDATE "InboundEvent" e SET status = 'processed', error = NULL, "processedAt" = r.now AT TIME ZONE 'UTC', "messageId" = msg.id
      FROM r JOIN msg ON msg.id = r."messageId" WHERE e.id = r."inboundEventId"),
  created AS (
    INSERT INTO "SlaClock" (id, "workspaceId", "conversationId", "policyId", metric, key, "messageId", "targetMs", "elapsedMs", status,
                            "startedAt", "runningSince", "dueAt", version, "createdAt", "updatedAt")
    SELECT k.id, k."workspaceId", conv.id, k."policyId", k.metric::"SlaMetric", k.key, k."messageId", k."targetMs", k."elapsedMs", k.status::"SlaClockStatus",
           k."startedAt" AT TIME ZONE 'UTC', k."runningSince" AT TIME ZONE 'UTC', k."dueAt" AT TIME ZONE 'UTC', k.version, k."createdAt" AT TIME ZONE 'UTC', k."updatedAt" AT TIME ZONE 'UTC'
      FROM r JOIN conv ON conv.id = r."conversationId",
           jsonb_to_recordset(r.created) AS k(id text, "workspaceId" text, "policyId" text, metric text, key text, "messageId" text, "targetMs" float8,
           "elapsedMs" float8, status text, "startedAt" timestamptz, "runningSince" timestamptz, "dueAt" timestamptz, version int, "createdAt" timestamptz, "updatedAt" timestamptz)),
  resumed AS (
    UPDATE "SlaClock" k SET status = 'running', "runningSince" = x."runningSince" AT TIME ZONE 'UTC', "dueAt" = x."dueAt" AT TIME ZONE 'UTC',
           "metAt" = x."metAt" AT TIME ZONE 'UTC', version = k.version + 1, "updatedAt" = x."updatedAt" AT TIME ZONE 'UTC'
      FROM (SELECT r.n, x.* FROM r JOIN conv ON conv.id = r."conversationId",
                   jsonb_to_recordset(r.resumed) AS x(id text, "runningSince" timestamptz, "dueAt" timestamptz, "metAt" timestamptz, "updatedAt" timestamptz)) x
     WHERE k.id = x.id
    RETURNING x.n, k.id, k.version),
  entries AS (
    INSERT INTO "ConversationEvent" (id, "workspaceId", "conversationId", "actorAgentId", kind, data, "createdAt")
    SELECT e.id, r."workspaceId", conv.id, NULL, e.kind, e.data, e."createdAt" AT TIME ZONE 'UTC'
      FROM r JOIN conv ON conv.id = r."conversationId", jsonb_to_recordset(r.entries) AS e(id text, kind text, data jsonb, "createdAt" timestamptz))
  SELECT r.n, conv.number,
         (SELECT count(*)::int FROM msg WHERE msg.id = r."messageId") AS "messages",
         (SELECT coalesce(json_agg(json_build_object('id', v.id, 'version', v.version)), '[]') FROM resumed v WHERE v.n = r.n) AS "resumed"
    FROM r LEFT JOIN conv ON conv.id = r."conversationId"`;

/** Messages to existing conversations: each is open again, waiting for an answer. */
export const writeToConversations: Statement = {
  name: 'ingest_write_to_conversations',
  text: `WITH ${records},
  conv AS (
    UPDATE "Conversation" c SET status = 'open', "statusKey" = r."statusKey",
           "statusChangedAt" = CASE WHEN c.status <> 'open' THEN r.now AT TIME ZONE 'UTC' ELSE c."statusChangedAt" END,
           "resolvedAt" = NULL, "snoozedUntil" = NULL, "lastMessageAt" = r.now AT TIME ZONE 'UTC', "lastInboundAt" = r.now AT TIME ZONE 'UTC',
           "waitingSince" = COALESCE(c."waitingSince", r.now AT TIME ZONE 'UTC'), "messageCount" = c."messageCount" + 1,
           attributes = c.attributes || r.attributes, "slaPolicyId" = COALESCE(r."policyId", c."slaPolicyId"), "updatedAt" = r.wall AT TIME ZONE 'UTC'
      FROM r
     WHERE c.id = r."conversationId" AND c."workspaceId" = r."workspaceId"
    RETURNING c.id, c.number),${writeRest}`,
};

/** The first messages of new conversations, numbered from their workspace's sequence in the records' order. */
export const writeNewConversations: Statement = {
  name: 'ingest_write_new_conversations',
  text: `WITH ${records},
  ws AS (
    UPDATE "Workspace" w SET "conversationSeq" = w."conversationSeq" + x.k, "updatedAt" = x.wall AT TIME ZONE 'UTC'
      FROM (SELECT "workspaceId", count(*)::int AS k, max(wall) AS wall FROM r GROUP BY 1) x
     WHERE w.id = x."workspaceId"
    RETURNING w.id, w."conversationSeq" - x.k AS base),
  conv AS (
    INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", subject, topic, status, "statusKey", "statusChangedAt",
                                "lastMessageAt", "lastInboundAt", "waitingSince", "messageCount", attributes, "slaPolicyId", "createdAt", "updatedAt")
    SELECT r."conversationId", r."workspaceId", ws.base + row_number() OVER (PARTITION BY r."workspaceId" ORDER BY r.n), r."channelId", r."contactId",
           r.subject, r.topic, 'open', r."statusKey", r.wall AT TIME ZONE 'UTC', r.now AT TIME ZONE 'UTC', r.now AT TIME ZONE 'UTC', r.now AT TIME ZONE 'UTC',
           1, r.attributes, r."policyId", r.wall AT TIME ZONE 'UTC', r.wall AT TIME ZONE 'UTC'
      FROM r JOIN ws ON ws.id = r."workspaceId"
    RETURNING id, number),${writeRest}`,
};
