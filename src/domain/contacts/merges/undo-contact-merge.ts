// Undoes a merge within 30 days: both contacts get back their rows exactly as they were (same ids,
// every column, from the merge's snapshot), and every row the merge moved goes back to the merged
// contact. Refused, with the reason, after 30 days, when undone already or when a later merge
// depends on it. Audited; the moved conversations are re-published so inboxes show the right customer.
import type { Deps } from '../../../deps.ts';
import { AppError, notFound } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { recordContactEvent } from '../../outgoing-webhooks/record-contact-event.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { loadVisibleContact } from '../contact-visibility.ts';
import type { UndoneMerge } from './contact-merge-view.ts';
import { restoreContactReferences, type MovedRows } from './contact-references.ts';
import { restoreContactRow, type ContactRowSnapshot } from './contact-row-snapshot.ts';
import { republishContactConversations } from './republish.ts';
import { undoBlocker } from './undo-window.ts';

export async function undoContactMerge(deps: Pick<Deps, 'db' | 'clock' | 'publisher' | 'log'>, viewer: Viewer, input: { contactId: string; mergeId: string }): Promise<UndoneMerge> {
  await loadVisibleContact(deps.db, viewer, input.contactId);
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT 1 FROM "ContactMerge" WHERE "id" = $1 AND "workspaceId" = $2 FOR UPDATE`, input.mergeId, viewer.workspaceId);
    const merge = await tx.contactMerge.findFirst({ where: { id: input.mergeId, workspaceId: viewer.workspaceId, survivorId: input.contactId } });
    if (!merge) throw notFound('Merge');
    await tx.$queryRawUnsafe(`SELECT 1 FROM "Contact" WHERE "id" = ANY($1::text[]) ORDER BY "id" FOR UPDATE`, [merge.survivorId, merge.mergedId].sort());
    const blocker = await undoBlocker(tx, merge, now);
    if (blocker) throw new AppError('conflict', blocker);
    const snapshot = merge.snapshot as { survivor: ContactRowSnapshot; merged: ContactRowSnapshot };
    const restored = await restoreContactReferences(tx, merge.moved as unknown as MovedRows[], merge.survivorId, merge.mergedId);
    await restoreContactRow(tx, snapshot.survivor);
    await restoreContactRow(tx, snapshot.merged);
    await tx.contactMerge.update({ where: { id: merge.id }, data: { undoneAt: now, undoneByAgentId: viewer.agentId } });
    await recordAudit(tx, {
      workspaceId: viewer.workspaceId,
      actorAgentId: viewer.agentId,
      action: 'contact.merge_undone',
      targetType: 'contact',
      targetId: merge.survivorId,
      contactId: merge.survivorId,
      data: { mergeId: merge.id, mergedContactId: merge.mergedId, restored },
      createdAt: now,
    });
    // Receivers of contact events learn that both contacts stand apart again.
    for (const contact of await tx.contact.findMany({ where: { id: { in: [merge.survivorId, merge.mergedId] } }, orderBy: { id: 'asc' } })) {
      await recordContactEvent(tx, { type: 'contact.updated', contact, at: now, extra: { mergeUndone: merge.id } });
    }
    return { mergeId: merge.id, survivorId: merge.survivorId, mergedId: merge.mergedId, restored };
  });
  deps.log.info(result, 'contact merge undone');
  await republishContactConversations(deps, [result.survivorId, result.mergedId]);
  return result;
}
