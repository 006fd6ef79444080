// A contact's merge history (the customer panel, the "Undo merge" button): merges into them,
// newest first, each saying whether it can be undone now and, if not, why.
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../clock.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { loadVisibleContact } from '../contact-visibility.ts';
import { toContactBrief, toContactMergeView, type ContactMergeView } from './contact-merge-view.ts';
import { undoBlocker, undoDeadline } from './undo-window.ts';

export async function listContactMerges(deps: { db: Db; clock: Clock }, viewer: Viewer, contactId: string): Promise<ContactMergeView[]> {
  await loadVisibleContact(deps.db, viewer, contactId);
  const merges = await deps.db.contactMerge.findMany({ where: { workspaceId: viewer.workspaceId, survivorId: contactId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 50, include: { actor: { select: { name: true } } } });
  const mergedContacts = await deps.db.contact.findMany({ where: { id: { in: merges.map((m) => m.mergedId) }, workspaceId: viewer.workspaceId } });
  const now = deps.clock.now();
  return Promise.all(
    merges.map(async (m) => {
      const merged = mergedContacts.find((c) => c.id === m.mergedId);
      return toContactMergeView(m, merged ? toContactBrief(merged) : null, await undoBlocker(deps.db, m, now), undoDeadline(m));
    }),
  );
}
