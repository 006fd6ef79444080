// Where a waiting conversation stands: its place among the conversations waiting in the same
// queue (the routing waiting list's order) and an estimated wait, the median of how long recent
// conversations of that queue waited before routing placed them with an agent.
import type { Deps } from '../../deps.ts';
import { waitingList } from '../routing/dispatch-waiting.ts';

const RECENT_HOURS = 24;
const SAMPLE = 50;
const LIST_LIMIT = 1000;

export interface WaitingEstimate {
  position: number;
  estimatedWaitSeconds: number | null;
}

export async function waitingEstimate(deps: Pick<Deps, 'db'>, input: { conversationId: string; now: Date }): Promise<WaitingEstimate | null> {
  const conv = await deps.db.conversation.findUnique({ where: { id: input.conversationId }, select: { id: true, workspaceId: true, status: true, assigneeId: true, queueId: true } });
  if (!conv || conv.status !== 'open' || conv.assigneeId !== null) return null;
  const waiting = await waitingList(deps, conv.workspaceId, LIST_LIMIT);
  const sameQueue = conv.queueId
    ? new Set((await deps.db.conversation.findMany({ where: { id: { in: waiting }, queueId: conv.queueId }, select: { id: true } })).map((c) => c.id))
    : new Set(waiting);
  const ahead = waiting.filter((id) => sameQueue.has(id));
  const index = ahead.indexOf(conv.id);
  if (index < 0) return null;
  return { position: index + 1, estimatedWaitSeconds: conv.queueId ? await medianRecentWait(deps, { workspaceId: conv.workspaceId, queueId: conv.queueId, now: input.now }) : null };
}

async function medianRecentWait(deps: Pick<Deps, 'db'>, input: { workspaceId: string; queueId: string; now: Date }): Promise<number | null> {
  const since = new Date(input.now.getTime() - RECENT_HOURS * 3_600_000);
  const rows = await deps.db.$queryRaw<{ wait: number }[]>`
    SELECT EXTRACT(EPOCH FROM (a."createdAt" - c."queuedAt"))::float8 AS wait
    FROM "AuditEvent" a
    JOIN "Conversation" c ON c.id = a."targetId"
    WHERE a."workspaceId" = ${input.workspaceId} AND a.action = 'conversation.routed' AND a."createdAt" >= ${since}
      AND c."queueId" = ${input.queueId} AND c."queuedAt" IS NOT NULL AND a."createdAt" >= c."queuedAt"
    ORDER BY a."createdAt" DESC
    LIMIT ${SAMPLE}`;
  if (rows.length === 0) return null;
  const waits = rows.map((r) => r.wait).sort((a, b) => a - b);
  const mid = Math.floor(waits.length / 2);
  const median = waits.length % 2 ? waits[mid]! : (waits[mid - 1]! + waits[mid]!) / 2;
  return Math.round(median);
}
