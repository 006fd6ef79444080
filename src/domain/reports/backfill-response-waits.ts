// Derives ResponseWait rows from a workspace's messages, for conversations written before replies
// recorded their waits (and for data seeded straight into the tables: the bench, tests). The same
// rule as queue-reply.ts: an agent reply after the conversation's first agent reply ends the wait
// that began with the first customer message since the previous agent reply. Idempotent (one row
// per reply message). Migration 20261204160000_reports ran this once over every workspace.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';

export const backfillResponseWaitsStatement = {
  text: `WITH msgs AS (
    SELECT m.id, m."workspaceId", m."conversationId", m."createdAt", m.direction, m."authorAgentId",
           (m.direction = 'out' AND m."authorAgentId" IS NOT NULL) AS reply
    FROM "Message" m WHERE m."workspaceId" = $1 AND m.kind = 'message'
  ), runs AS (
    SELECT *, coalesce(count(*) FILTER (WHERE reply) OVER (PARTITION BY "conversationId" ORDER BY "createdAt", id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS grp FROM msgs
  ), waits AS (
    SELECT "workspaceId", "conversationId", min("createdAt") FILTER (WHERE direction = 'in') AS "waitedFrom",
           (array_agg(id ORDER BY "createdAt" DESC, id DESC) FILTER (WHERE reply))[1] AS "messageId",
           max("createdAt") FILTER (WHERE reply) AS "answeredAt", max("authorAgentId") FILTER (WHERE reply) AS "agentId"
    FROM runs WHERE grp > 0 GROUP BY "workspaceId", "conversationId", grp
  ), inserted AS (
    INSERT INTO "ResponseWait" (id, "workspaceId", "conversationId", "messageId", "agentId", "waitedFrom", "answeredAt")
    SELECT gen_random_uuid()::text, "workspaceId", "conversationId", "messageId", "agentId", "waitedFrom", "answeredAt"
    FROM waits WHERE "waitedFrom" IS NOT NULL AND "messageId" IS NOT NULL
    ON CONFLICT ("messageId") DO NOTHING
    RETURNING 1
  )
  SELECT count(*)::int AS n FROM inserted`,
};

export async function backfillResponseWaits(db: Db, workspaceId: string): Promise<number> {
  const [row] = await sqlRows<{ n: number }>(db, backfillResponseWaitsStatement, [workspaceId]);
  return row?.n ?? 0;
}
