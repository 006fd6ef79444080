// GET /api/contacts/:id: the contact, their identities and their whole cross-channel timeline.
// PATCH /api/contacts/:id: edit name, lifecycle stage, tier, tags and custom attributes.
import { Hono } from 'hono';
import { z } from 'zod';
import { getContactTimeline } from '../../domain/contacts/get-contact-timeline.ts';
import { updateContact } from '../../domain/contacts/update-contact.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';
import { tagList } from './conversation-updates.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s === '' ? null : s));

const patchBody = z
  .object({
    name: optionalText(200),
    lifecycleStage: optionalText(50),
    tier: optionalText(50),
    tags: tagList.optional(),
    attributes: z
      .record(z.string().trim().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
      .optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field to change');

export function contactRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get(
    '/contacts/:id',
    requireAuth(deps),
    validate('param', z.object({ id: z.string().min(1) })),
    validate('query', z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) })),
    async (c) => c.json(await getContactTimeline(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('query'))),
  );
  app.patch('/contacts/:id', requireAuth(deps), validate('param', z.object({ id: z.string().min(1) })), validate('json', patchBody), async (c) => {
    const viewer = c.get('viewer');
    const { id } = c.req.valid('param');
    await updateContact(deps, viewer, { contactId: id, ...c.req.valid('json') });
    return c.json(await getContactTimeline(deps.db, viewer, id, { limit: 200 }));
  });
  return app;
}
