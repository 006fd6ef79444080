// Deliver processor: sends one outbound message; permanent failures stop the retries, and a reply
// waiting for an earlier one of its conversation is put back without spending an attempt.
import { Backoffs, DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { deliverMessage } from '../src/domain/messages/deliver-message.ts';
import { isReplyHeld } from '../src/domain/messages/reply-order.ts';
import { queueCatalog } from '../src/queues.ts';

/** A held reply is woken when the earlier one is done; this is only the safety net if that wake-up is lost. */
export const HELD_RECHECK_MS = 30_000;

export function deliverProcessor(deps: Deps) {
  return async (job: Job, token?: string) => {
    const { messageId } = queueCatalog.deliver.payload.parse(job.data);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await deliverMessage(deps, messageId, { finalAttempt, retryDelayMs: await nextBackoffMs(job) });
    if (outcome.status === 'held') {
      if (!token) throw new Error(`waiting for the earlier reply ${outcome.behindMessageId}`);
      await job.moveToDelayed(Date.now() + HELD_RECHECK_MS, token);
      // The earlier reply may have finished between the check and the move, when this job could not be woken: look again.
      if (!(await isReplyHeld(deps.db, messageId))) await job.promote().catch(() => undefined);
      throw new DelayedError();
    }
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

/** The delay BullMQ will wait after this attempt if it fails (the catalog's backoff for this attempt number). */
async function nextBackoffMs(job: Job): Promise<number> {
  const backoff = Backoffs.normalize(job.opts.backoff ?? queueCatalog.deliver.backoff);
  if (!backoff) return 0;
  const delay = await Backoffs.calculate(backoff, job.attemptsMade + 1, new Error('delivery failed'), job);
  return typeof delay === 'number' && delay > 0 ? delay : 0;
}
