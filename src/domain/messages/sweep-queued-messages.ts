// Re-queues outbound messages stuck in `queued` (the deliver queue was unreachable when the agent
// replied), so a reply is never silently dropped.
import type { Deps } from '../../deps.ts';

export async function sweepQueuedMessages(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, opts: { staleSeconds: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - opts.staleSeconds * 1000);
  const stuck = await deps.db.message.findMany({
    where: { direction: 'out', kind: 'message', deliveryStatus: 'queued', updatedAt: { lt: before } },
    orderBy: { createdAt: 'asc' },
    take: opts.limit ?? 500,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of stuck) {
    if (await deps.queues.requeue('deliver', { messageId: id })) queued++;
  }
  if (queued > 0) deps.log.info({ count: queued }, 're-queued stuck outbound messages');
  return queued;
}
