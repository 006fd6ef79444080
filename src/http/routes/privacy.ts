// The customer's data under the company's control (admins):
// GET /api/contacts/:id/export: everything about the contact as a zip (contact.json + attachments/).
// POST /api/contacts/:id/erase {confirm: "ERASE"}: erase the contact, keep countable conversations.
// GET|PUT /api/privacy/retention: how long the workspace keeps data it no longer needs.
import { Hono } from 'hono';
import { z } from 'zod';
import { eraseContact } from '../../domain/privacy/erase-contact.ts';
import { exportContact } from '../../domain/privacy/export-contact.ts';
import { getRetentionSettings, saveRetentionSettings } from '../../domain/privacy/retention-settings.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { eraseBody, retentionBody } from '../schemas/privacy.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function privacyRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/contacts/:id/export', allow('admin'), validate('param', idParam), async (c) => {
    const { filename, stream } = await exportContact(deps, c.get('viewer'), c.req.valid('param').id);
    return c.body(stream, 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
  });
  app.post('/contacts/:id/erase', allow('admin'), validate('param', idParam), validate('json', eraseBody), async (c) =>
    c.json(await eraseContact(deps, c.get('viewer'), { contactId: c.req.valid('param').id, confirm: c.req.valid('json').confirm })),
  );
  app.get('/privacy/retention', allow('admin'), async (c) => c.json(await getRetentionSettings(deps.db, c.get('viewer'))));
  app.put('/privacy/retention', allow('admin'), validate('json', retentionBody), async (c) => c.json(await saveRetentionSettings(deps, c.get('viewer'), c.req.valid('json'))));
  return app;
}
