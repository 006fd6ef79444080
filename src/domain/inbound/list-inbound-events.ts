// The supervisor view of inbound events: the newest first, optionally of one status, for checking
// what failed to parse or was refused and why; each with its channel and a preview of its payload.
import type { Db, InboundStatus } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { inboundEventViewInclude, PAYLOAD_PREVIEW_CHARS, toInboundEventView, type InboundEventView } from './inbound-event-view.ts';

export async function listInboundEvents(db: Db, viewer: Viewer, query: { status?: InboundStatus; limit: number }): Promise<InboundEventView[]> {
  requireSupervisor(viewer, 'inspect inbound events');
  const rows = await db.inboundEvent.findMany({
    where: { workspaceId: viewer.workspaceId, ...(query.status ? { status: query.status } : {}) },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: query.limit,
    include: inboundEventViewInclude,
  });
  return rows.map((e) => toInboundEventView(e, { maxChars: PAYLOAD_PREVIEW_CHARS }));
}
