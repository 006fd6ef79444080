// Replies that have not reached the customer: supervisors list those in retry, dead-lettered or
// uncertain across the workspace; anyone who sees the conversation may send a failed or uncertain one again.
import { Hono } from 'hono';
import { z } from 'zod';
import { listDeliveries } from '../../domain/messages/list-deliveries.ts';
import { retryDelivery } from '../../domain/messages/retry-delivery.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { deliveryListQuery } from '../schemas/deliveries.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function deliveryRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/deliveries', allow('supervisor'), validate('query', deliveryListQuery), async (c) => {
    return c.json({ items: await listDeliveries(deps.db, c.get('viewer'), c.req.valid('query')) });
  });
  app.post('/messages/:id/retry', allow('agent'), validate('param', idParam), async (c) => {
    return c.json(await retryDelivery(deps, c.get('viewer'), c.req.valid('param').id), 202);
  });
  return app;
}
