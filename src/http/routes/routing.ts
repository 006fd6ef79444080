// Routing administration and operation: the workflow, queues, agent skills / capacity / presence,
// offers, and the supervisor board.
import { Hono } from 'hono';
import { z } from 'zod';
import { toAgentPresence, type AgentPresence } from '../../domain/agents/presence-view.ts';
import { requireAdmin, requireSupervisor } from '../../domain/conversations/visibility.ts';
import { supervisorBoard } from '../../domain/routing/board.ts';
import { requestDispatch } from '../../domain/routing/dispatch-waiting.ts';
import { loadWorkflow } from '../../domain/routing/load-workflow.ts';
import { setAgentCapacity, setAgentSkills } from '../../domain/routing/manage-agents.ts';
import { acceptOffer, declineOffer, listMyOffers } from '../../domain/routing/offers.ts';
import { saveWorkflow } from '../../domain/routing/save-workflow.ts';
import { setPresence } from '../../domain/routing/set-presence.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { presenceBody } from '../schemas/presence.ts';
import { validate } from '../validate.ts';

const id = z.object({ id: z.string().min(1) });
const queueBody = z.object({ name: z.string().trim().min(1).max(80), teamId: z.string().nullable().optional(), mode: z.enum(['push', 'offer']).default('push'), offerTimeoutSeconds: z.number().int().min(5).max(3600).default(30) });

export function routingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  for (const path of ['/routing/*', '/queues', '/queues/*', '/supervisor/*', '/me/presence', '/me/offers', '/agents/:id/presence', '/agents/:id/skills', '/agents/:id/capacity', '/conversations/:id/offer/*']) app.use(path, requireAuth(deps));

  app.get('/routing/workflow', async (c) => {
    requireSupervisor(c.get('viewer'), 'read the routing workflow');
    const { workflow, version } = await loadWorkflow(deps.db, c.get('viewer').workspaceId);
    return c.json({ definition: workflow, version });
  });
  app.put('/routing/workflow', async (c) => {
    requireAdmin(c.get('viewer'), 'change the routing workflow');
    const body = await c.req.json().catch(() => {
      throw new AppError('bad_request', 'Malformed JSON in request body');
    });
    return c.json(await saveWorkflow(deps.db, c.get('viewer'), body));
  });

  app.get('/queues', async (c) => c.json({ items: await deps.db.queue.findMany({ where: { workspaceId: c.get('viewer').workspaceId }, orderBy: { name: 'asc' } }) }));
  app.post('/queues', validate('json', queueBody), async (c) => {
    requireAdmin(c.get('viewer'), 'create queues');
    const body = c.req.valid('json');
    const exists = await deps.db.queue.findUnique({ where: { workspaceId_name: { workspaceId: c.get('viewer').workspaceId, name: body.name } } });
    if (exists) throw new AppError('conflict', `A queue named "${body.name}" exists already`);
    return c.json(await deps.db.queue.create({ data: { ...body, workspaceId: c.get('viewer').workspaceId } }), 201);
  });
  app.patch('/queues/:id', validate('param', id), validate('json', queueBody.partial()), async (c) => {
    requireAdmin(c.get('viewer'), 'change queues');
    const q = await deps.db.queue.findFirst({ where: { id: c.req.valid('param').id, workspaceId: c.get('viewer').workspaceId } });
    if (!q) throw notFound('Queue');
    return c.json(await deps.db.queue.update({ where: { id: q.id }, data: c.req.valid('json') }));
  });

  app.get('/supervisor/board', async (c) => {
    requireSupervisor(c.get('viewer'), 'see the supervisor board');
    return c.json(await supervisorBoard(deps.db, c.get('viewer').workspaceId, deps.clock.now()));
  });

  app.post('/me/presence', validate('json', presenceBody), async (c) => {
    const v = c.get('viewer');
    const agent = await setPresence(deps, { agentId: v.agentId, presence: c.req.valid('json').presence, actorAgentId: v.agentId, reason: 'set by agent' });
    return c.json(toAgentPresence(agent));
  });
  app.post('/agents/:id/presence', validate('param', id), validate('json', presenceBody), async (c) => {
    const v = c.get('viewer');
    requireSupervisor(v, "change other agents' presence");
    const target = await deps.db.agent.findFirst({ where: { id: c.req.valid('param').id, workspaceId: v.workspaceId } });
    if (!target) throw notFound('Agent');
    const agent = await setPresence(deps, { agentId: target.id, presence: c.req.valid('json').presence, actorAgentId: v.agentId, reason: 'set by supervisor' });
    return c.json({ presence: agent.presence } satisfies Pick<AgentPresence, 'presence'>);
  });
  app.put('/agents/:id/skills', validate('param', id), validate('json', z.object({ skills: z.array(z.object({ skill: z.string().trim().min(1).max(60), level: z.number().int().min(1).max(10) })) })), async (c) => {
    requireAdmin(c.get('viewer'), 'change skills');
    const skills = await setAgentSkills(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').skills);
    await requestDispatch(deps, c.get('viewer').workspaceId);
    return c.json({ skills });
  });
  app.put('/agents/:id/capacity', validate('param', id), validate('json', z.object({ capacity: z.number().int().min(0).max(10_000) })), async (c) => {
    requireAdmin(c.get('viewer'), 'change capacity');
    const result = await setAgentCapacity(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').capacity);
    await requestDispatch(deps, c.get('viewer').workspaceId);
    return c.json(result);
  });

  app.get('/me/offers', async (c) => c.json({ items: await listMyOffers(deps, c.get('viewer')) }));
  app.post('/conversations/:id/offer/accept', validate('param', id), async (c) => c.json(await acceptOffer(deps, c.get('viewer'), c.req.valid('param').id)));
  app.post('/conversations/:id/offer/decline', validate('param', id), async (c) => c.json(await declineOffer(deps, c.get('viewer'), c.req.valid('param').id)));
  return app;
}
