// Conversations with everything their summary shows (conversationSummaryInclude), in one SQL
// statement instead of Prisma's one query per relation and its interpreter: published after every
// inbound message, assignment (a routing batch at once) and status change, so it is on the hot
// path of ingest and routing. toConversationSummary makes the same summary of these rows as of
// Prisma's (test/integration/conversations/load-views.test.ts and routing/batch-routing.test.ts).
import pg from 'pg';
import { poolOf, type Db } from '../../db/client.ts';
import type { ConversationWithSummary } from './conversation-view.ts';

const summaries = {
  name: 'conversation-summaries-v1',
  text: `SELECT c.*,
      json_build_object('id', k.id, 'name', k.name, 'email', k.email, 'phone', k.phone) AS contact,
      json_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'address', ch.address) AS channel,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name, 'email', a.email) END AS assignee,
      CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
      CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object('id', q.id, 'name', q.name) END AS queue,
      COALESCE((SELECT json_agg(json_build_object('id', m.id, 'direction', m.direction, 'kind', m.kind, 'text', m.text, 'createdAt', m."createdAt"))
        FROM (SELECT id, direction, kind, text, "createdAt" FROM "Message" WHERE "conversationId" = c.id AND kind IN ('message', 'note') ORDER BY "createdAt" DESC LIMIT 1) m), '[]'::json) AS messages,
      COALESCE((SELECT json_agg(json_build_object('metric', s.metric, 'status', s.status, 'dueAt', s."dueAt", 'warnedAt', s."warnedAt", 'breachedAt', s."breachedAt", 'metAt', s."metAt"))
        FROM "SlaClock" s WHERE s."conversationId" = c.id AND (s.status IN ('running', 'paused') OR (s.status = 'breached' AND s."metAt" IS NULL))), '[]'::json) AS "slaClocks"
    FROM "Conversation" c
    JOIN "Contact" k ON k.id = c."contactId"
    JOIN "Channel" ch ON ch.id = c."channelId"
    LEFT JOIN "Agent" a ON a.id = c."assigneeId"
    LEFT JOIN "Team" t ON t.id = c."teamId"
    LEFT JOIN "Queue" q ON q.id = c."queueId"
    WHERE c.id = ANY($1::text[])`,
};

const TIMESTAMP_OID = 1114;
/** The columns are `timestamp` without zone holding UTC (as Prisma writes them). */
const utc = (v: string) => new Date(`${v.replace(' ', 'T')}Z`);
const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === TIMESTAMP_OID ? utc : pg.types.getTypeParser(oid, format ?? 'text')) };

interface JsonDates {
  messages: (Omit<ConversationWithSummary['messages'][number], 'createdAt'> & { createdAt: string })[];
  slaClocks: (Record<'dueAt' | 'warnedAt' | 'breachedAt' | 'metAt', string | null> & Pick<ConversationWithSummary['slaClocks'][number], 'metric' | 'status'>)[];
}

export async function loadSummaryRows(db: Db, ids: readonly string[]): Promise<ConversationWithSummary[]> {
  const res = await poolOf(db).query<Omit<ConversationWithSummary, 'messages' | 'slaClocks'> & JsonDates>({ ...summaries, values: [ids], types });
  const date = (v: string | null) => (v === null ? null : utc(v));
  return res.rows.map((r) => ({
    ...r,
    messages: r.messages.map((m) => ({ ...m, createdAt: utc(m.createdAt) })),
    slaClocks: r.slaClocks.map((s) => ({ ...s, dueAt: date(s.dueAt), warnedAt: date(s.warnedAt), breachedAt: date(s.breachedAt), metAt: date(s.metAt) })),
  }));
}

/** One conversation as toConversationSummary takes it; null when there is no such conversation. */
export async function loadConversationSummary(db: Db, conversationId: string): Promise<ConversationWithSummary | null> {
  return (await loadSummaryRows(db, [conversationId]))[0] ?? null;
}
