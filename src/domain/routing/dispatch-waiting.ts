// Places waiting conversations when capacity frees or an agent comes online, in waiting-list order:
// priority first, then the soonest SLA due time, then arrival.
import type { Deps } from '../../deps.ts';
import { publishAssignments } from './publish-assignments.ts';
import { commitBatch } from './route-batch.ts';
import { MAX_BATCH } from './route-batcher.ts';

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

/**
 * Drains the waiting list in batches (route-batch.ts) from the top, pass after pass while a pass
 * places anyone: a pass that places nobody means the rest has no room either.
 */
export async function dispatchWaiting(deps: Deps, workspaceId: string, opts: { limit?: number } = {}): Promise<{ tried: number; placed: number }> {
  const limit = opts.limit ?? MAX_BATCH;
  let tried = 0;
  let placed = 0;
  // One pass's publishing runs while the next pass decides (it holds no lock).
  let publishing: Promise<void> = Promise.resolve();
  // Ends: every pass that goes on placed someone, and the list is finite.
  for (;;) {
    const ids = await waitingList(deps, workspaceId, limit);
    const outcomes = await commitBatch(deps, ids.map((conversationId) => ({ conversationId })), 'waiting');
    await publishing;
    publishing = publishAssignments(deps, outcomes);
    const placedNow = outcomes.filter((o) => o.status === 'assigned' || o.status === 'offered').length;
    tried += ids.length;
    placed += placedNow;
    if (placedNow === 0 || ids.length < limit) {
      await publishing;
      return { tried, placed };
    }
  }
}

/** Asks the route worker to dispatch soon; failures are logged (the periodic dispatch catches up). */
export async function requestDispatch(deps: Pick<Deps, 'queues' | 'log'>, workspaceId: string): Promise<void> {
  await deps.queues.enqueue('route', { kind: 'dispatch', workspaceId }).catch((err: unknown) => deps.log.warn({ err, workspaceId }, 'could not queue a dispatch'));
}

export async function requestRouting(deps: Pick<Deps, 'queues' | 'log'>, conversationId: string, reason: 'new' | 'reroute' = 'new'): Promise<void> {
  const token = reason === 'reroute' ? String(Date.now()) : undefined;
  await deps.queues.enqueue('route', { kind: 'conversation', conversationId, reason, token }).catch((err: unknown) => deps.log.warn({ err, conversationId }, 'could not queue routing'));
}
