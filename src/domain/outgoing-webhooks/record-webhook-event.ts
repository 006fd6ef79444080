// The outbox of outgoing webhooks: an event becomes one pending delivery row per active endpoint
// of the workspace subscribed to its type, written with the change (in its transaction where the
// caller has one, else right after it committed). Rows come first, jobs second: with Redis or the
// workers away the rows wait, and the sweep (sweep-webhook-deliveries.ts) queues what was missed.
import { subscribedTypes } from './subscriptions.ts';
import type { Db, Tx } from '../../db/client.ts';
import { newId } from '../../db/new-id.ts';
import type { Deps } from '../../deps.ts';
import type { WebhookEventType } from './event-types.ts';

export interface WebhookEventInput {
  workspaceId: string;
  type: WebhookEventType;
  /** The event's object (a conversation summary, a message, a contact ...), as JSON. */
  data: unknown;
  at: Date;
}

/** The body every delivery of one event carries; `id` is the event's, the same for every endpoint. */
export function webhookBody(input: { eventId: string; type: string; workspaceId: string; at: Date; data: unknown }) {
  return { id: input.eventId, type: input.type, createdAt: input.at.toISOString(), workspaceId: input.workspaceId, data: input.data };
}

/** Writes the delivery rows of one event; returns their ids (none when nobody subscribed). */
export async function recordWebhookEvent(db: Db | Tx, input: WebhookEventInput): Promise<string[]> {
  if (!(await subscribedTypes(db, input.workspaceId)).has(input.type)) return [];
  const endpoints = await db.webhookEndpoint.findMany({ where: { workspaceId: input.workspaceId, active: true, events: { has: input.type } }, select: { id: true } });
  if (endpoints.length === 0) return [];
  const eventId = newId(input.at.getTime());
  // Through JSON once: dates become strings, undefined fields go, as the receiver will see them.
  const payload = JSON.parse(JSON.stringify(webhookBody({ eventId, type: input.type, workspaceId: input.workspaceId, at: input.at, data: input.data }))) as object;
  const rows = endpoints.map((e) => ({ id: newId(), workspaceId: input.workspaceId, endpointId: e.id, eventId, eventType: input.type, payload, nextAttemptAt: input.at }));
  await db.webhookDelivery.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** Queues the POSTs of these deliveries; with Redis away they stay pending for the sweep. */
export async function dispatchWebhookDeliveries(deps: Pick<Deps, 'queues' | 'log'>, deliveryIds: string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  await deps.queues
    .enqueueMany('webhook', deliveryIds.map((deliveryId) => ({ payload: { deliveryId } })))
    .catch((err: unknown) => deps.log.warn({ err, deliveryIds }, 'webhook deliveries left for the sweep'));
}

/** Records an event that already committed and queues its deliveries at once. */
export async function emitWebhookEvent(deps: Pick<Deps, 'db' | 'queues' | 'log'>, input: WebhookEventInput): Promise<void> {
  await dispatchWebhookDeliveries(deps, await recordWebhookEvent(deps.db, input));
}
