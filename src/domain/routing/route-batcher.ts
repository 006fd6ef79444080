// Route requests arriving together are decided together: while one batch is in its transaction,
// the requests that come in (the route worker's concurrent jobs) queue up and go as the next
// batch, so a burst costs a few transactions instead of one per conversation. Each request's
// promise settles when its own batch has committed and published; the next batch's transaction
// does not wait for the previous one's publishing.
import type { Deps } from '../../deps.ts';
import type { RouteOutcome } from './after-routing.ts';
import { publishAssignments } from './publish-assignments.ts';
import { commitBatch, type RouteRequest } from './route-batch.ts';

/**
 * Large enough to amortise a batch's fixed reads, small enough to keep each decision quick: a job
 * waits for the batch ahead, its own and its publishing, so decision time grows with the batch.
 * A batch costs ~20 ms plus ~0.3 ms per conversation on the bench machine: 75 with
 * ROUTE_CONCURRENCY 150 drained ~1,730/s against ~1,500/s for 50/100 (decision p50 77 against 60 ms),
 * and 100/200 no more than 75/150 at p50 ~100 ms (measured, docs/performance/routing.md).
 */
export const MAX_BATCH = 75;

interface Pending {
  request: RouteRequest;
  resolve: (o: RouteOutcome) => void;
  reject: (err: unknown) => void;
}

export type RouteBatcher = (request: RouteRequest) => Promise<RouteOutcome>;

export interface BatchSteps {
  /** Decides and commits; holds the locks, so one at a time per process. */
  commit: (requests: RouteRequest[]) => Promise<RouteOutcome[]>;
  /** Tells people after commit; runs while the next batch commits. */
  publish: (outcomes: RouteOutcome[]) => Promise<void>;
}

export function createRouteBatcher(steps: BatchSteps, maxBatch = MAX_BATCH): RouteBatcher {
  const pending: Pending[] = [];
  let running = false;
  const drain = async () => {
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      let outcomes: RouteOutcome[];
      try {
        outcomes = await steps.commit(batch.map((p) => p.request));
      } catch (err) {
        // The whole transaction rolled back: every job of the batch fails and is retried by its queue.
        for (const p of batch) p.reject(err);
        continue;
      }
      const committed = outcomes;
      // A job completes once its batch is published too; a failed publish fails them (their retry finds them decided).
      void steps.publish(committed).then(
        () => batch.forEach((p, i) => p.resolve(committed[i]!)),
        (err: unknown) => batch.forEach((p) => p.reject(err)),
      );
    }
    running = false;
  };
  return (request) =>
    new Promise<RouteOutcome>((resolve, reject) => {
      pending.push({ request, resolve, reject });
      if (running) return;
      running = true;
      // Requests that arrive in the same turn of the event loop start together.
      setImmediate(() => void drain());
    });
}

const batchers = new WeakMap<Deps, RouteBatcher>();

/** The process's batcher for these dependencies (one per runtime). */
export function batcherFor(deps: Deps): RouteBatcher {
  let batcher = batchers.get(deps);
  if (!batcher) {
    batcher = createRouteBatcher({ commit: (requests) => commitBatch(deps, requests), publish: (outcomes) => publishAssignments(deps, outcomes) });
    batchers.set(deps, batcher);
  }
  return batcher;
}
