// Re-processing an inbound event after a fix: back to `received`, audited, and queued for ingest
// (or left for the sweeper when the queue is down).
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { enqueueIngest } from './accept-inbound-event.ts';

export async function retryInboundEvent(deps: Pick<Deps, 'db' | 'queues' | 'log'>, viewer: Viewer, inboundEventId: string) {
  requireSupervisor(viewer, 're-process inbound events');
  const event = await deps.db.inboundEvent.findFirst({ where: { id: inboundEventId, workspaceId: viewer.workspaceId } });
  if (!event) throw notFound('Inbound event');
  if (event.status === 'processed') throw new AppError('conflict', 'This event was processed already');
  if (event.status === 'rejected') throw new AppError('conflict', 'This request failed verification; it is kept for inspection and cannot be processed');
  await deps.db.inboundEvent.update({ where: { id: event.id }, data: { status: 'received', error: null, processedAt: null } });
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'inbound_event.retry', targetType: 'inbound_event', targetId: event.id });
  await deps.queues.requeue('ingest', { inboundEventId: event.id }).catch(() => enqueueIngest(deps, event.id));
  return { id: event.id, status: 'received' as const };
}
