// Replies to one conversation go out in the order the agent wrote them: a reply waits while an
// earlier reply of the same conversation and channel is still on its way (queued, sending or
// retrying), and the next one is released when a reply is sent or fails for good. The database
// is the truth, so any number of deliver workers keep the order.
import type { Db, Message, Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';

type Placed = Pick<Message, 'id' | 'conversationId' | 'channelId' | 'createdAt'>;

const onItsWay = { direction: 'out', kind: 'message', deliveryStatus: { in: ['queued', 'sending'] } } satisfies Prisma.MessageWhereInput;

/** The same conversation and channel, written before (or at the same instant with a smaller id) / after this reply. */
const before = (m: Placed) => ({ OR: [{ createdAt: { lt: m.createdAt } }, { createdAt: m.createdAt, id: { lt: m.id } }] });
const after = (m: Placed) => ({ OR: [{ createdAt: { gt: m.createdAt } }, { createdAt: m.createdAt, id: { gt: m.id } }] });

/** The earliest reply this one must wait for, or null when it may go out now. */
export async function earlierReplyOnItsWay(db: Db, m: Placed): Promise<{ id: string } | null> {
  return db.message.findFirst({
    where: { conversationId: m.conversationId, channelId: m.channelId, ...onItsWay, ...before(m) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
}

/** Whether the reply (by id) still has to wait for an earlier one. */
export async function isReplyHeld(db: Db, messageId: string): Promise<boolean> {
  const m = await db.message.findUnique({ where: { id: messageId }, select: { id: true, conversationId: true, channelId: true, createdAt: true } });
  return m !== null && (await earlierReplyOnItsWay(db, m)) !== null;
}

/** After a reply is done (sent or failed for good): the next waiting reply of its conversation goes now. */
export async function releaseNextReply(deps: Pick<Deps, 'db' | 'queues' | 'log'>, done: Placed): Promise<void> {
  const next = await deps.db.message.findFirst({
    where: { conversationId: done.conversationId, channelId: done.channelId, ...onItsWay, ...after(done) },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true },
  });
  if (!next) return;
  // Redis away: the next reply re-checks on its own delay, or the deliver sweep queues it.
  await deps.queues.release('deliver', { messageId: next.id }).catch((err: unknown) => deps.log.warn({ err, messageId: next.id }, 'could not release the next reply'));
}
