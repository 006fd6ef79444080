// Finds the contact behind a channel address, creating contact and identity on first contact; a
// first identity on a new channel joins the contact who already has that phone number or email.
import type { Db } from '../../db/client.ts';
import { Prisma, type Contact, type ContactIdentity } from '../../db/client.ts';
import { findContactByFields, lockContactFields } from './find-contact-by-fields.ts';

export interface ResolveIdentityInput {
  workspaceId: string;
  channelKind: string;
  /** Already normalised by the adapter (lower-cased email, E.164 phone ...). */
  address: string;
  displayName: string | null;
  contactFields: { email?: string; phone?: string };
}

export interface ResolvedIdentity {
  identity: ContactIdentity;
  contact: Contact;
  created: boolean;
}

const uniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

export async function resolveContactIdentity(db: Db, input: ResolveIdentityInput): Promise<ResolvedIdentity> {
  const key = { workspaceId: input.workspaceId, channelKind: input.channelKind, address: input.address };
  for (let attempt = 0; ; attempt++) {
    const existing = await db.contactIdentity.findUnique({
      where: { workspaceId_channelKind_address: key },
      include: { contact: true },
    });
    if (existing) {
      await fillMissingName(db, existing.contact, input.displayName);
      const { contact, ...identity } = existing;
      return { identity, contact, created: false };
    }
    try {
      return await createContactWithIdentity(db, input);
    } catch (err) {
      // Two first messages from the same new sender raced; the other one created it: read it.
      if (uniqueViolation(err) && attempt === 0) continue;
      throw err;
    }
  }
}

async function createContactWithIdentity(db: Db, input: ResolveIdentityInput): Promise<ResolvedIdentity> {
  return db.$transaction(async (tx) => {
    await lockContactFields(tx, input.workspaceId, input.contactFields);
    const linked = await findContactByFields(tx, input.workspaceId, input.contactFields);
    const contact =
      linked ??
      (await tx.contact.create({
        data: { workspaceId: input.workspaceId, name: input.displayName, ...input.contactFields },
      }));
    if (linked && !linked.name && input.displayName) {
      linked.name = input.displayName;
      await tx.contact.update({ where: { id: linked.id }, data: { name: input.displayName } });
    }
    const identity = await tx.contactIdentity.create({
      data: {
        workspaceId: input.workspaceId,
        contactId: contact.id,
        channelKind: input.channelKind,
        address: input.address,
        displayName: input.displayName,
      },
    });
    return { identity, contact, created: true };
  });
}

async function fillMissingName(db: Db, contact: Contact, name: string | null): Promise<void> {
  if (contact.name || !name) return;
  await db.contact.update({ where: { id: contact.id }, data: { name } });
  contact.name = name;
}
