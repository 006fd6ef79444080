// Who owns the value a claim names: the contact of the proven identity with that address on the
// claim's channel (an email channel's From), else the contact who has that email or phone.
import type { Contact, IdentityClaim, Tx } from '../../db/client.ts';
import { findContactByFields } from './find-contact-by-fields.ts';

export async function claimOwner(tx: Tx, claim: IdentityClaim): Promise<Contact | null> {
  const identity = await tx.contactIdentity.findFirst({
    where: { workspaceId: claim.workspaceId, channelKind: claim.channelKind, address: claim.value, verifiedAt: { not: null }, contactId: { not: claim.contactId } },
    include: { contact: true },
  });
  if (identity) return identity.contact;
  if (claim.field === 'address') return null;
  const holder = await findContactByFields(tx, claim.workspaceId, { [claim.field]: claim.value });
  return holder && holder.id !== claim.contactId ? holder : null;
}
