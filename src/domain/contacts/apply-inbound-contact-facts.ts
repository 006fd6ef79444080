// What an inbound item tells us about its sender beyond the message: a phone number or email they
// gave (links them to the contact who has it when the channel proved it, else a claim agents can
// verify), attributes to keep (a deep-link payload), and that they can be written to again.
// Returns the contact the message belongs to.
import type { ContactInbound } from '../../../channels/types.ts';
import type { Contact, ContactIdentity } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { recordClaim } from './claim-identity.ts';
import { linkContactByEmail, linkContactByPhone } from './link-contact-by-field.ts';
import { markIdentityReachable } from './mark-identity-unreachable.ts';

const REPUBLISH_LIMIT = 50;

export async function applyInboundContactFacts(
  deps: Pick<Deps, 'db' | 'publisher' | 'log'>,
  input: { identity: ContactIdentity | null; contact: Contact; normalized: ContactInbound },
): Promise<string> {
  const { db } = deps;
  const { identity, normalized: n } = input;
  const workspaceId = input.contact.workspaceId;
  let contactId = input.contact.id;
  // Only a message the customer wrote says something about them; a call step or an auto-reply does not.
  if (n.kind !== 'message') return contactId;
  if (identity) await markIdentityReachable(db, identity);
  const merged: string[] = [];
  if (n.claims && !n.claims.proof.verified) {
    // Typed into a form: recorded on the sender's own contact, merged with nobody until proven.
    for (const field of ['email', 'phone'] as const) {
      const value = n.claims[field];
      if (value) await recordClaim(db, { workspaceId, contactId, field, value, channelKind: n.channel, reason: n.claims.proof.reason });
    }
  } else if (n.claims?.phone) {
    const linked = await linkContactByPhone(db, { workspaceId, contactId, phone: n.claims.phone });
    contactId = linked.contactId;
    if (linked.mergedFromId) merged.push(linked.mergedFromId);
  }
  if (n.claims?.proof.verified && n.claims.email) {
    const linked = await linkContactByEmail(db, { workspaceId, contactId, email: n.claims.email });
    contactId = linked.contactId;
    if (linked.mergedFromId) merged.push(linked.mergedFromId);
  }
  if (n.contactAttributes && Object.keys(n.contactAttributes).length > 0) {
    // jsonb || merges in place, so two messages at once cannot lose each other's keys.
    await db.$executeRaw`UPDATE "Contact" SET "attributes" = "attributes" || ${JSON.stringify(n.contactAttributes)}::jsonb, "updatedAt" = now() WHERE "id" = ${contactId}`;
  }
  if (merged.length > 0) {
    deps.log.info({ contactId, merged }, 'contacts linked by what the customer told us');
    // Inbox rows of the moved conversations now show the surviving contact.
    const moved = await db.conversation.findMany({ where: { contactId }, orderBy: { lastMessageAt: 'desc' }, take: REPUBLISH_LIMIT, select: { id: true } });
    for (const c of moved) await publishConversation(deps, c.id, 'conversation.updated');
  }
  return contactId;
}
