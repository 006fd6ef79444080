// GET /api/contacts: the contacts list (search, filters, keyset pages); /api/contact-views: its saved views.
// GET /api/contacts/:id: the contact, their identities and their whole cross-channel timeline.
// GET /api/contacts/:id/timeline: that timeline a page at a time, newest first (the customer panel).
// PATCH /api/contacts/:id: edit name, lifecycle stage, tier, tags, custom attributes, company and owner.
// GET /api/contacts/:id/claims: addresses the contact claims without proof; POST .../claims/:claimId/link
// emails a confirmation link there; POST .../claims/:claimId/verify merges them deliberately (supervisors).
import { Hono } from 'hono';
import { z } from 'zod';
import { getContactTimeline } from '../../domain/contacts/get-contact-timeline.ts';
import { listContactTimeline } from '../../domain/contacts/list-contact-timeline.ts';
import { listContacts } from '../../domain/contacts/list-contacts.ts';
import { createSavedContactView, deleteSavedContactView, listSavedContactViews, updateSavedContactView } from '../../domain/contacts/saved-contact-views.ts';
import { updateContact } from '../../domain/contacts/update-contact.ts';
import { listIdentityClaims } from '../../domain/contacts/list-identity-claims.ts';
import { sendIdentityClaimLink } from '../../domain/contacts/send-identity-claim-link.ts';
import { verifyAndMergeClaim } from '../../domain/contacts/verify-identity-claim.ts';
import { linkBaseUrl } from '../public-url.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { auditReads } from '../audit-reads.ts';
import { allow } from '../permissions.ts';
import { contactListQuery, contactPatchBody, contactTimelineQuery, savedContactViewBody, savedContactViewPatchBody } from '../schemas/contacts.ts';
import { validate } from '../validate.ts';

export function contactRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const idParam = z.object({ id: z.string().min(1) });
  app.get('/contacts', allow('agent'), validate('query', contactListQuery), async (c) => c.json(await listContacts(deps.db, c.get('viewer'), c.req.valid('query'))));
  app.get('/contact-views', allow('agent'), async (c) => c.json({ items: await listSavedContactViews(deps.db, c.get('viewer')) }));
  app.post('/contact-views', allow('agent'), validate('json', savedContactViewBody), async (c) => c.json(await createSavedContactView(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/contact-views/:id', allow('agent'), validate('param', idParam), validate('json', savedContactViewPatchBody), async (c) =>
    c.json(await updateSavedContactView(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json'))),
  );
  app.delete('/contact-views/:id', allow('agent'), validate('param', idParam), async (c) => {
    await deleteSavedContactView(deps.db, c.get('viewer'), c.req.valid('param').id);
    return c.body(null, 204);
  });
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
  const claimParam = z.object({ id: z.string().min(1), claimId: z.string().min(1) });
  app.get('/contacts/:id/claims', allow('agent'), validate('param', z.object({ id: z.string().min(1) })), async (c) => c.json(await listIdentityClaims(deps.db, c.get('viewer'), c.req.valid('param').id)));
  app.post('/contacts/:id/claims/:claimId/link', allow('agent'), validate('param', claimParam), async (c) => {
    const { id, claimId } = c.req.valid('param');
    return c.json(await sendIdentityClaimLink(deps, c.get('viewer'), { contactId: id, claimId, baseUrl: linkBaseUrl(c, deps.config) }));
  });
  app.post('/contacts/:id/claims/:claimId/verify', allow('supervisor'), validate('param', claimParam), async (c) => {
    const { id, claimId } = c.req.valid('param');
    return c.json(await verifyAndMergeClaim(deps, c.get('viewer'), { contactId: id, claimId }));
  });
  return app;
}
