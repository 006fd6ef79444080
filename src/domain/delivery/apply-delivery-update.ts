// A provider's delivery report (queued, sent, delivered, read, failed) applied to our outbound
// message by its provider id. Reports may arrive out of order; a message never moves backwards.
import type { DeliveryUpdate } from '../../../channels/types.ts';
import type { DeliveryStatus } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';

// 'uncertain' is below 'sent': a provider's report that it was sent or delivered settles it.
const rank: Record<DeliveryStatus, number> = { queued: 0, sending: 1, uncertain: 1, sent: 2, delivered: 3, failed: 3, read: 4 };

export type DeliveryUpdateOutcome =
  | { status: 'applied'; messageId: string }
  | { status: 'stale'; messageId: string; current: DeliveryStatus | null }
  | { status: 'unknown-message' };

export async function applyDeliveryUpdate(deps: Pick<Deps, 'db' | 'publisher'>, input: { channelId: string; update: DeliveryUpdate; receivedAt: Date }): Promise<DeliveryUpdateOutcome> {
  const { update } = input;
  const message = await deps.db.message.findUnique({
    where: { channelId_externalId: { channelId: input.channelId, externalId: update.externalId } },
    select: { id: true, direction: true, deliveryStatus: true, deliveredAt: true },
  });
  if (!message || message.direction !== 'out') return { status: 'unknown-message' };
  const current = message.deliveryStatus;
  if (current !== null && rank[update.status] <= rank[current]) {
    return { status: 'stale', messageId: message.id, current };
  }
  const at = update.at ?? input.receivedAt;
  await deps.db.message.update({
    where: { id: message.id },
    data: {
      deliveryStatus: update.status,
      deliveryError: update.status === 'failed' ? update.error ?? 'delivery failed' : null,
      ...((update.status === 'delivered' || update.status === 'read') && !message.deliveredAt ? { deliveredAt: at } : {}),
    },
  });
  await publishMessage(deps, message.id, 'message.updated');
  return { status: 'applied', messageId: message.id };
}
