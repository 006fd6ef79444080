// SLA processor: a warning threshold or a due time of one clock has come.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { handleSlaTimer } from '../src/domain/sla/handle-sla-timer.ts';
import { queueCatalog } from '../src/queues.ts';

export function slaProcessor(deps: Deps) {
  return async (job: Job) => handleSlaTimer(deps, queueCatalog.sla.payload.parse(job.data));
}
