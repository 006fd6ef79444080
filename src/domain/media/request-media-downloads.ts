// Queues the download of a message's provider-hosted files (attachments with a source URL and no
// stored bytes yet). If Redis is away the media sweep queues them later.
import type { Deps } from '../../deps.ts';

export async function requestMediaDownloads(deps: Pick<Deps, 'db' | 'queues' | 'log'>, messageId: string): Promise<number> {
  const pending = await deps.db.attachment.findMany({ where: { messageId, storageKey: null, sourceUrl: { not: null }, fetchError: null }, select: { id: true } });
  let queued = 0;
  for (const { id } of pending) {
    try {
      await deps.queues.enqueue('media', { attachmentId: id });
      queued++;
    } catch (err) {
      deps.log.warn({ err, attachmentId: id }, 'media queue unavailable; the sweep will queue this download');
    }
  }
  return queued;
}

/** Re-queues downloads that never reached a worker (Redis was down), like the inbound sweep. */
export async function sweepPendingMedia(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, opts: { staleSeconds: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - opts.staleSeconds * 1000);
  const stale = await deps.db.attachment.findMany({
    where: { storageKey: null, sourceUrl: { not: null }, fetchError: null, createdAt: { lt: before } },
    orderBy: { createdAt: 'asc' },
    take: opts.limit ?? 200,
    select: { id: true },
  });
  let queued = 0;
  for (const { id } of stale) {
    if (await deps.queues.requeue('media', { attachmentId: id })) queued++;
  }
  if (queued > 0) deps.log.info({ count: queued }, 're-queued pending media downloads');
  return queued;
}
