// Merges one contact into another: identities, conversations and authored messages move, fields
// the survivor lacks are filled in, and the merged contact points at the survivor. Nothing is
// deleted, so the whole history stays with the customer.
import type { Tx } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordContactEvent } from '../outgoing-webhooks/record-contact-event.ts';

export async function mergeContacts(tx: Tx, input: { fromId: string; intoId: string; reason: string }): Promise<void> {
  if (input.fromId === input.intoId) return;
  const [from, into] = await Promise.all([tx.contact.findUniqueOrThrow({ where: { id: input.fromId } }), tx.contact.findUniqueOrThrow({ where: { id: input.intoId } })]);
  if (from.workspaceId !== into.workspaceId) throw new Error('cannot merge contacts of different workspaces');
  await tx.contactIdentity.updateMany({ where: { contactId: from.id }, data: { contactId: into.id } });
  await tx.conversation.updateMany({ where: { contactId: from.id }, data: { contactId: into.id } });
  await tx.message.updateMany({ where: { authorContactId: from.id }, data: { authorContactId: into.id } });
  await tx.contact.updateMany({ where: { mergedIntoId: from.id }, data: { mergedIntoId: into.id } });
  const survivor = await tx.contact.update({
    where: { id: into.id },
    data: {
      name: into.name ?? from.name,
      email: into.email ?? from.email,
      phone: into.phone ?? from.phone,
      tier: into.tier ?? from.tier,
      lifecycleStage: into.lifecycleStage ?? from.lifecycleStage,
      organisationId: into.organisationId ?? from.organisationId,
      ownerId: into.ownerId ?? from.ownerId,
      tags: [...new Set([...(into.tags ?? []), ...(from.tags ?? [])])],
      // The survivor's own values win where both have one.
      attributes: { ...(from.attributes as Record<string, unknown>), ...(into.attributes as Record<string, unknown>) } as object,
    },
  });
  await tx.contact.update({ where: { id: from.id }, data: { mergedIntoId: into.id } });
  await recordContactEvent(tx, { type: 'contact.merged', contact: survivor, at: survivor.updatedAt, extra: { mergedContactId: from.id, reason: input.reason } });
  await recordAudit(tx, { workspaceId: into.workspaceId, actorAgentId: null, action: 'contact.merge', targetType: 'contact', targetId: into.id, data: { mergedContactId: from.id, reason: input.reason } });
}
