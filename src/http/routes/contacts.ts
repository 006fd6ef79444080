// GET /api/contacts/:id: the contact, their identities and their whole cross-channel timeline.
// GET /api/contacts/:id/timeline: that timeline a page at a time, newest first (the customer panel).
// PATCH /api/contacts/:id: edit name, lifecycle stage, tier, tags and custom attributes.
import { Hono } from 'hono';
import { z } from 'zod';
import { getContactTimeline } from '../../domain/contacts/get-contact-timeline.ts';
import { listContactTimeline } from '../../domain/contacts/list-contact-timeline.ts';
import { updateContact } from '../../domain/contacts/update-contact.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { auditReads } from '../audit-reads.ts';
import { allow } from '../permissions.ts';
import { contactPatchBody, contactTimelineQuery } from '../schemas/contacts.ts';
import { validate } from '../validate.ts';

export function contactRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(
    '/contacts/:id',
    allow('agent'),
    auditReads(deps, 'contact'),
    validate('param', z.object({ id: z.string().min(1) })),
    validate('query', z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) })),
    async (c) => c.json(await getContactTimeline(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('query'))),
  );
  app.get('/contacts/:id/timeline', allow('agent'), validate('param', z.object({ id: z.string().min(1) })), validate('query', contactTimelineQuery), async (c) =>
    c.json(await listContactTimeline(deps.db, c.get('viewer'), { contactId: c.req.valid('param').id, ...c.req.valid('query') })),
  );
  app.patch('/contacts/:id', allow('agent'), validate('param', z.object({ id: z.string().min(1) })), validate('json', contactPatchBody), async (c) => {
    const viewer = c.get('viewer');
    const { id } = c.req.valid('param');
    await updateContact(deps, viewer, { contactId: id, ...c.req.valid('json') });
    return c.json(await getContactTimeline(deps.db, viewer, id, { limit: 200 }));
  });
  return app;
}
