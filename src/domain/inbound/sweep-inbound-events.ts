// Re-queues inbound events left in `received` (Redis was down, a worker died mid-job), so that
// nothing accepted at the edge is ever lost.
import type { Deps } from '../../deps.ts';

export async function sweepInboundEvents(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, opts: { staleSeconds: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - opts.staleSeconds * 1000);
  const stale = await deps.db.inboundEvent.findMany({
    where: { status: 'received', receivedAt: { lt: before } },
    orderBy: { receivedAt: 'asc' },
    take: opts.limit ?? 500,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of stale) {
    if (await deps.queues.requeue('ingest', { inboundEventId: id })) queued++;
  }
  if (queued > 0) deps.log.info({ count: queued }, 're-queued stale inbound events');
  return queued;
}
