// Removes what customers and agents wrote from conversations while keeping the conversation rows
// (status, timestamps, channel, SLA results) so reports still count them: message texts, subjects,
// html, threading headers, delivery errors and metadata; survey comments; attachment rows (their files are queued
// for deletion, see delete-pending-files.ts); the raw inbound payloads of those messages;
// notifications quoting them. The search index follows by itself (Message.searchVector is
// generated from subject and text).
import type { Tx } from '../../db/client.ts';

export interface ErasedContent {
  messages: number;
  attachments: number;
  inboundEvents: number;
  /** Storage keys of the deleted attachments, recorded in PendingFileDeletion. */
  storageKeys: string[];
}

export async function eraseConversationContent(tx: Tx, input: { conversationIds: string[]; now: Date }): Promise<ErasedContent> {
  const conversationIds = input.conversationIds;
  if (conversationIds.length === 0) return { messages: 0, attachments: 0, inboundEvents: 0, storageKeys: [] };
  const messageIds = (await tx.message.findMany({ where: { conversationId: { in: conversationIds } }, select: { id: true } })).map((m) => m.id);
  const files = await tx.attachment.findMany({ where: { messageId: { in: messageIds } }, select: { storageKey: true } });
  const storageKeys = [...new Set(files.flatMap((f) => (f.storageKey ? [f.storageKey] : [])))];
  const attachments = await tx.attachment.deleteMany({ where: { messageId: { in: messageIds } } });
  const inboundEvents = await tx.inboundEvent.deleteMany({ where: { messageId: { in: messageIds } } });
  // A reply still waiting to go out must not be sent empty.
  await tx.message.updateMany({
    where: { id: { in: messageIds }, deliveryStatus: { in: ['queued', 'sending'] } },
    data: { deliveryStatus: 'failed', nextAttemptAt: null },
  });
  const messages = await tx.message.updateMany({
    where: { id: { in: messageIds } },
    data: { subject: null, text: '', quotedText: null, html: null, externalId: null, inReplyTo: null, references: [], deliveryError: null, metadata: {} },
  });
  await tx.notification.deleteMany({ where: { conversationId: { in: conversationIds } } });
  // Survey comments are the customer's words too (the score stays for reports), in the survey rows and their timeline entries.
  await tx.csatSurvey.updateMany({ where: { conversationId: { in: conversationIds }, comment: { not: null } }, data: { comment: null } });
  await tx.$executeRaw`UPDATE "ConversationEvent" SET "data" = jsonb_set("data", '{comment}', 'null'::jsonb) WHERE "kind" = 'csat' AND "data" ? 'comment' AND "conversationId" = ANY(${conversationIds})`;
  await tx.conversation.updateMany({ where: { id: { in: conversationIds } }, data: { subject: null, topic: null, attributes: {}, contentErasedAt: input.now } });
  if (storageKeys.length > 0) {
    await tx.pendingFileDeletion.createMany({ data: storageKeys.map((storageKey) => ({ storageKey })), skipDuplicates: true });
  }
  return { messages: messages.count, attachments: attachments.count, inboundEvents: inboundEvents.count, storageKeys };
}
