// Route requests arriving together are decided together: while one batch is in its transaction,
// the requests that come in (the route worker's concurrent jobs) queue up and go as the next
// batch, so a burst costs a few transactions instead of one per conversation. Each request's
// promise settles when its own batch has committed and published.
import type { Deps } from '../../deps.ts';
import type { RouteOutcome } from './after-routing.ts';
import { routeBatch, type RouteRequest } from './route-batch.ts';

/** Large enough to amortise a batch's fixed reads, small enough to keep each decision quick. */
export const MAX_BATCH = 100;

interface Pending {
  request: RouteRequest;
  resolve: (o: RouteOutcome) => void;
  reject: (err: unknown) => void;
}

export type RouteBatcher = (request: RouteRequest) => Promise<RouteOutcome>;

export function createRouteBatcher(route: (requests: RouteRequest[]) => Promise<RouteOutcome[]>, maxBatch = MAX_BATCH): RouteBatcher {
  const pending: Pending[] = [];
  let running = false;
  const drain = async () => {
    running = true;
    while (pending.length > 0) {
      const batch = pending.splice(0, maxBatch);
      try {
        const outcomes = await route(batch.map((p) => p.request));
        batch.forEach((p, i) => p.resolve(outcomes[i]!));
      } catch (err) {
        // The whole transaction rolled back: every job of the batch fails and is retried by its queue.
        for (const p of batch) p.reject(err);
      }
    }
    running = false;
  };
  return (request) =>
    new Promise<RouteOutcome>((resolve, reject) => {
      pending.push({ request, resolve, reject });
      if (!running) void drain();
    });
}

const batchers = new WeakMap<Deps, RouteBatcher>();

/** The process's batcher for these dependencies (one per runtime). */
export function batcherFor(deps: Deps): RouteBatcher {
  let batcher = batchers.get(deps);
  if (!batcher) {
    batcher = createRouteBatcher((requests) => routeBatch(deps, requests));
    batchers.set(deps, batcher);
  }
  return batcher;
}
