// "Merge with...": an agent merges another contact into the one they are looking at, choosing the
// value to keep for every conflicting field. Both contacts must be ones the agent may see (of
// their workspace; another workspace's id reads as not found). One transaction; undoable for 30 days.
import type { Deps } from '../../../deps.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { loadVisibleContact } from '../contact-visibility.ts';
import type { MergeResult } from './contact-merge-view.ts';
import { mergeContactPair } from './merge-contact-pair.ts';
import type { MergeChoices } from './merge-fields.ts';
import { republishContactConversations } from './republish.ts';

export async function mergeContactsByHand(deps: Pick<Deps, 'db' | 'clock' | 'publisher' | 'log'>, viewer: Viewer, input: { contactId: string; otherId: string; choices: MergeChoices }): Promise<MergeResult> {
  await loadVisibleContact(deps.db, viewer, input.contactId);
  await loadVisibleContact(deps.db, viewer, input.otherId);
  const result = await deps.db.$transaction((tx) =>
    mergeContactPair(tx, { workspaceId: viewer.workspaceId, survivorId: input.contactId, mergedId: input.otherId, choices: input.choices, fallback: null, actorAgentId: viewer.agentId, reason: 'merged by hand', now: deps.clock.now() }),
  );
  deps.log.info(result, 'contacts merged by hand');
  await republishContactConversations(deps, [result.survivorId]);
  return result;
}
