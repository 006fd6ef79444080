// /api/organisations: companies. Every agent lists (by name, or by an email domain to suggest one
// for a contact), opens one (its contacts they may see and their recent conversations), creates and
// edits; supervisors and admins delete.
import { Hono } from 'hono';
import { z } from 'zod';
import { getOrganisation, listOrganisations } from '../../domain/organisations/list-organisations.ts';
import { createOrganisation, deleteOrganisation, updateOrganisation } from '../../domain/organisations/save-organisation.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { organisationBody, organisationListQuery, organisationPatchBody } from '../schemas/organisations.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function organisationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/organisations', allow('agent'), validate('query', organisationListQuery), async (c) => c.json({ items: await listOrganisations(deps.db, c.get('viewer'), c.req.valid('query')) }));
  app.post('/organisations', allow('agent'), validate('json', organisationBody), async (c) => c.json(await createOrganisation(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.get('/organisations/:id', allow('agent'), validate('param', idParam), async (c) => c.json(await getOrganisation(deps.db, c.get('viewer'), c.req.valid('param').id)));
  app.patch('/organisations/:id', allow('agent'), validate('param', idParam), validate('json', organisationPatchBody), async (c) =>
    c.json(await updateOrganisation(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.delete('/organisations/:id', allow('supervisor'), validate('param', idParam), async (c) => {
    await deleteOrganisation(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
