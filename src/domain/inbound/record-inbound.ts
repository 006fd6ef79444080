// Steps 3-5 of the inbound flow: the contact, the conversation and the message, written in one
// transaction. Auto-replies and bounces are kept but never treated as a new customer request.
import type { InboundAutoReply, InboundBounce, InboundEdit, InboundMessage, WrittenInbound } from '../../../channels/types.ts';
import type { Db, Tx } from '../../db/client.ts';
import { assertNever } from '../../errors.ts';
import { conversationSettings } from '../conversations/conversation-settings.ts';
import { findThread } from '../conversations/find-thread.ts';
import { openConversation } from '../conversations/open-conversation.ts';
import { slaOnCustomerMessage } from '../sla/apply-sla.ts';
import { statusForCategory } from '../conversations/status-definitions.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';
import { recordCallEvent } from '../calls/record-call-event.ts';
import { applyInboundEdit } from '../messages/apply-inbound-edit.ts';
import type { RecordInboundInput, RecordOutcome } from './inbound-types.ts';
import { createInboundMessage } from './create-inbound-message.ts';
import { recordCsatReply } from '../csat/record-csat-reply.ts';
import { recordCustomerMessageBatched } from './batch-customer-messages.ts';

export async function recordInbound(db: Db, input: RecordInboundInput): Promise<RecordOutcome> {
  const n = input.normalized;
  // The common case in plain SQL, batched with the messages arriving meanwhile; it hands back null
  // for what only this path records (a survey's answer).
  if (n.kind === 'message' && !n.edit && !n.consent) {
    const recorded = await recordCustomerMessageBatched(db, { ...input, normalized: n });
    if (recorded) return recorded;
  }
  return db.$transaction(async (tx) => {
    // One inbound at a time per contact and channel, so two quick messages cannot open two conversations.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${input.contactId + input.channel.id}))`;
    const outcome = await recordByKind(tx, input);
    await tx.inboundEvent.update({
      where: { id: input.inboundEventId },
      data: {
        status: outcome.status,
        error: outcome.status === 'ignored' ? outcome.reason : null,
        processedAt: input.now,
        messageId: outcome.messageId ?? null,
      },
    });
    return outcome;
  });
}

async function recordByKind(tx: Tx, input: RecordInboundInput): Promise<RecordOutcome> {
  const already = await tx.message.findUnique({
    where: { channelId_externalId: { channelId: input.channel.id, externalId: input.normalized.externalId } },
    select: { id: true, conversationId: true },
  });
  if (already) return { status: 'ignored', reason: 'already recorded as a message', messageId: already.id, conversationId: already.conversationId };
  const n = input.normalized;
  switch (n.kind) {
    case 'message':
      if (n.edit) return recordEdit(tx, { ...input, normalized: { ...n, edit: n.edit } });
      // A STOP / START keeps its place in the timeline but asks nothing of anyone.
      if (n.consent) return recordAside(tx, { ...input, normalized: n }, 'consent keyword outside any conversation');
      // The answer to a survey (a score, its comment) is recorded as such instead of reopening the case.
      return (await recordCsatReply(tx, { ...input, normalized: n })) ?? recordCustomerMessage(tx, { ...input, normalized: n });
    case 'auto_reply':
      return recordAside(tx, { ...input, normalized: n }, 'auto-reply that answers no open conversation');
    case 'bounce':
      return recordBounce(tx, { ...input, normalized: n });
    case 'call_event':
      return recordCallEvent(tx, { ...input, normalized: n });
    default:
      return assertNever(n, 'inbound kind');
  }
}

function threadFor(tx: Tx, input: RecordInboundInput<WrittenInbound>) {
  const { channel, normalized: n } = input;
  return findThread(tx, {
    workspaceId: channel.workspaceId,
    channelId: channel.id,
    contactId: input.contactId,
    refs: n.thread.refs,
    topic: n.thread.topic,
    threading: input.threading,
    now: input.now,
    settings: conversationSettings(channel.settings),
  });
}

