// Ingest processor: one stored InboundEvent -> contact, conversation, message.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { markInboundFailed } from '../src/domain/inbound/mark-inbound-failed.ts';
import { processInboundEvent } from '../src/domain/inbound/process-inbound-event.ts';
import { queueCatalog } from '../src/queues.ts';

export function ingestProcessor(deps: Deps) {
  return async (job: Job) => {
    const { inboundEventId } = queueCatalog.ingest.payload.parse(job.data);
    return processInboundEvent(deps, inboundEventId);
  };
}

/** After the last attempt the event is marked failed with the error, visible to admins. */
export async function onIngestFailed(deps: Deps, job: Job | undefined, err: Error): Promise<void> {
  if (!job || job.attemptsMade < (job.opts.attempts ?? 1)) return;
  const parsed = queueCatalog.ingest.payload.safeParse(job.data);
  if (!parsed.success) return;
  await markInboundFailed(deps, { inboundEventId: parsed.data.inboundEventId, error: `processing failed after ${job.attemptsMade} attempts: ${err.message}`, onlyIfReceived: true });
}
