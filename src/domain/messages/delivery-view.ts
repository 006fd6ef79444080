// A reply that has not reached the customer, as the supervisors' deliveries page lists it.
// Node-free (model types only): src/contract hands this type to the web app.
import type { Message } from '../../db/model-types.ts';

export type DeliveryRow = Message & {
  channel: { id: string; name: string; kind: string };
  conversation: { id: string; subject: string | null; contact: { id: string; name: string | null } };
};

export function toDeliveryView(m: DeliveryRow) {
  const to = (m.metadata as { to?: { address?: string } } | null)?.to?.address ?? null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    subject: m.conversation.subject,
    contact: m.conversation.contact,
    to,
    channel: m.channel,
    text: m.text.length > 200 ? `${m.text.slice(0, 200)}…` : m.text,
    deliveryStatus: m.deliveryStatus,
    deliveryError: m.deliveryError,
    deliveryAttempts: m.deliveryAttempts,
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    retryingSince: m.retryingSince?.toISOString() ?? null,
    deadLetteredAt: m.deadLetteredAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

export type DeliveryView = ReturnType<typeof toDeliveryView>;
