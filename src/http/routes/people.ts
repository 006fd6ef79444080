// Admin → People: everyone in the workspace, inviting (POST /people/invites), changing role,
// teams, skills, capacity and languages (PATCH /people/:id), deactivating and reactivating,
// sending the invite again, resetting a password, revoking an invitation. Admins only.
import { Hono } from 'hono';
import { z } from 'zod';
import { deactivatePerson, reactivatePerson } from '../../domain/people/deactivate-person.ts';
import { invitePerson } from '../../domain/people/invite-person.ts';
import { listPeople } from '../../domain/people/list-people.ts';
import { revokeInvite } from '../../domain/people/revoke-invite.ts';
import { sendAccountLink } from '../../domain/people/send-account-link.ts';
import { updatePerson } from '../../domain/people/update-person.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { linkBaseUrl } from '../public-url.ts';
import { inviteBody, personPatchBody } from '../schemas/people.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function peopleRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/people', allow('admin'), async (c) => c.json({ items: await listPeople(deps.db, c.get('viewer')) }));
  app.post('/people/invites', allow('admin'), validate('json', inviteBody), async (c) => {
    return c.json(await invitePerson(deps, c.get('viewer'), { ...c.req.valid('json'), baseUrl: linkBaseUrl(c, deps.config) }), 201);
  });
  app.patch('/people/:id', allow('admin'), validate('param', idParam), validate('json', personPatchBody), async (c) => {
    return c.json(await updatePerson(deps, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.post('/people/:id/deactivate', allow('admin'), validate('param', idParam), async (c) => c.json(await deactivatePerson(deps, c.get('viewer'), c.req.valid('param').id)));
  app.post('/people/:id/reactivate', allow('admin'), validate('param', idParam), async (c) => c.json(await reactivatePerson(deps, c.get('viewer'), c.req.valid('param').id)));
  app.post('/people/:id/invite', allow('admin'), validate('param', idParam), async (c) => {
    return c.json(await sendAccountLink(deps, c.get('viewer'), { agentId: c.req.valid('param').id, purpose: 'invite', baseUrl: linkBaseUrl(c, deps.config) }));
  });
  app.post('/people/:id/password-reset', allow('admin'), validate('param', idParam), async (c) => {
    return c.json(await sendAccountLink(deps, c.get('viewer'), { agentId: c.req.valid('param').id, purpose: 'password_reset', baseUrl: linkBaseUrl(c, deps.config) }));
  });
  app.delete('/people/:id', allow('admin'), validate('param', idParam), async (c) => {
    await revokeInvite(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
  return app;
}
