// The outbox's safety net: pending deliveries whose next attempt is due but that no job carries
// (Redis was away when they were recorded, an event written inside a transaction, a job lost)
// are queued again. A delivery whose job is waiting, delayed or running is left to it.
import type { Deps } from '../../deps.ts';

const BATCH = 500;

export async function sweepWebhookDeliveries(deps: Pick<Deps, 'db' | 'queues' | 'clock'>, opts: { graceSeconds: number }): Promise<{ queued: number }> {
  const due = new Date(deps.clock.now().getTime() - opts.graceSeconds * 1000);
  const rows = await deps.db.webhookDelivery.findMany({ where: { status: 'pending', nextAttemptAt: { lte: due } }, orderBy: { nextAttemptAt: 'asc' }, take: BATCH, select: { id: true } });
  let queued = 0;
  for (const r of rows) if (await deps.queues.requeue('webhook', { deliveryId: r.id })) queued++;
  return { queued };
}
