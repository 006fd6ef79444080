// How endpoints and their deliveries are shown to admins. Node-free (src/contract). The signing
// secret is never part of a view: it is handed over once, by create and rotate.
import type { WebhookDelivery, WebhookEndpoint } from '../../db/model-types.ts';
import type { WebhookDeliveryStatus } from './event-types.ts';

export function toWebhookEndpointView(e: WebhookEndpoint) {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    active: e.active,
    secretRotatedAt: e.secretRotatedAt?.toISOString() ?? null,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export type WebhookEndpointView = ReturnType<typeof toWebhookEndpointView>;

/** An endpoint with its secret, as create and rotate answer (the only time it is shown). */
export type WebhookEndpointWithSecret = WebhookEndpointView & { secret: string };

export function toWebhookDeliveryView(d: WebhookDelivery) {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: d.eventType,
    status: d.status as WebhookDeliveryStatus,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastResponseExcerpt: d.lastResponseExcerpt,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    completedAt: d.completedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    payload: d.payload,
  };
}

export type WebhookDeliveryView = ReturnType<typeof toWebhookDeliveryView>;
