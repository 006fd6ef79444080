// "Not a duplicate": the pair leaves the suggestions for everyone, remembered (and audited).
import type { Db } from '../../../db/client.ts';
import { AppError } from '../../../errors.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import type { Viewer } from '../../auth/viewer.ts';
import { loadVisibleContact } from '../contact-visibility.ts';

export async function dismissDuplicate(db: Db, viewer: Viewer, input: { contactId: string; otherId: string }): Promise<void> {
  await loadVisibleContact(db, viewer, input.contactId);
  if (input.contactId === input.otherId) throw new AppError('unprocessable', 'A contact cannot be a duplicate of itself');
  await loadVisibleContact(db, viewer, input.otherId);
  const [contactAId, contactBId] = [input.contactId, input.otherId].sort() as [string, string];
  await db.$transaction(async (tx) => {
    await tx.contactDuplicateDismissal.upsert({ where: { contactAId_contactBId: { contactAId, contactBId } }, create: { workspaceId: viewer.workspaceId, contactAId, contactBId, agentId: viewer.agentId }, update: {} });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'contact.not_duplicate', targetType: 'contact', targetId: input.contactId, contactId: input.contactId, data: { otherContactId: input.otherId } });
  });
}
