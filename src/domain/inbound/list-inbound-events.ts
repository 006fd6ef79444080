// The admin view of inbound events: the newest first, optionally of one status, for supervisors
// checking what failed to parse and why.
import type { Db, InboundStatus } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';

export async function listInboundEvents(db: Db, viewer: Viewer, query: { status?: InboundStatus; limit: number }) {
  requireSupervisor(viewer, 'inspect inbound events');
  return db.inboundEvent.findMany({
    where: { workspaceId: viewer.workspaceId, ...(query.status ? { status: query.status } : {}) },
    orderBy: { receivedAt: 'desc' },
    take: query.limit,
    select: { id: true, channelId: true, externalId: true, status: true, error: true, attempts: true, messageId: true, receivedAt: true, processedAt: true },
  });
}
