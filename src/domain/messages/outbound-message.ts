// The normal outbound path, shared by agents' replies (queue-reply.ts) and the messages Parley
// sends itself (satisfaction surveys): who it goes to on the conversation's channel, the queued
// message row threaded onto the customer's last message, then the deliver worker and realtime.
import type { ChannelAdapter } from '../../../channels/types.ts';
import type { Channel, ContactIdentity, Conversation, Message, Prisma, Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { publishConversation, publishMessage } from '../conversations/publish-conversation.ts';
import { replyAddress, type ReplyAddress } from './reply-address.ts';
import { refusalFor, replyIdentity } from './reply-identity.ts';
import { replySubject } from './reply-subject.ts';

export interface OutboundTarget {
  channel: Channel;
  adapter: ChannelAdapter;
  identity: ContactIdentity;
  to: ReplyAddress;
  lastInbound: { externalId: string | null; references: string[] } | null;
}

/** Why nothing can be sent: `optedOut` when the customer (or a provider) closed the address. */
export interface OutboundRefusal {
  refusal: string;
  optedOut: boolean;
}

/** Where a message on this conversation goes, or why it cannot go (no address, opted out). */
export async function outboundTarget(deps: Pick<Deps, 'db' | 'adapterFor'>, conversation: Conversation): Promise<OutboundTarget | OutboundRefusal> {
  const { db } = deps;
  const channel = await db.channel.findUniqueOrThrow({ where: { id: conversation.channelId } });
  const identity = await replyIdentity(db, { conversationId: conversation.id, contactId: conversation.contactId, channelKind: channel.kind });
  if (!identity) return { refusal: `This contact has no ${channel.kind} address to reply to`, optedOut: false };
  const refusal = refusalFor(identity, channel.kind);
  if (refusal) return { refusal, optedOut: true };
  const lastInbound = await db.message.findFirst({
    where: { conversationId: conversation.id, direction: 'in', kind: 'message' },
    orderBy: { createdAt: 'desc' },
    select: { externalId: true, references: true },
  });
  const to = await replyAddress(db, { conversationId: conversation.id, identity });
  return { channel, adapter: deps.adapterFor(channel.kind), identity, to, lastInbound };
}

export interface OutboundRow {
  conversation: Conversation;
  target: OutboundTarget;
  authorAgentId: string | null;
  text: string;
  html?: string | null;
  clientKey?: string | null;
  /** More metadata beside `to` (a template, a survey). */
  metadata?: Record<string, unknown>;
  attachments?: Prisma.AttachmentUncheckedCreateWithoutMessageInput[];
}

/** Writes the queued outbound message (in the caller's transaction), with the provider id when the channel can make one. */
export async function createOutboundMessage(tx: Tx, row: OutboundRow): Promise<Message> {
  const { conversation, target } = row;
  const created = await tx.message.create({
    data: {
      clientKey: row.clientKey ?? null,
      workspaceId: conversation.workspaceId,
      conversationId: conversation.id,
      channelId: target.channel.id,
      direction: 'out',
      kind: 'message',
      authorAgentId: row.authorAgentId,
      subject: replySubject(conversation.subject),
      text: row.text,
      html: row.html ?? null,
      inReplyTo: target.lastInbound?.externalId ?? null,
      references: threadReferences(target.lastInbound),
      deliveryStatus: 'queued',
      metadata: { to: target.to, ...row.metadata } as Prisma.InputJsonObject,
      ...(row.attachments?.length ? { attachments: { create: row.attachments } } : {}),
    },
  });
  const externalId = target.adapter.prepareExternalId?.({ messageId: created.id }, toChannelConfig(target.channel)) ?? null;
  return externalId ? tx.message.update({ where: { id: created.id }, data: { externalId } }) : created;
}

/** After the row committed: hand it to the deliver worker and tell the agents. */
export async function dispatchOutbound(deps: Pick<Deps, 'db' | 'queues' | 'log' | 'publisher'>, message: { id: string; conversationId: string }): Promise<void> {
  await deps.queues.enqueue('deliver', { messageId: message.id }).catch((err: unknown) => {
    // The message stays `queued` in the database; the deliver sweep picks it up when Redis is back.
    deps.log.warn({ err, messageId: message.id }, 'deliver queue unavailable');
  });
  await publishMessage(deps, message.id, 'message.created');
  await publishConversation(deps, message.conversationId, 'conversation.updated');
}

/** References of a reply: the customer's chain plus the message we answer, capped as mail clients do. */
export function threadReferences(lastInbound: { externalId: string | null; references: string[] } | null): string[] {
  if (!lastInbound) return [];
  const chain = [...lastInbound.references, ...(lastInbound.externalId ? [lastInbound.externalId] : [])];
  const unique = [...new Set(chain)];
  return unique.length > 20 ? [unique[0]!, ...unique.slice(-19)] : unique;
}
