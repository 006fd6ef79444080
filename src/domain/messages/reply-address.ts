// Where an agent's reply is sent: the Reply-To of the customer's latest message in the conversation
// when it gave one (RFC 5322 §3.6.2: replies go there), else the contact identity it answers. The
// contact stays who they are; only the delivery address differs. Only a proven sender's Reply-To
// counts: a forged From (no DMARC pass) must not redirect the agent's answer, and the thread it
// quotes, to an address of the forger's choosing; it goes to the identity, as it would without one.
import type { ContactIdentity, Db } from '../../db/client.ts';

/** A plain object type: it is stored as the outbound message's JSON metadata. */
export type ReplyAddress = {
  address: string;
  name: string | null;
};

function replyToOf(metadata: unknown): ReplyAddress | null {
  const recorded = metadata as { replyTo?: { address?: unknown; name?: unknown }; sender?: { verified?: unknown } } | null;
  if (recorded?.sender?.verified !== true) return null;
  const replyTo = recorded.replyTo;
  if (!replyTo || typeof replyTo.address !== 'string' || replyTo.address === '') return null;
  return { address: replyTo.address, name: typeof replyTo.name === 'string' ? replyTo.name : null };
}

export async function replyAddress(db: Db, input: { conversationId: string; identity: ContactIdentity }): Promise<ReplyAddress> {
  const latest = await db.message.findFirst({
    where: { conversationId: input.conversationId, direction: 'in', kind: 'message' },
    orderBy: { createdAt: 'desc' },
    select: { metadata: true },
  });
  return replyToOf(latest?.metadata) ?? { address: input.identity.address, name: input.identity.displayName };
}
