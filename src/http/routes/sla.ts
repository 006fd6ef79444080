// SLA administration (policies, business calendars, conversation statuses) and a conversation's
// SLA record (clocks and breaches).
import { Hono } from 'hono';
import { z } from 'zod';
import { createStatusDefinition, listStatusDefinitions } from '../../domain/conversations/manage-status-definitions.ts';
import { getConversationSla } from '../../domain/sla/get-conversation-sla.ts';
import { listBusinessCalendars, listSlaPolicies } from '../../domain/sla/list-sla-config.ts';
import { saveCalendar, savePolicy } from '../../domain/sla/save-sla-config.ts';
import { AppError } from '../../errors.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const id = z.object({ id: z.string().min(1) });
const statusBody = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _'),
  label: z.string().trim().min(1).max(60),
  category: z.enum(['open', 'pending', 'snoozed', 'resolved']),
  slaClock: z.enum(['run', 'pause', 'stop']),
  autoAfterSeconds: z.number().int().min(60).nullable().default(null),
  autoToKey: z.string().nullable().default(null),
});

async function jsonBody(c: { req: { json(): Promise<unknown> } }): Promise<unknown> {
  return c.req.json().catch(() => {
    throw new AppError('bad_request', 'Malformed JSON in request body');
  });
}

export function slaRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  for (const path of ['/sla/*', '/statuses', '/conversations/:id/sla']) app.use(path, requireAuth(deps));

  app.get('/sla/policies', async (c) => c.json({ items: await listSlaPolicies(deps.db, c.get('viewer')) }));
  app.post('/sla/policies', async (c) => c.json(await savePolicy(deps.db, c.get('viewer'), await jsonBody(c)), 201));
  app.put('/sla/policies/:id', validate('param', id), async (c) => c.json(await savePolicy(deps.db, c.get('viewer'), await jsonBody(c), c.req.valid('param').id)));
  app.get('/sla/calendars', async (c) => c.json({ items: await listBusinessCalendars(deps.db, c.get('viewer')) }));
  app.post('/sla/calendars', async (c) => c.json(await saveCalendar(deps.db, c.get('viewer'), await jsonBody(c)), 201));
  app.put('/sla/calendars/:id', validate('param', id), async (c) => c.json(await saveCalendar(deps.db, c.get('viewer'), await jsonBody(c), c.req.valid('param').id)));

  app.get('/statuses', async (c) => c.json({ items: await listStatusDefinitions(deps.db, c.get('viewer')) }));
  app.post('/statuses', validate('json', statusBody), async (c) => c.json(await createStatusDefinition(deps.db, c.get('viewer'), c.req.valid('json')), 201));

  app.get('/conversations/:id/sla', validate('param', id), async (c) => c.json(await getConversationSla(deps.db, c.get('viewer'), c.req.valid('param').id)));
  return app;
}
