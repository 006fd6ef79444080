// One inbound event with its whole payload (up to PAYLOAD_FULL_CHARS), for a supervisor who
// expands the preview the list shows.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { inboundEventViewInclude, PAYLOAD_FULL_CHARS, toInboundEventView, type InboundEventView } from './inbound-event-view.ts';

export async function getInboundEvent(db: Db, viewer: Viewer, id: string): Promise<InboundEventView> {
  requireSupervisor(viewer, 'inspect inbound events');
  const row = await db.inboundEvent.findFirst({ where: { id, workspaceId: viewer.workspaceId }, include: inboundEventViewInclude });
  if (!row) throw notFound('Inbound event');
  return toInboundEventView(row, { maxChars: PAYLOAD_FULL_CHARS });
}
