// What a chat visitor may read: the messages they sent and the replies addressed to them on this
// channel, nothing else. Scoping by their own address (not by contact) matters: a contact linked
// by an email typed into the widget may own other visitors' chats, which stay theirs.
import type { Db } from '../../db/client.ts';
import { toVisitorMessage, type VisitorMessageView } from './visitor-message-view.ts';

export async function visitorHistory(db: Db, input: { channelId: string; visitorId: string; limit: number }): Promise<VisitorMessageView[]> {
  const rows = await db.message.findMany({
    where: {
      channelId: input.channelId,
      kind: 'message',
      OR: [
        { direction: 'in', metadata: { path: ['from', 'address'], equals: input.visitorId } },
        { direction: 'out', metadata: { path: ['to', 'address'], equals: input.visitorId }, deliveryStatus: { in: ['sent', 'delivered', 'read'] } },
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit,
    select: { id: true, direction: true, text: true, externalId: true, createdAt: true, authorAgent: { select: { name: true } } },
  });
  return rows.reverse().map((m) => toVisitorMessage(m, input.visitorId));
}
