// SLA administration (policies, business calendars, conversation statuses) and a conversation's
// SLA record (clocks and breaches).
import { Hono } from 'hono';
import { z } from 'zod';
import { loadVisibleConversation, requireAdmin, requireSupervisor } from '../../domain/conversations/visibility.ts';
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

  app.get('/sla/policies', async (c) => {
    requireSupervisor(c.get('viewer'), 'read SLA policies');
    return c.json({ items: await deps.db.slaPolicy.findMany({ where: { workspaceId: c.get('viewer').workspaceId }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }) });
  });
  app.post('/sla/policies', async (c) => {
    requireAdmin(c.get('viewer'), 'create SLA policies');
    return c.json(await savePolicy(deps.db, c.get('viewer'), await jsonBody(c)), 201);
  });
  app.put('/sla/policies/:id', validate('param', id), async (c) => {
    requireAdmin(c.get('viewer'), 'change SLA policies');
    return c.json(await savePolicy(deps.db, c.get('viewer'), await jsonBody(c), c.req.valid('param').id));
  });
  app.get('/sla/calendars', async (c) => c.json({ items: await deps.db.businessCalendar.findMany({ where: { workspaceId: c.get('viewer').workspaceId }, orderBy: { name: 'asc' } }) }));
  app.post('/sla/calendars', async (c) => {
    requireAdmin(c.get('viewer'), 'create calendars');
    return c.json(await saveCalendar(deps.db, c.get('viewer'), await jsonBody(c)), 201);
  });
  app.put('/sla/calendars/:id', validate('param', id), async (c) => {
    requireAdmin(c.get('viewer'), 'change calendars');
    return c.json(await saveCalendar(deps.db, c.get('viewer'), await jsonBody(c), c.req.valid('param').id));
  });

  app.get('/statuses', async (c) => c.json({ items: await deps.db.statusDefinition.findMany({ where: { workspaceId: c.get('viewer').workspaceId }, orderBy: { position: 'asc' } }) }));
  app.post('/statuses', validate('json', statusBody), async (c) => {
    const v = c.get('viewer');
    requireAdmin(v, 'define statuses');
    const body = c.req.valid('json');
    if (body.autoToKey && !(await deps.db.statusDefinition.findUnique({ where: { workspaceId_key: { workspaceId: v.workspaceId, key: body.autoToKey } } }))) {
      throw new AppError('validation_failed', `autoToKey: no status "${body.autoToKey}"`);
    }
    if (await deps.db.statusDefinition.findUnique({ where: { workspaceId_key: { workspaceId: v.workspaceId, key: body.key } } })) throw new AppError('conflict', `Status "${body.key}" exists already`);
    const position = await deps.db.statusDefinition.count({ where: { workspaceId: v.workspaceId } });
    return c.json(await deps.db.statusDefinition.create({ data: { ...body, workspaceId: v.workspaceId, position } }), 201);
  });

  app.get('/conversations/:id/sla', validate('param', id), async (c) => {
    const conv = await loadVisibleConversation(deps.db, c.get('viewer'), c.req.valid('param').id);
    const [clocks, breaches] = [
      await deps.db.slaClock.findMany({ where: { conversationId: conv.id }, orderBy: { startedAt: 'asc' }, include: { policy: { select: { id: true, name: true } } } }),
      await deps.db.slaBreach.findMany({ where: { conversationId: conv.id }, orderBy: { breachedAt: 'asc' } }),
    ];
    return c.json({ policyId: conv.slaPolicyId, clocks, breaches });
  });
  return app;
}
