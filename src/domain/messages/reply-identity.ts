// Whom a reply goes to: the address the customer last wrote from in this conversation (a contact
// may have several on one channel, e.g. two browsers in the chat widget), else their most recently
// used address on the channel.
import type { ContactIdentity, Db } from '../../db/client.ts';

export async function replyIdentity(db: Db, input: { conversationId: string; contactId: string; channelKind: string }): Promise<ContactIdentity | null> {
  const last = await db.message.findFirst({
    where: { conversationId: input.conversationId, direction: 'in', kind: 'message' },
    orderBy: { createdAt: 'desc' },
    select: { metadata: true },
  });
  const address = (last?.metadata as { from?: { address?: unknown } } | null)?.from?.address;
  if (typeof address === 'string') {
    const sender = await db.contactIdentity.findFirst({ where: { contactId: input.contactId, channelKind: input.channelKind, address } });
    if (sender) return sender;
  }
  return db.contactIdentity.findFirst({ where: { contactId: input.contactId, channelKind: input.channelKind }, orderBy: { updatedAt: 'desc' } });
}

/** Why a reply cannot be sent to this identity, or null. */
export function refusalFor(identity: ContactIdentity, channelKind: string): string | null {
  if (!identity.optedOutAt) return null;
  const since = identity.optedOutAt.toISOString();
  if (identity.optOutReason) return `This contact cannot receive ${channelKind} messages: ${identity.optOutReason} (since ${since}). It lifts when they write to us again.`;
  return `The contact opted out of ${channelKind} messages on ${since}`;
}
