// Media processor: downloads one provider-hosted file; permanent failures stop the retries.
import { UnrecoverableError, type Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { downloadAttachment } from '../src/domain/media/download-attachment.ts';
import { queueCatalog } from '../src/queues.ts';

export function mediaProcessor(deps: Deps, opts: { maxBytes: number }) {
  return async (job: Job) => {
    const { attachmentId } = queueCatalog.media.payload.parse(job.data);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await downloadAttachment(deps, attachmentId, { maxBytes: opts.maxBytes, finalAttempt });
    if (outcome.status !== 'failed') return outcome;
    if (outcome.permanent || finalAttempt) throw new UnrecoverableError(outcome.error);
    throw new Error(outcome.error);
  };
}
