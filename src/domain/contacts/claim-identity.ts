// Claims: an email, phone or channel address someone said is theirs without proof. A claim is
// recorded on the claimant's own contact and never merges anything by itself; it becomes true
// through verify-identity-claim.ts (a confirmed link, or an agent's deliberate merge).
import type { Contact, Db, Tx } from '../../db/client.ts';
import { recordContactEvent } from '../outgoing-webhooks/record-contact-event.ts';

export type ClaimField = 'email' | 'phone' | 'address';

export interface ClaimInput {
  workspaceId: string;
  contactId: string;
  field: ClaimField;
  value: string;
  channelKind: string;
  reason: string;
}

/** Idempotent per contact and value; a claim already verified stays verified. */
export async function recordClaim(tx: Tx | Db, input: ClaimInput): Promise<void> {
  await tx.identityClaim.upsert({
    where: { contactId_field_value: { contactId: input.contactId, field: input.field, value: input.value } },
    create: { ...input },
    update: {},
  });
}

export const claimFieldOf = (contactFields: { email?: string; phone?: string }, address: string): { field: ClaimField; value: string } =>
  contactFields.email ? { field: 'email', value: contactFields.email } : contactFields.phone ? { field: 'phone', value: contactFields.phone } : { field: 'address', value: address };

/**
 * The contact for unproven senders of an address a proven customer owns: one per address and
 * channel kind (so their messages thread together), created on the first such message.
 */
export async function claimantFor(
  db: Db,
  input: { workspaceId: string; channelKind: string; address: string; contactFields: { email?: string; phone?: string }; displayName: string | null; reason: string },
): Promise<{ contact: Contact; created: boolean }> {
  const { field, value } = claimFieldOf(input.contactFields, input.address);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`claimant:${input.workspaceId}:${input.channelKind}:${field}:${value}`}))`;
    const pending = await tx.identityClaim.findFirst({
      where: { workspaceId: input.workspaceId, channelKind: input.channelKind, field, value, status: 'pending', contact: { mergedIntoId: null, identities: { none: {} } } },
      include: { contact: true },
      orderBy: { createdAt: 'asc' },
    });
    if (pending) return { contact: pending.contact, created: false };
    const contact = await tx.contact.create({ data: { workspaceId: input.workspaceId, name: input.displayName } });
    await recordContactEvent(tx, { type: 'contact.created', contact, at: contact.createdAt });
    await recordClaim(tx, { workspaceId: input.workspaceId, contactId: contact.id, field, value, channelKind: input.channelKind, reason: input.reason });
    return { contact, created: true };
  });
}
