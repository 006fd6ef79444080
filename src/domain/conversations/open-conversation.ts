// Creates a conversation with the workspace's next human-friendly number (#1, #2 ...).
import type { Conversation, Tx } from '../../db/client.ts';

export interface OpenConversationInput {
  workspaceId: string;
  channelId: string;
  contactId: string;
  subject: string | null;
  topic: string | null;
  now: Date;
}

export async function openConversation(tx: Tx, input: OpenConversationInput): Promise<Conversation> {
  // The row lock on the workspace serialises numbering; it is held only for this transaction.
  const ws = await tx.workspace.update({
    where: { id: input.workspaceId },
    data: { conversationSeq: { increment: 1 } },
    select: { conversationSeq: true },
  });
  return tx.conversation.create({
    data: {
      workspaceId: input.workspaceId,
      number: ws.conversationSeq,
      channelId: input.channelId,
      contactId: input.contactId,
      subject: input.subject,
      topic: input.topic,
      status: 'open',
      lastMessageAt: input.now,
    },
  });
}
