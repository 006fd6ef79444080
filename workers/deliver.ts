// Deliver processor: sends one outbound message; permanent failures stop the retries.
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { deliverMessage } from '../src/domain/messages/deliver-message.ts';
import { queueCatalog } from '../src/queues.ts';

export function deliverProcessor(deps: Deps) {
  return async (job: Job, token?: string) => {
    const { messageId } = queueCatalog.deliver.payload.parse(job.data);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await deliverMessage(deps, messageId, { finalAttempt });
    if (outcome.status !== 'failed') return outcome;
    if (outcome.retryAfterMs !== undefined && token) {
      // The provider said when to come back (Telegram's retry_after): wait that long, without spending an attempt.
      await job.moveToDelayed(Date.now() + outcome.retryAfterMs, token);
      throw new DelayedError();
    }
    if (outcome.permanent || finalAttempt) throw new UnrecoverableError(outcome.error);
    throw new Error(outcome.error); // BullMQ retries with the catalog's exponential backoff
  };
}
