// Routing administration and operation: the workflow, queues, agent skills / capacity / presence,
// offers, and the supervisor board.
import { Hono } from 'hono';
import { z } from 'zod';
import { toAgentPresence, type AgentPresence } from '../../domain/agents/presence-view.ts';
import { supervisorBoard } from '../../domain/routing/board.ts';
import { getRoutingWorkflow } from '../../domain/routing/get-routing-workflow.ts';
import { listSkills } from '../../domain/routing/list-skills.ts';
import { setAgentCapacity, setAgentSkills } from '../../domain/routing/manage-agents.ts';
import { createQueue, listQueues, updateQueue } from '../../domain/routing/manage-queues.ts';
import { acceptOffer, declineOffer, listMyOffers } from '../../domain/routing/offers.ts';
import { saveWorkflow } from '../../domain/routing/save-workflow.ts';
import { setAgentPresence, setOwnPresence } from '../../domain/routing/set-presence.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { jsonObject } from '../schemas/json-object.ts';
import { presenceBody } from '../schemas/presence.ts';
import { queueCreateBody, queuePatchBody } from '../schemas/routing.ts';
import { validate } from '../validate.ts';

const id = z.object({ id: z.string().min(1) });
const skillsBody = z.object({ skills: z.array(z.object({ skill: z.string().trim().min(1).max(60), level: z.number().int().min(1).max(10) })) });
const capacityBody = z.object({ capacity: z.number().int().min(0).max(10_000) });

export function routingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/routing/workflow', allow('supervisor'), async (c) => c.json(await getRoutingWorkflow(deps.db, c.get('viewer'))));
  // The workflow's own parser (in the domain) checks its shape and names each problem.
  app.put('/routing/workflow', allow('admin'), validate('json', jsonObject), async (c) => c.json(await saveWorkflow(deps.db, c.get('viewer'), c.req.valid('json'))));

  app.get('/queues', allow('agent'), async (c) => c.json({ items: await listQueues(deps.db, c.get('viewer')) }));
  app.post('/queues', allow('admin'), validate('json', queueCreateBody), async (c) => c.json(await createQueue(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/queues/:id', allow('admin'), validate('param', id), validate('json', queuePatchBody), async (c) => {
    return c.json(await updateQueue(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });

  app.get('/skills', allow('supervisor'), async (c) => c.json({ items: await listSkills(deps.db, c.get('viewer')) }));

  app.get('/supervisor/board', allow('supervisor'), async (c) => c.json(await supervisorBoard(deps.db, c.get('viewer'), deps.clock.now())));

  app.post('/me/presence', allow('agent'), validate('json', presenceBody), async (c) => {
    const agent = await setOwnPresence(deps, c.get('viewer'), c.req.valid('json').presence);
    return c.json(toAgentPresence(agent));
  });
  app.post('/agents/:id/presence', allow('supervisor'), validate('param', id), validate('json', presenceBody), async (c) => {
    const agent = await setAgentPresence(deps, c.get('viewer'), { agentId: c.req.valid('param').id, presence: c.req.valid('json').presence });
    return c.json({ presence: agent.presence } satisfies Pick<AgentPresence, 'presence'>);
  });
  app.put('/agents/:id/skills', allow('admin'), validate('param', id), validate('json', skillsBody), async (c) => {
    return c.json({ skills: await setAgentSkills(deps, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').skills) });
  });
  app.put('/agents/:id/capacity', allow('admin'), validate('param', id), validate('json', capacityBody), async (c) => {
    return c.json(await setAgentCapacity(deps, c.get('viewer'), c.req.valid('param').id, c.req.valid('json').capacity));
  });

  app.get('/me/offers', allow('agent'), async (c) => c.json({ items: await listMyOffers(deps, c.get('viewer')) }));
  app.post('/conversations/:id/offer/accept', allow('agent'), validate('param', id), async (c) => c.json(await acceptOffer(deps, c.get('viewer'), c.req.valid('param').id)));
  app.post('/conversations/:id/offer/decline', allow('agent'), validate('param', id), async (c) => c.json(await declineOffer(deps, c.get('viewer'), c.req.valid('param').id)));
  return app;
}
