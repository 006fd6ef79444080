// An inbound event that could not be processed: marked failed with the reason (kept for a
// supervisor to inspect and retry), and supervisors hear of it at once.
import type { Deps } from '../../deps.ts';
import { cleanText } from './clean-for-postgres.ts';
import { publishInboundFailure } from './publish-inbound-failure.ts';

/** `onlyIfReceived`: leave it alone if something else already settled it (the ingest job's last attempt). */
export async function markInboundFailed(deps: Pick<Deps, 'db' | 'clock' | 'publisher'>, input: { inboundEventId: string; error: string; onlyIfReceived?: boolean }): Promise<boolean> {
  const at = deps.clock.now();
  const { count } = await deps.db.inboundEvent.updateMany({
    where: { id: input.inboundEventId, ...(input.onlyIfReceived ? { status: 'received' } : {}) },
    data: { status: 'failed', error: cleanText(input.error), processedAt: at },
  });
  if (count === 0) return false;
  await publishInboundFailure(deps, input.inboundEventId);
  return true;
}
