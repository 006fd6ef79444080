// Conversation summaries (the inbox row: customer, channel, assignee, team, queue, newest message,
// live SLA clocks, unread for the viewer) in one plain-SQL statement, for the list and search.
// Through Prisma the same page took a statement per relation plus one for the read markers, and
// Prisma's interpreter; here the joins and a lateral newest message are one round trip. Dates
// come back as timestamptz (Prisma keeps UTC `timestamp`s) or, inside JSON, as epoch ms.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import type { ClockSnapshot } from '../sla/sla-state.ts';
import { toConversationSummary, type ConversationSummary, type SummarySource } from './conversation-view.ts';

const utc = (column: string) => `(c."${column}" AT TIME ZONE 'UTC') AS "${column}"`;

const newestFirst = 'ORDER BY c."lastMessageAt" DESC, c.id DESC';

/**
 * The page is picked first (`pick`: WHERE over the Conversation alias `c`, newest activity first,
 * `limit` rows), so the joins and the lateral newest message run for the page's rows only.
 * Exported for test/bench/explain.ts.
 */
export function summarySelect(viewerParam: string, pick: string, limitParam: string): string {
  return `SELECT c.id, c.number, c.status::text AS status, c.priority::text AS priority, c.subject, c."messageCount", c."statusKey", c.tags, c."snoozeReason",
            c."routingStep", c."offeredAgentId",
            ${['lastMessageAt', 'lastInboundAt', 'waitingSince', 'firstResponseAt', 'snoozedUntil', 'resolvedAt', 'createdAt', 'queuedAt', 'offerExpiresAt'].map(utc).join(', ')},
            (SELECT json_build_object('id', ct.id, 'name', ct.name, 'email', ct.email, 'phone', ct.phone) FROM "Contact" ct WHERE ct.id = c."contactId") AS contact,
            json_build_object('id', ch.id, 'kind', ch.kind, 'name', ch.name, 'address', ch.address) AS channel,
            CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name, 'email', a.email) END AS assignee,
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object('id', t.id, 'name', t.name) END AS team,
            CASE WHEN q.id IS NULL THEN NULL ELSE json_build_object('id', q.id, 'name', q.name) END AS queue,
            lm.id AS "lastId", lm.direction::text AS "lastDirection", lm.kind::text AS "lastKind", lm.text AS "lastText",
            (lm."createdAt" AT TIME ZONE 'UTC') AS "lastCreatedAt",
            (SELECT coalesce(json_agg(json_build_object('metric', k.metric, 'status', k.status,
                      'dueAt', extract(epoch FROM k."dueAt") * 1000, 'warnedAt', extract(epoch FROM k."warnedAt") * 1000,
                      'breachedAt', extract(epoch FROM k."breachedAt") * 1000, 'metAt', extract(epoch FROM k."metAt") * 1000) ORDER BY k.id), '[]')
             FROM "SlaClock" k
             WHERE k."conversationId" = c.id AND (k.status IN ('running', 'paused') OR (k.status = 'breached' AND k."metAt" IS NULL))) AS clocks,
            (r."lastReadAt" AT TIME ZONE 'UTC') AS "lastReadAt"
          FROM (SELECT * FROM "Conversation" c WHERE ${pick} ${newestFirst} LIMIT ${limitParam}) c
          JOIN "Channel" ch ON ch.id = c."channelId"
          LEFT JOIN "Agent" a ON a.id = c."assigneeId"
          LEFT JOIN "Team" t ON t.id = c."teamId"
          LEFT JOIN "Queue" q ON q.id = c."queueId"
          LEFT JOIN "ConversationRead" r ON r."conversationId" = c.id AND r."agentId" = ${viewerParam}
          LEFT JOIN LATERAL (
            SELECT m.id, m.direction, m.kind, m.text, m."createdAt" FROM "Message" m
            WHERE m."conversationId" = c.id AND m.kind IN ('message', 'note')
            ORDER BY m."createdAt" DESC LIMIT 1
          ) lm ON true
          ${newestFirst}`;
}

type Clock = { [K in keyof ClockSnapshot]: K extends 'metric' | 'status' ? ClockSnapshot[K] : number | null };

export type SummaryRow = Omit<SummarySource, 'messages' | 'slaClocks'> & {
  lastId: string | null;
  lastDirection: string | null;
  lastKind: string | null;
  lastText: string | null;
  lastCreatedAt: Date | null;
  clocks: Clock[];
  lastReadAt: Date | null;
};

const dateOf = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)));

/** A row as the API shows it: the summary, and unread when the customer wrote after the viewer last read. */
export function toSummaryWithUnread(row: SummaryRow): ConversationSummary & { unread: boolean } {
  const { lastId, lastDirection, lastKind, lastText, lastCreatedAt, clocks, lastReadAt, ...c } = row;
  const messages = lastId === null ? [] : [{ id: lastId, direction: lastDirection, kind: lastKind, text: lastText!, createdAt: lastCreatedAt! }] as SummarySource['messages'];
  const slaClocks = clocks.map((k) => ({ metric: k.metric, status: k.status, dueAt: dateOf(k.dueAt), warnedAt: dateOf(k.warnedAt), breachedAt: dateOf(k.breachedAt), metAt: dateOf(k.metAt) }));
  const unread = c.lastInboundAt !== null && c.lastInboundAt.getTime() > (lastReadAt?.getTime() ?? -Infinity);
  return { ...toConversationSummary({ ...c, messages, slaClocks } as SummarySource), unread };
}

/**
 * Summaries of the newest `limit` conversations `where` picks, newest activity first; `values`
 * holds the parameters `where` binds, and the viewer's agent id at `viewerParam`.
 */
export async function loadSummaries(db: Db, input: { viewerParam: string; where: string; limit: number; values: unknown[] }): Promise<SummaryRow[]> {
  const values = [...input.values, input.limit];
  return sqlRows<SummaryRow>(db, { text: summarySelect(input.viewerParam, input.where, `$${values.length}`) }, values);
}
