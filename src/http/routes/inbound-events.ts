// Admin view of inbound events: what failed to parse and why, and re-processing after a fix.
import { Hono } from 'hono';
import { z } from 'zod';
import { listInboundEvents } from '../../domain/inbound/list-inbound-events.ts';
import { retryInboundEvent } from '../../domain/inbound/retry-inbound-event.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const listQuery = z.object({
  status: z.enum(['received', 'processed', 'ignored', 'failed', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function inboundEventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('/inbound-events/*', requireAuth(deps));
  app.use('/inbound-events', requireAuth(deps));
  app.get('/inbound-events', validate('query', listQuery), async (c) => {
    return c.json({ items: await listInboundEvents(deps.db, c.get('viewer'), c.req.valid('query')) });
  });
  app.post('/inbound-events/:id/retry', validate('param', z.object({ id: z.string() })), async (c) => {
    return c.json(await retryInboundEvent(deps, c.get('viewer'), c.req.valid('param').id), 202);
  });
  return app;
}
