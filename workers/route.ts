// Route processor: new conversations, escalations, offer timeouts and dispatch requests.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { handleRouteJob } from '../src/domain/routing/handle-route-job.ts';
import { queueCatalog } from '../src/queues.ts';

export function routeProcessor(deps: Deps) {
  return async (job: Job) => handleRouteJob(deps, queueCatalog.route.payload.parse(job.data));
}
