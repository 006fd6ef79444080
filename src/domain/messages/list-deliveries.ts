// Supervisors' view of replies that have not reached the customer yet across the workspace: in
// retry after transient failures, given up on (dead letter), or 'delivery uncertain'.
import type { Db, Prisma } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { toDeliveryView } from './delivery-view.ts';

export type DeliveryState = 'retrying' | 'dead' | 'uncertain';
export type { DeliveryView } from './delivery-view.ts';

const whereState: Record<DeliveryState, Prisma.MessageWhereInput> = {
  retrying: { deliveryStatus: { in: ['queued', 'sending'] }, retryingSince: { not: null } },
  dead: { deliveryStatus: 'failed', deadLetteredAt: { not: null } },
  uncertain: { deliveryStatus: 'uncertain' },
};

export async function listDeliveries(db: Db, viewer: Viewer, query: { state: DeliveryState; limit: number }) {
  requireSupervisor(viewer, 'see deliveries across the workspace');
  const rows = await db.message.findMany({
    where: { workspaceId: viewer.workspaceId, direction: 'out', kind: 'message', ...whereState[query.state] },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: query.limit,
    include: {
      channel: { select: { id: true, name: true, kind: true } },
      conversation: { select: { id: true, subject: true, contact: { select: { id: true, name: true } } } },
    },
  });
  return rows.map(toDeliveryView);
}
