// The conversation a call belongs to, and the call's entry in its timeline (a Message of kind
// `event` keyed by the call id). While a call lasts its conversation is held `pending` so routing
// leaves it alone; afterwards it becomes a call-back case (open, tagged) or, answered, resolved.
import type { InboundCallEvent } from '../../../channels/types.ts';
import type { Conversation, Message, Tx } from '../../db/client.ts';
import { conversationSettings } from '../conversations/conversation-settings.ts';
import { findThread } from '../conversations/find-thread.ts';
import { openConversation } from '../conversations/open-conversation.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { statusForCategory } from '../conversations/status-definitions.ts';
import type { RecordInboundInput } from '../inbound/inbound-types.ts';
import { slaOnCustomerMessage, slaOnStatusChange } from '../sla/apply-sla.ts';
import type { ClockTimer } from '../sla/sla-clocks.ts';
import { readCallFacts, type CallFacts } from './call-facts.ts';

export const CALLBACK_TAG = 'callback';

export interface CallEntry {
  message: Message;
  conversation: Conversation;
  facts: CallFacts;
  messageCreated: boolean;
  conversationCreated: boolean;
}

export async function ensureCallEntry(tx: Tx, input: RecordInboundInput<InboundCallEvent>): Promise<CallEntry> {
  const { channel, normalized: n, now } = input;
  const event = n.call;
  const existing = await tx.message.findUnique({ where: { channelId_externalId: { channelId: channel.id, externalId: event.callId } }, include: { conversation: true } });
  const initial: CallFacts = { callId: event.callId, direction: event.direction, from: n.from.address, to: n.to[0] ?? channel.address, startedAt: now.toISOString(), outcome: null };
  if (existing) {
    const { conversation, ...message } = existing;
    return { message, conversation, facts: readCallFacts(message.metadata) ?? initial, messageCreated: false, conversationCreated: false };
  }
  const decision = await findThread(tx, {
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    contactId: input.contactId,
    refs: [],
    topic: null,
    threading: 'per-contact',
    now,
    settings: conversationSettings(channel.settings),
  });
  let conversation =
    decision.action === 'new'
      ? await openConversation(tx, { workspaceId: channel.workspaceId, channelId: channel.id, contactId: input.contactId, subject: null, topic: null, now })
      : decision.conversation;
  const hold = decision.action === 'new' || conversation.status === 'resolved';
  if (hold) conversation = (await moveConversation(tx, conversation, 'pending', now)).conversation;
  const message = await tx.message.create({
    data: {
      workspaceId: channel.workspaceId,
      conversationId: conversation.id,
      channelId: channel.id,
      direction: event.direction === 'inbound' ? 'in' : 'out',
      kind: 'event',
      authorContactId: input.contactId,
      externalId: event.callId,
      metadata: { call: { ...initial, heldConversation: hold } },
    },
  });
  conversation = await tx.conversation.update({ where: { id: conversation.id }, data: { messageCount: { increment: 1 }, lastMessageAt: now } });
  return { message, conversation, facts: { ...initial, heldConversation: hold }, messageCreated: true, conversationCreated: decision.action === 'new' };
}

/** A system status change (no agent): category's first status, SLA clocks follow. */
export async function moveConversation(tx: Tx, conversation: Conversation, category: 'pending' | 'resolved', now: Date): Promise<{ conversation: Conversation; timers: ClockTimer[] }> {
  const status = await statusForCategory(tx, conversation.workspaceId, category);
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: { status: category, statusKey: status.key, statusChangedAt: now, resolvedAt: category === 'resolved' ? now : null, snoozedUntil: null },
  });
  if (conversation.statusKey !== status.key) await recordSystemStatus(tx, conversation, { to: status, now });
  return { conversation: updated, timers: await slaOnStatusChange(tx, { conversation: updated, now }) };
}

/** Nobody took the call: an open case, tagged for a call back, waiting and measured like a customer message. */
export async function openCallBack(tx: Tx, conversation: Conversation, input: { messageId: string; now: Date }): Promise<{ conversation: Conversation; timers: ClockTimer[] }> {
  const { now } = input;
  const open = await statusForCategory(tx, conversation.workspaceId, 'open');
  const tags = conversation.tags.includes(CALLBACK_TAG) ? conversation.tags : [...conversation.tags, CALLBACK_TAG];
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      status: 'open',
      statusKey: open.key,
      ...(conversation.status !== 'open' ? { statusChangedAt: now } : {}),
      resolvedAt: null,
      snoozedUntil: null,
      tags,
      lastInboundAt: now,
      lastMessageAt: now,
      waitingSince: conversation.waitingSince ?? now,
    },
  });
  if (conversation.statusKey !== open.key) await recordSystemStatus(tx, conversation, { to: open, now });
  if (tags !== conversation.tags) {
    await recordConversationEvent(tx, { workspaceId: conversation.workspaceId, conversationId: conversation.id, actorAgentId: null, at: now, activity: { kind: 'tags', data: { added: [CALLBACK_TAG], removed: [] } } });
  }
  return { conversation: updated, timers: await slaOnCustomerMessage(tx, { conversationId: conversation.id, messageId: input.messageId, now }) };
}

/**
 * The call was answered after all: a step saying nobody took it (the final status) was applied
 * before the one saying an agent did (the dial's result). The call-back case this call opened is
 * withdrawn: its tag goes, and a conversation the call itself held is resolved like any answered call.
 */
export async function withdrawCallBack(tx: Tx, conversation: Conversation, input: { resolve: boolean; now: Date }): Promise<{ conversation: Conversation; timers: ClockTimer[] }> {
  const { now } = input;
  let updated = conversation;
  if (conversation.tags.includes(CALLBACK_TAG)) {
    updated = await tx.conversation.update({ where: { id: conversation.id }, data: { tags: conversation.tags.filter((t) => t !== CALLBACK_TAG) } });
    await recordConversationEvent(tx, { workspaceId: conversation.workspaceId, conversationId: conversation.id, actorAgentId: null, at: now, activity: { kind: 'tags', data: { added: [], removed: [CALLBACK_TAG] } } });
  }
  if (!input.resolve || updated.status === 'resolved') return { conversation: updated, timers: [] };
  return moveConversation(tx, updated, 'resolved', now);
}

async function recordSystemStatus(tx: Tx, conversation: Conversation, i: { to: { key: string; label: string }; now: Date }): Promise<void> {
  const data = { from: conversation.statusKey, to: i.to.key, label: i.to.label, snoozedUntil: null };
  await recordConversationEvent(tx, { workspaceId: conversation.workspaceId, conversationId: conversation.id, actorAgentId: null, at: i.now, activity: { kind: 'status', data } });
}
