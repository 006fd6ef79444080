// An endpoint's delivery log, "Replay" (the same delivery id and body, sent again as a new run of
// attempts) and "Send test event". Admins only; a delivery or endpoint of another workspace is 404.
import { newId } from '../../db/new-id.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { TEST_EVENT_TYPE } from './event-types.ts';
import { loadOwnEndpoint } from './manage-endpoints.ts';
import { dispatchWebhookDeliveries, webhookBody } from './record-webhook-event.ts';
import { toWebhookDeliveryView, type WebhookDeliveryView } from './webhook-view.ts';

type DeliveryDeps = Pick<Deps, 'db' | 'queues' | 'log' | 'clock'>;

export async function listWebhookDeliveries(db: Deps['db'], viewer: Viewer, endpointId: string, opts: { limit: number }): Promise<WebhookDeliveryView[]> {
  await loadOwnEndpoint(db, viewer, endpointId);
  const rows = await db.webhookDelivery.findMany({ where: { endpointId, workspaceId: viewer.workspaceId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: opts.limit });
  return rows.map(toWebhookDeliveryView);
}

export async function replayWebhookDelivery(deps: DeliveryDeps, viewer: Viewer, deliveryId: string): Promise<WebhookDeliveryView> {
  requireAdmin(viewer, 'manage webhooks');
  const delivery = await deps.db.webhookDelivery.findFirst({ where: { id: deliveryId, workspaceId: viewer.workspaceId } });
  if (!delivery) throw notFound('Webhook delivery');
  if (delivery.status === 'pending') throw new AppError('conflict', 'This delivery is still being sent; replay it once it succeeded or failed');
  // Only from the state it was seen in: two clicks make one replay.
  const { count } = await deps.db.webhookDelivery.updateMany({
    where: { id: delivery.id, status: delivery.status, attempts: delivery.attempts },
    data: { status: 'pending', runStartAttempts: delivery.attempts, nextAttemptAt: deps.clock.now(), completedAt: null },
  });
  if (count === 0) throw new AppError('conflict', 'This delivery is being replayed already');
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'webhook_delivery.replay', targetType: 'webhook_endpoint', targetId: delivery.endpointId, data: { deliveryId: delivery.id, from: delivery.status } });
  // A finished job of the same id is dropped first; Redis away: the sweep queues it (it is pending).
  await deps.queues.requeue('webhook', { deliveryId: delivery.id }).catch((err: unknown) => deps.log.warn({ err, deliveryId: delivery.id }, 'webhook replay left for the sweep'));
  return toWebhookDeliveryView(await deps.db.webhookDelivery.findUniqueOrThrow({ where: { id: delivery.id } }));
}

/** A `webhook.test` event to this endpoint only, whatever it subscribes to. */
export async function sendTestWebhook(deps: DeliveryDeps, viewer: Viewer, endpointId: string): Promise<WebhookDeliveryView> {
  const endpoint = await loadOwnEndpoint(deps.db, viewer, endpointId);
  if (!endpoint.active) throw new AppError('conflict', 'This endpoint is disabled; enable it to send a test event');
  const at = deps.clock.now();
  const eventId = newId(at.getTime());
  const payload = webhookBody({ eventId, type: TEST_EVENT_TYPE, workspaceId: viewer.workspaceId, at, data: { message: 'A test event from Parley', endpointId, sentBy: { id: viewer.agentId } } });
  const row = await deps.db.webhookDelivery.create({ data: { workspaceId: viewer.workspaceId, endpointId, eventId, eventType: TEST_EVENT_TYPE, payload: payload as object, nextAttemptAt: at } });
  await dispatchWebhookDeliveries(deps, [row.id]);
  return toWebhookDeliveryView(row);
}
