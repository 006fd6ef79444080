// Places waiting conversations when capacity frees or an agent comes online, in waiting-list order:
// priority first, then the soonest SLA due time, then arrival.
import type { Deps } from '../../deps.ts';
import { routeConversation } from './route-conversation.ts';

export async function waitingList(deps: Pick<Deps, 'db'>, workspaceId: string, limit: number): Promise<string[]> {
  const rows = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT c.id
    FROM "Conversation" c
    LEFT JOIN LATERAL (
      SELECT MIN(k."dueAt") AS due FROM "SlaClock" k WHERE k."conversationId" = c.id AND k.status = 'running'
    ) sla ON true
    WHERE c."workspaceId" = ${workspaceId} AND c.status = 'open' AND c."assigneeId" IS NULL
      AND (c."offerExpiresAt" IS NULL OR c."offerExpiresAt" <= now())
    ORDER BY CASE c.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
             sla.due ASC NULLS LAST, c."queuedAt" ASC, c.id ASC
    LIMIT ${limit}`;
  return rows.map((r) => r.id);
}

export async function dispatchWaiting(deps: Deps, workspaceId: string, opts: { limit?: number } = {}): Promise<{ tried: number; placed: number }> {
  const ids = await waitingList(deps, workspaceId, opts.limit ?? 200);
  let placed = 0;
  for (const id of ids) {
    const outcome = await routeConversation(deps, { conversationId: id });
    if (outcome.status === 'assigned' || outcome.status === 'offered') placed++;
  }
  return { tried: ids.length, placed };
}

/** Asks the route worker to dispatch soon; failures are logged (the periodic dispatch catches up). */
export async function requestDispatch(deps: Pick<Deps, 'queues' | 'log'>, workspaceId: string): Promise<void> {
  await deps.queues.enqueue('route', { kind: 'dispatch', workspaceId }).catch((err: unknown) => deps.log.warn({ err, workspaceId }, 'could not queue a dispatch'));
}

export async function requestRouting(deps: Pick<Deps, 'queues' | 'log'>, conversationId: string, reason: 'new' | 'reroute' = 'new'): Promise<void> {
  const token = reason === 'reroute' ? String(Date.now()) : undefined;
  await deps.queues.enqueue('route', { kind: 'conversation', conversationId, reason, token }).catch((err: unknown) => deps.log.warn({ err, conversationId }, 'could not queue routing'));
}
