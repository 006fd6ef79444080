// SLA administration (policies, business calendars, conversation statuses), with previews of what
// a change would do to conversations under way, and a conversation's SLA record (clocks, breaches).
import { Hono } from 'hono';
import { z } from 'zod';
import { createStatusDefinition, listStatusDefinitions } from '../../domain/conversations/manage-status-definitions.ts';
import { previewStatusChange, updateStatusDefinition } from '../../domain/conversations/update-status-definition.ts';
import { getConversationSla } from '../../domain/sla/get-conversation-sla.ts';
import { listBusinessCalendars, listSlaPolicies } from '../../domain/sla/list-sla-config.ts';
import { previewCalendarChange, previewPolicyChange } from '../../domain/sla/preview-sla-change.ts';
import { saveCalendar } from '../../domain/sla/save-business-calendar.ts';
import { savePolicy } from '../../domain/sla/save-sla-policy.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { jsonObject } from '../schemas/json-object.ts';
import { statusCreateBody, statusPatchBody } from '../schemas/routing.ts';
import { validate } from '../validate.ts';

const id = z.object({ id: z.string().min(1) });
const statusKey = z.object({ key: z.string().min(1) });

export function slaRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = () => deps.clock.now();
  // Policies and calendars are parsed by their domain parsers (which name each problem); the edge checks it is a JSON object.

  app.get('/sla/policies', allow('supervisor'), async (c) => c.json({ items: await listSlaPolicies(deps.db, c.get('viewer')) }));
  app.post('/sla/policies', allow('admin'), validate('json', jsonObject), async (c) => c.json(await savePolicy(deps, c.get('viewer'), c.req.valid('json')), 201));
  app.post('/sla/policies/preview', allow('admin'), validate('json', jsonObject), async (c) => c.json(await previewPolicyChange(deps.db, c.get('viewer'), { body: c.req.valid('json'), id: null, now: now() })));
  app.put('/sla/policies/:id', allow('admin'), validate('param', id), validate('json', jsonObject), async (c) => c.json(await savePolicy(deps, c.get('viewer'), c.req.valid('json'), c.req.valid('param').id)));
  app.post('/sla/policies/:id/preview', allow('admin'), validate('param', id), validate('json', jsonObject), async (c) => c.json(await previewPolicyChange(deps.db, c.get('viewer'), { body: c.req.valid('json'), id: c.req.valid('param').id, now: now() })));

  app.get('/sla/calendars', allow('supervisor'), async (c) => c.json({ items: await listBusinessCalendars(deps.db, c.get('viewer')) }));
  app.post('/sla/calendars', allow('admin'), validate('json', jsonObject), async (c) => c.json(await saveCalendar(deps, c.get('viewer'), c.req.valid('json')), 201));
  app.put('/sla/calendars/:id', allow('admin'), validate('param', id), validate('json', jsonObject), async (c) => c.json(await saveCalendar(deps, c.get('viewer'), c.req.valid('json'), c.req.valid('param').id)));
  app.post('/sla/calendars/:id/preview', allow('admin'), validate('param', id), validate('json', jsonObject), async (c) => c.json(await previewCalendarChange(deps.db, c.get('viewer'), { body: c.req.valid('json'), id: c.req.valid('param').id, now: now() })));

  app.get('/statuses', allow('agent'), async (c) => c.json({ items: await listStatusDefinitions(deps.db, c.get('viewer')) }));
  app.post('/statuses', allow('admin'), validate('json', statusCreateBody), async (c) => c.json(await createStatusDefinition(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/statuses/:key', allow('admin'), validate('param', statusKey), validate('json', statusPatchBody), async (c) => c.json(await updateStatusDefinition(deps, c.get('viewer'), c.req.valid('param').key, c.req.valid('json'))));
  app.post('/statuses/:key/preview', allow('admin'), validate('param', statusKey), validate('json', statusPatchBody), async (c) => c.json(await previewStatusChange(deps.db, c.get('viewer'), c.req.valid('param').key, c.req.valid('json'))));

  app.get('/conversations/:id/sla', allow('agent'), validate('param', id), async (c) => c.json(await getConversationSla(deps.db, c.get('viewer'), c.req.valid('param').id)));
  return app;
}
