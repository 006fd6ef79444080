// Links a contact through a phone number or email the customer gave on another channel (a phone
// number shared in Telegram, an email left in the chat widget): the contact is merged into the
// one who already has it, keeping all history. A contact that already has a different value keeps
// it, so a claim never re-points a known customer.
import type { Db } from '../../db/client.ts';
import { findContactByFields, lockContactFields } from './find-contact-by-fields.ts';
import { mergeContacts } from './merge-contacts.ts';

export interface LinkOutcome {
  contactId: string;
  /** The contact that was merged away, if any. */
  mergedFromId: string | null;
}

export async function linkContactByField(db: Db, input: { workspaceId: string; contactId: string; field: 'phone' | 'email'; value: string }): Promise<LinkOutcome> {
  const fields = { [input.field]: input.value };
  return db.$transaction(async (tx) => {
    await lockContactFields(tx, input.workspaceId, fields);
    const contact = await tx.contact.findUniqueOrThrow({ where: { id: input.contactId } });
    const own = contact[input.field];
    if (own !== null && own !== input.value) return { contactId: contact.id, mergedFromId: null };
    const holder = await findContactByFields(tx, input.workspaceId, fields);
    if (holder && holder.id !== contact.id) {
      await mergeContacts(tx, { fromId: contact.id, intoId: holder.id, reason: `same ${input.field} ${input.value}` });
      return { contactId: holder.id, mergedFromId: contact.id };
    }
    if (own === null) await tx.contact.update({ where: { id: contact.id }, data: fields });
    return { contactId: contact.id, mergedFromId: null };
  });
}

export const linkContactByPhone = (db: Db, input: { workspaceId: string; contactId: string; phone: string }) =>
  linkContactByField(db, { workspaceId: input.workspaceId, contactId: input.contactId, field: 'phone', value: input.phone });

export const linkContactByEmail = (db: Db, input: { workspaceId: string; contactId: string; email: string }) =>
  linkContactByField(db, { workspaceId: input.workspaceId, contactId: input.contactId, field: 'email', value: input.email.trim().toLowerCase() });