async function recordCustomerMessage(tx: Tx, input: RecordInboundInput<InboundMessage>): Promise<RecordOutcome> {
  const { channel, normalized: n, now } = input;
  const decision = await threadFor(tx, input);
  const conversation =
    decision.action === 'new'
      ? await openConversation(tx, { workspaceId: channel.workspaceId, channelId: channel.id, contactId: input.contactId, subject: n.subject, topic: n.thread.topic, now })
      : decision.conversation;
  const message = await createInboundMessage(tx, input, conversation);
  const openStatus = await statusForCategory(tx, channel.workspaceId, 'open');
  await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      status: 'open',
      statusKey: openStatus.key,
      ...(conversation.status !== 'open' ? { statusChangedAt: now } : {}),
      resolvedAt: null,
      snoozedUntil: null,
      lastMessageAt: now,
      lastInboundAt: now,
      waitingSince: conversation.waitingSince ?? now,
      messageCount: { increment: 1 },
      ...(n.conversationAttributes ? { attributes: { ...(conversation.attributes as Record<string, string>), ...n.conversationAttributes } } : {}),
    },
  });
  if (decision.action !== 'new' && conversation.statusKey !== openStatus.key) {
    // The customer's message reopened it (resolved, pending, snoozed): a status change like any other.
    const data = { from: conversation.statusKey, to: openStatus.key, label: openStatus.label, snoozedUntil: null };
    await recordConversationEvent(tx, { workspaceId: channel.workspaceId, conversationId: conversation.id, actorAgentId: null, at: now, activity: { kind: 'status', data } });
  }
  const slaTimers = await slaOnCustomerMessage(tx, { conversationId: conversation.id, messageId: message.id, now });
  return {
    status: 'processed',
    messageId: message.id,
    conversationId: conversation.id,
    conversationCreated: decision.action === 'new',
    reopened: decision.action === 'reopen',
    // One already waiting in a queue is on the waiting list: dispatch places it when capacity frees,
    // so routing it again for each further message would only repeat the same decision.
    needsRouting: conversation.assigneeId === null && (decision.action !== 'append' || conversation.queuedAt === null),
    slaTimers,
  };
}

/** A customer's edit updates the message it names; an edit of a message never received stands in for it. */
async function recordEdit(tx: Tx, input: RecordInboundInput<InboundMessage & { edit: InboundEdit }>): Promise<RecordOutcome> {
  const edited = await applyInboundEdit(tx, { channelId: input.channel.id, normalized: input.normalized });
  if (edited.status === 'duplicate') return { status: 'ignored', reason: 'edit already applied', messageId: edited.message.id, conversationId: edited.message.conversationId };
  if (edited.status === 'applied') {
    const m = edited.message;
    return { status: 'processed', messageId: m.id, conversationId: m.conversationId, conversationCreated: false, reopened: false, needsRouting: false, slaTimers: [], messageCreated: false };
  }
  // Keyed as the original, so the original arriving late is recognised as already recorded.
  const { edit: _edit, ...asOriginal } = input.normalized;
  return recordCustomerMessage(tx, { ...input, normalized: { ...asOriginal, externalId: input.normalized.edit.originalExternalId } });
}

async function recordAside(tx: Tx, input: RecordInboundInput<InboundMessage | InboundAutoReply>, reasonWithoutThread: string): Promise<RecordOutcome> {
  const { now } = input;
  const decision = await threadFor(tx, input);
  if (decision.action === 'new') return { status: 'ignored', reason: reasonWithoutThread };
  // Shown in the timeline, but it neither reopens the case nor makes anyone wait for an answer.
  const message = await createInboundMessage(tx, input, decision.conversation);
  await tx.conversation.update({ where: { id: decision.conversation.id }, data: { messageCount: { increment: 1 }, lastMessageAt: now } });
  return { status: 'processed', messageId: message.id, conversationId: decision.conversation.id, conversationCreated: false, reopened: false, needsRouting: false, slaTimers: [] };
}

async function recordBounce(tx: Tx, input: RecordInboundInput<InboundBounce>): Promise<RecordOutcome> {
  const { channel, normalized: n, now } = input;
  const originalId = n.bounce.originalMessageId;
  const original = originalId
    ? await tx.message.findFirst({ where: { workspaceId: channel.workspaceId, externalId: originalId, direction: 'out' }, include: { conversation: true } })
    : null;
  if (!original) return { status: 'ignored', reason: 'bounce for a message Parley did not send' };
  const reason = [n.bounce.status, n.bounce.diagnostic].filter(Boolean).join(' ') || 'message bounced';
  await tx.message.update({ where: { id: original.id }, data: { deliveryStatus: 'failed', deliveryError: `bounced: ${reason}` } });
  const message = await createInboundMessage(tx, { ...input, contactId: original.conversation.contactId }, original.conversation, null);
  await tx.conversation.update({ where: { id: original.conversationId }, data: { messageCount: { increment: 1 }, lastMessageAt: now } });
  return { status: 'processed', messageId: message.id, conversationId: original.conversationId, conversationCreated: false, reopened: false, needsRouting: false, slaTimers: [] };
}
