// Tells the workspace's supervisors that an inbound event failed or was refused (their nav badge
// and the failed events page follow it live).
import type { Deps } from '../../deps.ts';

export async function publishInboundFailure(deps: Pick<Deps, 'db' | 'publisher'>, inboundEventId: string): Promise<void> {
  const e = await deps.db.inboundEvent.findUnique({ where: { id: inboundEventId }, select: { id: true, workspaceId: true, channelId: true, status: true, error: true, processedAt: true, receivedAt: true } });
  if (!e || (e.status !== 'failed' && e.status !== 'rejected')) return;
  deps.publisher.publishToSupervisors(e.workspaceId, 'inbound.failed', { id: e.id, channelId: e.channelId, status: e.status, error: e.error, at: (e.processedAt ?? e.receivedAt).toISOString() });
}
