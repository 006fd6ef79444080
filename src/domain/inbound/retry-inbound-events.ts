// Re-processing several inbound events at once (a supervisor's "retry selected"): each is retried
// on its own, and the answer says per event whether it was queued or why not.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import type { RetryResult } from './inbound-event-view.ts';
import { retryInboundEvent } from './retry-inbound-event.ts';

export async function retryInboundEvents(deps: Pick<Deps, 'db' | 'queues' | 'log'>, viewer: Viewer, ids: readonly string[]): Promise<{ results: RetryResult[] }> {
  requireSupervisor(viewer, 're-process inbound events');
  const results: RetryResult[] = [];
  for (const id of new Set(ids)) {
    try {
      results.push(await retryInboundEvent(deps, viewer, id));
    } catch (err) {
      // One event that cannot be retried (processed meanwhile, rejected) does not stop the others.
      if (!(err instanceof AppError)) throw err;
      results.push({ id, error: { code: err.code, message: err.userMessage } });
    }
  }
  return { results };
}
