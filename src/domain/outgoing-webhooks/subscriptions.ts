// Which event types a workspace's active endpoints subscribe to, kept per process for a few
// seconds: every realtime event and every contact change asks, and most workspaces have no endpoint.
import type { Db, Tx } from '../../db/client.ts';

/** How long a process trusts what it read of a workspace's subscriptions: another process's new or changed endpoint gets events within this. */
export const SUBSCRIPTIONS_TTL_MS = 5_000;

/**
 * The event types some active endpoint of a workspace subscribes to, read at most once per TTL per
 * process (most workspaces have no endpoint, and every realtime event would otherwise cost a
 * query). A change made in this process is seen at once (forgetSubscriptions).
 */
const known = new Map<string, { until: number; types: Promise<Set<string>> }>();

export function forgetSubscriptions(workspaceId: string): void {
  known.delete(workspaceId);
}

export function subscribedTypes(db: Db | Tx, workspaceId: string, now = Date.now()): Promise<Set<string>> {
  const hit = known.get(workspaceId);
  if (hit && hit.until > now) return hit.types;
  const types = db.webhookEndpoint
    .findMany({ where: { workspaceId, active: true }, select: { events: true } })
    .then((rows) => new Set(rows.flatMap((r) => r.events)));
  // A failed read is not remembered: the next event asks again.
  types.catch(() => known.delete(workspaceId));
  known.set(workspaceId, { until: now + SUBSCRIPTIONS_TTL_MS, types });
  return types;
}

