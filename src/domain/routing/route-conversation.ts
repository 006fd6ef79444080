// The route worker's decision for one conversation: find its workflow filter and step, pick an
// agent with the shared policy, claim them atomically, and assign (or offer). With nobody free
// it waits in the step's queue until capacity frees or the step times out and the next applies.
// One conversation is a batch of one (route-batch.ts): the same decision, locks and writes.
import type { Deps } from '../../deps.ts';
import type { RouteOutcome } from './after-routing.ts';
import { routeBatch } from './route-batch.ts';

export type { RouteOutcome };

export async function routeConversation(deps: Deps, input: { conversationId: string; step?: number }): Promise<RouteOutcome> {
  const [outcome] = await routeBatch(deps, [input]);
  return outcome!;
}
