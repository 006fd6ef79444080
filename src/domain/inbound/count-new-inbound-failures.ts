// How many inbound events failed or were refused since this supervisor last looked at them: the
// number on the nav's badge.
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import type { InboundFailuresUnseen } from './inbound-event-view.ts';

export async function countNewInboundFailures(db: Db, viewer: Viewer): Promise<InboundFailuresUnseen> {
  requireSupervisor(viewer, 'inspect inbound events');
  const review = await db.inboundReview.findUnique({ where: { agentId: viewer.agentId } });
  const count = await db.inboundEvent.count({
    where: {
      workspaceId: viewer.workspaceId,
      status: { in: ['failed', 'rejected'] },
      // Both are stamped with processedAt when they fail or are refused.
      ...(review ? { processedAt: { gt: review.seenAt } } : {}),
    },
  });
  return { count, seenAt: review?.seenAt.toISOString() ?? null };
}
