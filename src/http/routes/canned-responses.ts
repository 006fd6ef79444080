// /api/canned-responses: everyone reads; supervisors and admins create, edit and delete.
import { Hono } from 'hono';
import { z } from 'zod';
import { listCannedResponses } from '../../domain/canned/list-canned-responses.ts';
import { deleteCannedResponse } from '../../domain/canned/delete-canned-response.ts';
import { createCannedResponse, updateCannedResponse } from '../../domain/canned/save-canned-response.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { cannedResponseCreateBody, cannedResponseUpdateBody } from '../schemas/canned-responses.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function cannedResponseRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/canned-responses', allow('agent'), async (c) => c.json({ items: await listCannedResponses(deps.db, c.get('viewer')) }));
  app.post('/canned-responses', allow('supervisor'), validate('json', cannedResponseCreateBody), async (c) => {
    return c.json(await createCannedResponse(deps.db, c.get('viewer'), c.req.valid('json')), 201);
  });
  app.patch('/canned-responses/:id', allow('supervisor'), validate('param', idParam), validate('json', cannedResponseUpdateBody), async (c) => {
    return c.json(await updateCannedResponse(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.delete('/canned-responses/:id', allow('supervisor'), validate('param', idParam), async (c) => {
    await deleteCannedResponse(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
