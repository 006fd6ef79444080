// The conversation a chat visitor is in now: their contact's latest conversation on the channel.
import type { Db } from '../../db/client.ts';

export async function visitorConversation(db: Db, input: { workspaceId: string; channelId: string; channelKind: string; visitorId: string }) {
  const identity = await db.contactIdentity.findUnique({
    where: { workspaceId_channelKind_address: { workspaceId: input.workspaceId, channelKind: input.channelKind, address: input.visitorId } },
    select: { contactId: true },
  });
  if (!identity) return null;
  return db.conversation.findFirst({
    where: { channelId: input.channelId, contactId: identity.contactId },
    orderBy: { lastMessageAt: 'desc' },
    select: { id: true, workspaceId: true, status: true, assigneeId: true, queueId: true, teamId: true },
  });
}
