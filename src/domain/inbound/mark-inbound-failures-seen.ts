// A supervisor has looked at the failed inbound events: the badge counts only newer ones.
import type { Deps } from '../../deps.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import type { InboundFailuresUnseen } from './inbound-event-view.ts';

export async function markInboundFailuresSeen(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer): Promise<InboundFailuresUnseen> {
  requireSupervisor(viewer, 'inspect inbound events');
  const seenAt = deps.clock.now();
  await deps.db.inboundReview.upsert({ where: { agentId: viewer.agentId }, create: { agentId: viewer.agentId, seenAt }, update: { seenAt } });
  return { count: 0, seenAt: seenAt.toISOString() };
}
