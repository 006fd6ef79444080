// The route worker's entry: new conversations, step timeouts (escalation), offer timeouts and
// dispatch requests all come through here.
import type { Deps } from '../../deps.ts';
import type { QueuePayload } from '../../queues.ts';
import { notifySupervisorsUnrouted } from './after-routing.ts';
import { dispatchWaiting } from './dispatch-waiting.ts';
import { expireOffer } from './offers.ts';
import { routeConversation } from './route-conversation.ts';
import { batcherFor } from './route-batcher.ts';

export async function handleRouteJob(deps: Deps, job: QueuePayload<'route'>) {
  if (job.kind === 'dispatch') return dispatchWaiting(deps, job.workspaceId);
  switch (job.reason) {
    case 'new':
    case 'reroute':
      // Requests arriving together are decided in one batch (route-batcher.ts).
      return batcherFor(deps)({ conversationId: job.conversationId });
    case 'offer-timeout': {
      const expired = await expireOffer(deps, { conversationId: job.conversationId, token: job.token ?? '' });
      return expired ? routeConversation(deps, { conversationId: job.conversationId }) : { status: 'skipped', reason: 'offer already answered' };
    }
    case 'escalate':
      return escalate(deps, job.conversationId, job.step ?? 0);
  }
}

async function escalate(deps: Deps, conversationId: string, fromStep: number) {
  const conv = await deps.db.conversation.findUnique({ where: { id: conversationId } });
  if (!conv || conv.status !== 'open' || conv.assigneeId || conv.routingStep !== fromStep) return { status: 'skipped' as const, reason: 'no longer waiting at that step' };
  const outcome = await routeConversation(deps, { conversationId, step: fromStep + 1 });
  // Still waiting at the same (last) step: nobody took it in time. Supervisors must act.
  if (outcome.status === 'waiting' && outcome.isLast && outcome.step === fromStep) await notifySupervisorsUnrouted(deps, conversationId);
  return outcome;
}
