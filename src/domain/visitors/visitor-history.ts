// What a chat visitor may read: the messages they sent and the replies addressed to them on this
// channel, nothing else. Scoping by their own address (not by contact) matters: a contact linked
// by an email typed into the widget may own other visitors' chats, which stay theirs.
import type { Db } from '../../db/client.ts';
import { withSurveyLink } from '../csat/survey-link.ts';
import { toVisitorMessage, type VisitorMessageView } from './visitor-message-view.ts';

/** `publicUrl` and `now`: a survey message among them gets a working link (survey-link.ts). */
export async function visitorHistory(db: Db, input: { channelId: string; visitorId: string; limit: number; publicUrl: string; now: Date }): Promise<VisitorMessageView[]> {
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
    select: { id: true, direction: true, text: true, metadata: true, externalId: true, createdAt: true, authorAgent: { select: { name: true } } },
  });
  const shown = await Promise.all(rows.reverse().map(async (m) => ({ ...m, text: await withSurveyLink(db, m, input.publicUrl, input.now) })));
  return shown.map((m) => toVisitorMessage(m, input.visitorId));
}
