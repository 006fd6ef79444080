// GET /api/contacts/:id: the contact, their identities and their whole cross-channel timeline.
import { Hono } from 'hono';
import { z } from 'zod';
import { getContactTimeline } from '../../domain/contacts/get-contact-timeline.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

export function contactRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(
    '/contacts/:id',
    requireAuth(deps),
    validate('param', z.object({ id: z.string().min(1) })),
    validate('query', z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) })),
    async (c) => c.json(await getContactTimeline(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('query'))),
  );
  return app;
}
