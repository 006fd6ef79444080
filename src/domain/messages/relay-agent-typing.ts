// An agent is typing in a conversation: tell the customer, on channels that can show it (the chat
// widget), at the address a reply would go to.
import type { Deps } from '../../deps.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { replyIdentity } from './reply-identity.ts';

export async function relayAgentTyping(deps: Pick<Deps, 'db' | 'adapterFor'>, input: { conversationId: string; typing: boolean; agentName: string | null }): Promise<boolean> {
  const conversation = await deps.db.conversation.findUnique({ where: { id: input.conversationId }, include: { channel: true } });
  if (!conversation) return false;
  const adapter = deps.adapterFor(conversation.channel.kind);
  if (!adapter.showTyping) return false;
  const identity = await replyIdentity(deps.db, { conversationId: conversation.id, contactId: conversation.contactId, channelKind: conversation.channel.kind });
  if (!identity || identity.optedOutAt) return false;
  // The chat the customer last wrote from (a Telegram group, say), as a reply would go there.
  const lastInbound = await deps.db.message.findFirst({
    where: { conversationId: conversation.id, channelId: conversation.channelId, direction: 'in', kind: 'message' },
    orderBy: { createdAt: 'desc' },
    select: { externalId: true },
  });
  await adapter.showTyping({ address: identity.address, inReplyTo: lastInbound?.externalId ?? null }, toChannelConfig(conversation.channel), { typing: input.typing, name: input.agentName });
  return true;
}
