// What stops every written reply on a conversation whatever the time and the template: the
// channel's check (checkOutbound) for the address a reply would go to, e.g. an SMS to an
// alphanumeric sender ID, or a phone call. The reply box shows it instead of a text box;
// queue-reply still runs the full check (time windows included) on every reply.
import type { Deps } from '../../deps.ts';
import { replyIdentity } from './reply-identity.ts';

export async function standingReplyRefusal(
  deps: Pick<Deps, 'db' | 'adapterFor' | 'clock'>,
  conversation: { id: string; contactId: string; channel: { kind: string } },
): Promise<string | null> {
  const adapter = deps.adapterFor(conversation.channel.kind);
  if (!adapter.checkOutbound) return null;
  const identity = await replyIdentity(deps.db, { conversationId: conversation.id, contactId: conversation.contactId, channelKind: conversation.channel.kind });
  if (!identity) return null;
  const now = deps.clock.now();
  // As if the customer had just written: a time window (WhatsApp's 24 hours) is not a standing refusal.
  const verdict = adapter.checkOutbound({ now, to: { address: identity.address }, lastInboundAt: now, template: null });
  return verdict.ok ? null : verdict.reason;
}
