// /api/webhook-endpoints and /api/webhook-deliveries: admins manage outgoing webhooks, read each
// endpoint's delivery log, replay a delivery and send a test event.
import { Hono } from 'hono';
import { z } from 'zod';
import { createWebhookEndpoint, deleteWebhookEndpoint, listWebhookEndpoints, rotateWebhookSecret, updateWebhookEndpoint } from '../../domain/outgoing-webhooks/manage-endpoints.ts';
import { listWebhookDeliveries, replayWebhookDelivery, sendTestWebhook } from '../../domain/outgoing-webhooks/webhook-deliveries.ts';
import { webhookEventTypes } from '../../domain/outgoing-webhooks/event-types.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { webhookDeliveriesQuery, webhookEndpointCreateBody, webhookEndpointUpdateBody } from '../schemas/webhook-endpoints.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function webhookEndpointRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const admin = { db: deps.db, allowPrivate: deps.config.WEBHOOK_ALLOW_PRIVATE };
  // `eventTypes`: what an endpoint may subscribe to (the form's checkboxes).
  app.get('/webhook-endpoints', allow('admin'), async (c) => c.json({ items: await listWebhookEndpoints(deps.db, c.get('viewer')), eventTypes: webhookEventTypes }));
  app.post('/webhook-endpoints', allow('admin'), validate('json', webhookEndpointCreateBody), async (c) => {
    return c.json(await createWebhookEndpoint(admin, c.get('viewer'), c.req.valid('json')), 201);
  });
  app.patch('/webhook-endpoints/:id', allow('admin'), validate('param', idParam), validate('json', webhookEndpointUpdateBody), async (c) => {
    return c.json(await updateWebhookEndpoint(admin, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.delete('/webhook-endpoints/:id', allow('admin'), validate('param', idParam), async (c) => {
    await deleteWebhookEndpoint(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  app.post('/webhook-endpoints/:id/rotate-secret', allow('admin'), validate('param', idParam), async (c) => {
    return c.json(await rotateWebhookSecret({ db: deps.db, now: deps.clock.now() }, c.get('viewer'), c.req.valid('param').id));
  });
  app.post('/webhook-endpoints/:id/test', allow('admin'), validate('param', idParam), async (c) => {
    return c.json(await sendTestWebhook(deps, c.get('viewer'), c.req.valid('param').id), 202);
  });
  app.get('/webhook-endpoints/:id/deliveries', allow('admin'), validate('param', idParam), validate('query', webhookDeliveriesQuery), async (c) => {
    return c.json({ items: await listWebhookDeliveries(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('query')) });
  });
  app.post('/webhook-deliveries/:id/replay', allow('admin'), validate('param', idParam), async (c) => {
    return c.json(await replayWebhookDelivery(deps, c.get('viewer'), c.req.valid('param').id), 202);
  });
  return app;
}
