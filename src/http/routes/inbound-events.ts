// Supervisors' view of inbound events: what failed to process or was refused and why, the payload,
// re-processing one or many after a fix, and the "new failures" badge.
import { Hono } from 'hono';
import { z } from 'zod';
import { countNewInboundFailures } from '../../domain/inbound/count-new-inbound-failures.ts';
import { getInboundEvent } from '../../domain/inbound/get-inbound-event.ts';
import { listInboundEvents } from '../../domain/inbound/list-inbound-events.ts';
import { markInboundFailuresSeen } from '../../domain/inbound/mark-inbound-failures-seen.ts';
import { retryInboundEvent } from '../../domain/inbound/retry-inbound-event.ts';
import { retryInboundEvents } from '../../domain/inbound/retry-inbound-events.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { inboundEventListQuery, inboundEventRetryBody } from '../schemas/inbound-events.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function inboundEventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/inbound-events', allow('supervisor'), validate('query', inboundEventListQuery), async (c) => {
    return c.json({ items: await listInboundEvents(deps.db, c.get('viewer'), c.req.valid('query')) });
  });
  // Before /:id, which would take these names as ids.
  app.get('/inbound-events/unseen', allow('supervisor'), async (c) => c.json(await countNewInboundFailures(deps.db, c.get('viewer'))));
  app.post('/inbound-events/seen', allow('supervisor'), async (c) => c.json(await markInboundFailuresSeen(deps, c.get('viewer'))));
  app.post('/inbound-events/retry', allow('supervisor'), validate('json', inboundEventRetryBody), async (c) => {
    return c.json(await retryInboundEvents(deps, c.get('viewer'), c.req.valid('json').ids), 202);
  });
  app.get('/inbound-events/:id', allow('supervisor'), validate('param', idParam), async (c) => c.json(await getInboundEvent(deps.db, c.get('viewer'), c.req.valid('param').id)));
  app.post('/inbound-events/:id/retry', allow('supervisor'), validate('param', idParam), async (c) => {
    return c.json(await retryInboundEvent(deps, c.get('viewer'), c.req.valid('param').id), 202);
  });
  return app;
}
