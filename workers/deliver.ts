// Deliver processor: sends one outbound message. Transient failures wait on the job itself
// (moved to delayed for the domain's retry delay, without spending a BullMQ attempt), so one job
// per message covers days of retries; permanent failures and the dead letter stop it. A reply
// waiting for an earlier one of its conversation is put back the same way. BullMQ's own attempts
// and backoff only cover errors thrown (the database away mid-job).
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { deliverMessage } from '../src/domain/messages/deliver-message.ts';
import { isReplyHeld } from '../src/domain/messages/reply-order.ts';
import type { RetrySchedule } from '../src/domain/messages/retry-schedule.ts';
import { queueCatalog } from '../src/queues.ts';

/** A held reply is woken when the earlier one is done; this is only the safety net if that wake-up is lost. */
export const HELD_RECHECK_MS = 30_000;

export function deliverProcessor(deps: Deps, opts: { retry: RetrySchedule; publicUrl: string }) {
  return async (job: Job, token?: string) => {
    const { messageId } = queueCatalog.deliver.payload.parse(job.data);
    const outcome = await deliverMessage(deps, messageId, opts);
    if (outcome.status === 'held') {
      if (!token) throw new Error(`waiting for the earlier reply ${outcome.behindMessageId}`);
      await job.moveToDelayed(Date.now() + HELD_RECHECK_MS, token);
      // The earlier reply may have finished between the check and the move, when this job could not be woken: look again.
      if (!(await isReplyHeld(deps.db, messageId))) await job.promote().catch(() => undefined);
      throw new DelayedError();
    }
    const waitMs = outcome.status === 'waiting' ? outcome.delayMs : outcome.status === 'failed' && !outcome.permanent && !outcome.deadLettered ? outcome.retryAfterMs : undefined;
    if (waitMs !== undefined) {
      if (!token) throw new Error(`next attempt in ${waitMs} ms`);
      await job.moveToDelayed(Date.now() + waitMs, token);
      throw new DelayedError();
    }
    if (outcome.status === 'failed') throw new UnrecoverableError(outcome.error);
    return outcome;
  };
}
