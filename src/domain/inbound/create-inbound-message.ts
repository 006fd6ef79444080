// An inbound item written as a message of its own kind (message, auto_reply, bounce) in a
// conversation, with who sent it and where replies go; the one writer of inbound messages.
import type { WrittenInbound } from '../../../channels/types.ts';
import type { Conversation, Tx } from '../../db/client.ts';
import type { RecordInboundInput } from './inbound-types.ts';

/** The item as a message of its own kind (message, auto_reply, bounce) in the conversation. */
export async function createInboundMessage(tx: Tx, input: RecordInboundInput<WrittenInbound>, conversation: Conversation, author: string | null = input.contactId) {
  const n = input.normalized;
  return tx.message.create({
    data: {
      workspaceId: input.channel.workspaceId,
      conversationId: conversation.id,
      channelId: input.channel.id,
      direction: 'in',
      kind: n.kind,
      authorContactId: author,
      subject: n.subject,
      text: n.text,
      quotedText: n.quotedText,
      html: n.html,
      externalId: n.externalId,
      inReplyTo: n.inReplyTo,
      references: n.references,
      sentAt: n.sentAt,
      metadata: inboundMetadata(n),
      // Only when there are some: a nested create makes Prisma read the message back after inserting it.
      ...(input.attachments.length > 0 ? { attachments: { create: input.attachments.map((a) => ({ ...a, workspaceId: input.channel.workspaceId })) } } : {}),
    },
  });
}

/** Who sent it and where replies go, as the message's metadata (shared with the plain-SQL path). */
export function inboundMetadata(n: WrittenInbound) {
  return {
    from: n.from,
    sender: { verified: n.sender.verified, reason: n.sender.reason },
    to: n.to,
    // Where replies go and who else is named (an email's Reply-To, Sender, further From authors).
    ...(n.replyTo ? { replyTo: n.replyTo } : {}),
    ...(n.sentBy ? { sentBy: n.sentBy } : {}),
    ...(n.alsoFrom ? { alsoFrom: n.alsoFrom } : {}),
    ...(n.kind === 'bounce' ? { bounce: n.bounce } : {}),
  };
}
