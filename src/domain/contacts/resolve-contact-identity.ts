// Finds the contact behind a channel address, creating contact and identity on first contact; a
// first proven identity on a new channel joins the contact who already has that phone number or
// email. A sender the channel could not prove (an email that failed authentication) never joins
// anyone on that claim: a new address becomes a claimed identity of a contact of its own, and an
// address a proven sender already owns goes to a claimant contact (claim-identity.ts) instead of
// the owner, so a forged From never writes as the customer.
import type { SenderProof } from '../../../channels/types.ts';
import type { Db } from '../../db/client.ts';
import { Prisma, type Contact, type ContactIdentity } from '../../db/client.ts';
import { claimantFor, claimFieldOf, recordClaim } from './claim-identity.ts';
import { recordContactEvent } from '../outgoing-webhooks/record-contact-event.ts';
import { findContactByFields, lockContactFields } from './find-contact-by-fields.ts';
import { findIdentityWithContact } from './find-identity-with-contact.ts';
import { createProvenContact } from './create-proven-contacts.ts';

export interface ResolveIdentityInput {
  workspaceId: string;
  channelKind: string;
  /** Already normalised by the adapter (lower-cased email, E.164 phone ...). */
  address: string;
  displayName: string | null;
  contactFields: { email?: string; phone?: string };
  /** Whether the channel proved the sender owns `address`. */
  sender: SenderProof;
  now: Date;
}

export interface ResolvedIdentity {
  /** Null when the message goes to a claimant: the address belongs to someone proven, not to them. */
  identity: ContactIdentity | null;
  contact: Contact;
  created: boolean;
}

const uniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

// The creations of this process in progress, per database client and address: the other first
// messages of a new sender that arrive meanwhile (a burst's) wait for it and read what it made,
// instead of each trying to create the same contact and failing on the unique index.
const creating = new WeakMap<Db, Map<string, Promise<unknown>>>();

export async function resolveContactIdentity(db: Db, input: ResolveIdentityInput): Promise<ResolvedIdentity> {
  const key = { workspaceId: input.workspaceId, channelKind: input.channelKind, address: input.address };
  let flights = creating.get(db);
  if (!flights) creating.set(db, (flights = new Map()));
  const flightKey = `${key.workspaceId}\n${key.channelKind}\n${key.address}`;
  for (let attempt = 0; ; ) {
    // One plain-SQL statement (one per batch of concurrent messages): this read is every ingested message's first.
    const existing = await findIdentityWithContact(db, key);
    if (existing) return resolveExisting(db, input, existing);
    const inProgress = flights.get(flightKey);
    if (inProgress) {
      // Whether it made the contact or failed, read again: then create it if it is still missing.
      await inProgress.catch(() => undefined);
      continue;
    }
    // A proven sender's goes with the others of the moment in plain SQL, any other through Prisma.
    const created = createProvenContact(db, input).then((made) => made ?? createContactWithIdentity(db, input));
    flights.set(flightKey, created);
    try {
      return await created;
    } catch (err) {
      // Two first messages from the same new sender raced (another process created it): read it.
      if (uniqueViolation(err) && attempt++ === 0) continue;
      throw err;
    } finally {
      if (flights.get(flightKey) === created) flights.delete(flightKey);
    }
  }
}

async function resolveExisting(db: Db, input: ResolveIdentityInput, existing: ContactIdentity & { contact: Contact }): Promise<ResolvedIdentity> {
  const { contact, ...identity } = existing;
  if (!input.sender.verified && identity.verifiedAt) {
    // Someone proved this address before; an unproven sender of it is not them.
    const claimant = await claimantFor(db, { workspaceId: input.workspaceId, channelKind: input.channelKind, address: input.address, contactFields: input.contactFields, displayName: input.displayName, reason: input.sender.reason });
    return { identity: null, contact: claimant.contact, created: claimant.created };
  }
  await fillMissingName(db, contact, input.displayName);
  if (input.sender.verified && !identity.verifiedAt) {
    const proven = await db.contactIdentity.update({ where: { id: identity.id }, data: { verifiedAt: input.now, verification: input.sender.reason } });
    await fillProvenFields(db, contact, input);
    return { identity: proven, contact, created: false };
  }
  return { identity, contact, created: false };
}

async function createContactWithIdentity(db: Db, input: ResolveIdentityInput): Promise<ResolvedIdentity> {
  return db.$transaction(async (tx) => {
    const proven = input.sender.verified;
    await lockContactFields(tx, input.workspaceId, input.contactFields);
    const holder = await findContactByFields(tx, input.workspaceId, input.contactFields);
    // Only a proven sender joins the contact who has that email or phone, or writes it on a contact.
    const linked = proven ? holder : null;
    const contact =
      linked ??
      (await tx.contact.create({
        data: { workspaceId: input.workspaceId, name: input.displayName, ...(proven ? input.contactFields : {}) },
      }));
    if (!linked) await recordContactEvent(tx, { type: 'contact.created', contact, at: input.now });
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
        verifiedAt: proven ? input.now : null,
        verification: input.sender.reason,
      },
    });
    // Agents see whom an unproven sender claims to be, and can verify and merge them deliberately.
    if (!proven && holder) {
      await recordClaim(tx, { workspaceId: input.workspaceId, contactId: contact.id, ...claimFieldOf(input.contactFields, input.address), channelKind: input.channelKind, reason: input.sender.reason });
    }
    return { identity, contact, created: true };
  });
}

/**
 * A claimed identity just proven: the contact gets the email / phone it lacks, unless another
 * contact has it (then the claim recorded at creation lets an agent verify and merge them).
 */
async function fillProvenFields(db: Db, contact: Contact, input: ResolveIdentityInput): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const field of ['email', 'phone'] as const) {
      const value = input.contactFields[field];
      if (!value || contact[field]) continue;
      await lockContactFields(tx, input.workspaceId, { [field]: value });
      const holder = await findContactByFields(tx, input.workspaceId, { [field]: value });
      if (holder && holder.id !== contact.id) continue;
      await tx.contact.update({ where: { id: contact.id }, data: { [field]: value } });
      contact[field] = value;
    }
  });
}

async function fillMissingName(db: Db, contact: Contact, name: string | null): Promise<void> {
  if (contact.name || !name) return;
  await db.contact.update({ where: { id: contact.id }, data: { name } });
  contact.name = name;
}
