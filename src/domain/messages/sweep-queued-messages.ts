// Re-queues outbound messages stuck in `queued` (the deliver queue was unreachable when the agent
// replied) or long in `sending` (the worker died mid-send and its job is gone), so a reply is never
// silently dropped. The deliver step asks the provider about an interrupted send where it can.
import type { Deps } from '../../deps.ts';

/** A send takes seconds; one `sending` for this long was interrupted. */
export const INTERRUPTED_SEND_SECONDS = 600;

export async function sweepQueuedMessages(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, opts: { staleSeconds: number; limit?: number }): Promise<number> {
  const now = deps.clock.now().getTime();
  const before = new Date(now - opts.staleSeconds * 1000);
  const interrupted = new Date(now - Math.max(opts.staleSeconds, INTERRUPTED_SEND_SECONDS) * 1000);
  const stuck = await deps.db.message.findMany({
    where: {
      direction: 'out',
      kind: 'message',
      OR: [
        { deliveryStatus: 'queued', updatedAt: { lt: before } },
        { deliveryStatus: 'sending', updatedAt: { lt: interrupted } },
      ],
    },
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
