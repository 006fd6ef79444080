// "Send again" / "Retry" on a reply that ended failed (also dead-lettered) or 'delivery uncertain':
// the same message goes back to the deliver queue as a fresh run of attempts. It keeps its
// provider id where the channel fixed one before the first attempt (an email's Message-ID), so a
// mail server or client that did get the uncertain copy can recognise the second as the same mail.
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';
import { visibleConversationsWhere } from '../conversations/visibility.ts';

export async function retryDelivery(deps: Pick<Deps, 'db' | 'queues' | 'log' | 'publisher'>, viewer: Viewer, messageId: string) {
  const message = await deps.db.message.findFirst({
    where: { id: messageId, direction: 'out', kind: 'message', conversation: visibleConversationsWhere(viewer) },
    select: { id: true, deliveryStatus: true, workspaceId: true },
  });
  if (!message) throw notFound('Message');
  if (message.deliveryStatus !== 'failed' && message.deliveryStatus !== 'uncertain') {
    throw new AppError('conflict', `Only a failed or uncertain delivery can be retried (this one is ${message.deliveryStatus ?? 'not tracked'})`);
  }
  // Only from the state it was seen in: two clicks (or two supervisors) make one retry.
  const { count } = await deps.db.message.updateMany({
    where: { id: message.id, deliveryStatus: message.deliveryStatus },
    data: { deliveryStatus: 'queued', deliveryError: null, nextAttemptAt: null, retryingSince: null, deadLetteredAt: null },
  });
  if (count === 0) throw new AppError('conflict', 'This delivery is being retried already');
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'message.retry_delivery', targetType: 'message', targetId: message.id, data: { from: message.deliveryStatus } });
  await publishMessage(deps, message.id, 'message.updated');
  // Redis away: the deliver sweep queues it (it is 'queued').
  await deps.queues.requeue('deliver', { messageId: message.id }).catch((err: unknown) => deps.log.warn({ err, messageId: message.id }, 'retry queued for the sweep'));
  return { id: message.id, deliveryStatus: 'queued' as const };
}
